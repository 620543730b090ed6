/// Removes what a photo says about where, when and with what it was taken — EXIF (GPS
/// included), XMP, comments and text chunks — and keeps what a decoder needs to draw it
/// as the camera meant (colour profile, JPEG's Adobe colour transform).
///
/// Runs on bytes `ImageCheck` has accepted; anything it does not recognise is left as it
/// is, so a file it cannot walk is never made worse. Orientation lives in EXIF and goes
/// with it: a rotated phone photo may show on its side, which is the price of not
/// publishing where a citizen stood.
public enum ImageMetadata {
    /// The image without its metadata; the same bytes when there was none.
    public static func stripped(_ bytes: [UInt8], mediaType: String) -> [UInt8] {
        switch mediaType {
        case "image/jpeg": jpeg(bytes) ?? bytes
        case "image/png": png(bytes) ?? bytes
        case "image/webp": webp(bytes) ?? bytes
        default: bytes
        }
    }

    // MARK: - JPEG

    /// Drops the COM segment and every APPn segment but JFIF (APP0), the ICC profile
    /// (APP2 `ICC_PROFILE`) and Adobe's colour transform (APP14 `Adobe`), up to the start
    /// of scan; the scan and everything after it is copied as it is.
    static func jpeg(_ b: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = [0xFF, 0xD8]
        out.reserveCapacity(b.count)
        var at = 2
        while at + 4 <= b.count {
            guard b[at] == 0xFF else { return nil }
            var markerAt = at + 1
            while markerAt < b.count, b[markerAt] == 0xFF { markerAt += 1 }
            guard markerAt + 2 < b.count else { return nil }
            let marker = b[markerAt]
            if marker == 0x01 || (0xD0...0xD7).contains(marker) {
                out.append(contentsOf: [0xFF, marker])
                at = markerAt + 1
                continue
            }
            let length = Int(b[markerAt + 1]) << 8 | Int(b[markerAt + 2])
            let end = markerAt + 1 + length
            guard length >= 2, end <= b.count else { return nil }
            if marker == 0xDA {
                out.append(contentsOf: b[at...])
                return out
            }
            let payload = b[(markerAt + 3)..<end]
            if keepsJPEGSegment(marker, payload) { out.append(contentsOf: b[at..<end]) }
            at = end
        }
        return nil
    }

    private static func keepsJPEGSegment(_ marker: UInt8, _ payload: ArraySlice<UInt8>) -> Bool {
        switch marker {
        case 0xFE: false  // COM
        case 0xE0: payload.starts(with: Array("JFIF".utf8)) || payload.starts(with: Array("JFXX".utf8))
        case 0xE2: payload.starts(with: Array("ICC_PROFILE\0".utf8))
        case 0xEE: payload.starts(with: Array("Adobe".utf8))
        case 0xE1...0xEF: false  // EXIF, XMP, maker notes, Photoshop IRB (IPTC) …
        default: true
        }
    }

    // MARK: - PNG

    /// Chunks that carry text or EXIF; nothing a decoder needs.
    static let pngMetadataChunks: Set<String> = ["eXIf", "tEXt", "iTXt", "zTXt", "tIME"]

    static func png(_ b: [UInt8]) -> [UInt8]? {
        guard b.count >= 8 else { return nil }
        var out = Array(b[0..<8])
        out.reserveCapacity(b.count)
        var at = 8
        while at + 12 <= b.count {
            let length = Int(UInt32(b[at]) << 24 | UInt32(b[at + 1]) << 16 | UInt32(b[at + 2]) << 8 | UInt32(b[at + 3]))
            guard length <= b.count - at - 12 else { return nil }
            let type = String(decoding: b[(at + 4)..<(at + 8)], as: UTF8.self)
            let end = at + 12 + length
            if !pngMetadataChunks.contains(type) { out.append(contentsOf: b[at..<end]) }
            at = end
            if type == "IEND" { return out }
        }
        return nil
    }

    // MARK: - WebP

    /// Drops the EXIF and XMP chunks of an extended (VP8X) file, clears their flags in
    /// the VP8X header and writes the new RIFF size. A simple file (VP8 or VP8L alone)
    /// cannot carry metadata.
    static func webp(_ b: [UInt8]) -> [UInt8]? {
        guard b.count >= 30, String(decoding: b[12..<16], as: UTF8.self) == "VP8X" else { return nil }
        var out = Array(b[0..<12])
        out.reserveCapacity(b.count)
        var at = 12
        while at + 8 <= b.count {
            let type = String(decoding: b[at..<(at + 4)], as: UTF8.self)
            let length = Int(UInt32(b[at + 4]) | UInt32(b[at + 5]) << 8 | UInt32(b[at + 6]) << 16 | UInt32(b[at + 7]) << 24)
            let padded = length + (length & 1)
            guard padded <= b.count - at - 8 else { return nil }
            let end = at + 8 + padded
            if type != "EXIF" && type != "XMP " {
                var chunk = Array(b[at..<end])
                // VP8X flags: bit 3 EXIF, bit 2 XMP.
                if type == "VP8X" { chunk[8] &= ~UInt8(0x0C) }
                out.append(contentsOf: chunk)
            }
            at = end
        }
        guard at == b.count else { return nil }
        let size = UInt32(out.count - 8)
        out[4] = UInt8(size & 0xFF)
        out[5] = UInt8(size >> 8 & 0xFF)
        out[6] = UInt8(size >> 16 & 0xFF)
        out[7] = UInt8(size >> 24 & 0xFF)
        return out
    }
}
