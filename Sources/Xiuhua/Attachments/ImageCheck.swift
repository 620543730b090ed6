/// What a photo is, read from its own bytes: the file's name and the browser's claimed
/// type are never trusted.
public struct ImageFacts: Sendable, Equatable {
    /// `image/jpeg`, `image/png` or `image/webp`.
    public let mediaType: String
    /// Pixel size from the header; nil when the format does not say it cheaply.
    public let width: Int?
    public let height: Int?

    public init(mediaType: String, width: Int?, height: Int?) {
        self.mediaType = mediaType
        self.width = width
        self.height = height
    }
}

/// Why bytes are not an acceptable photo.
public enum ImageProblem: Error, Sendable, Equatable {
    /// No bytes at all.
    case empty
    /// Not a JPEG, PNG or WebP file at all (a GIF, text, a PDF …).
    case unsupportedType
    /// It starts as one of them but is cut short or malformed; the reason says where.
    case damaged(mediaType: String, reason: String)
}

/// Checks that bytes are a whole JPEG, PNG or WebP image: the magic bytes and then the
/// file's structure, so that an upload cut off half-way is refused rather than kept as a
/// photo nobody can open. The pixels are not decoded.
public enum ImageCheck {
    public static let mediaTypes = ["image/jpeg", "image/png", "image/webp"]

    public static func inspect(_ bytes: [UInt8]) throws(ImageProblem) -> ImageFacts {
        guard !bytes.isEmpty else { throw .empty }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return try jpeg(bytes) }
        if bytes.starts(with: pngSignature) { return try png(bytes) }
        if bytes.count >= 12, bytes[0..<4].elementsEqual(Array("RIFF".utf8)), bytes[8..<12].elementsEqual(Array("WEBP".utf8)) {
            return try webp(bytes)
        }
        throw .unsupportedType
    }

    // MARK: - JPEG

    /// Walks the marker segments from SOI to the start of scan, reading the frame header
    /// on the way, and requires the end-of-image marker as the file's last bytes.
    static func jpeg(_ b: [UInt8]) throws(ImageProblem) -> ImageFacts {
        func damaged(_ reason: String) -> ImageProblem { .damaged(mediaType: "image/jpeg", reason: reason) }
        var size: (width: Int, height: Int)?
        var at = 2
        var scanned = false
        while at < b.count {
            guard b[at] == 0xFF else { throw damaged("expected a marker at byte \(at)") }
            at += 1
            while at < b.count, b[at] == 0xFF { at += 1 }  // fill bytes
            guard at < b.count else { throw damaged("the file ends inside a marker") }
            let marker = b[at]
            at += 1
            if marker == 0xD9 { throw damaged("end of image before any scan") }
            if marker == 0x01 || (0xD0...0xD7).contains(marker) { continue }  // no length
            guard at + 2 <= b.count else { throw damaged("the file ends inside a segment header") }
            let length = Int(b[at]) << 8 | Int(b[at + 1])
            guard length >= 2, at + length <= b.count else { throw damaged("segment length \(length) runs past the end of the file") }
            if [0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF].contains(marker) {
                guard length >= 8 else { throw damaged("frame header too short") }
                size = (Int(b[at + 5]) << 8 | Int(b[at + 6]), Int(b[at + 3]) << 8 | Int(b[at + 4]))
            }
            at += length
            if marker == 0xDA {
                scanned = true
                break
            }
        }
        guard scanned else { throw damaged("no image data (start of scan) before the end of the file") }
        guard let size else { throw damaged("no frame header (SOF) before the image data") }
        guard size.width > 0, size.height > 0 else { throw damaged("frame header gives no size") }
        // Some cameras pad after the end marker; zero bytes after it are tolerated.
        var end = b.count
        while end > at, b[end - 1] == 0 { end -= 1 }
        guard end - at >= 2, b[end - 2] == 0xFF, b[end - 1] == 0xD9 else {
            throw damaged("no end-of-image marker (FFD9): the file is cut short")
        }
        return ImageFacts(mediaType: "image/jpeg", width: size.width, height: size.height)
    }

    // MARK: - PNG

    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Walks the chunks from IHDR to IEND, checking each length and checksum.
    static func png(_ b: [UInt8]) throws(ImageProblem) -> ImageFacts {
        func damaged(_ reason: String) -> ImageProblem { .damaged(mediaType: "image/png", reason: reason) }
        var at = 8
        var size: (width: Int, height: Int)?
        var sawData = false
        while true {
            guard at + 12 <= b.count else { throw damaged("no IEND chunk: the file is cut short") }
            let length = Int(uint32(b, at))
            let type = String(decoding: b[(at + 4)..<(at + 8)], as: UTF8.self)
            guard length <= b.count - at - 12 else { throw damaged("chunk \(type) of \(length) bytes runs past the end of the file") }
            let stored = uint32(b, at + 8 + length)
            guard CRC32.checksum(b[(at + 4)..<(at + 8 + length)]) == stored else { throw damaged("chunk \(type) fails its checksum") }
            if size == nil {
                guard type == "IHDR", length == 13 else { throw damaged("the first chunk is not a header (IHDR)") }
                size = (Int(uint32(b, at + 8)), Int(uint32(b, at + 12)))
            }
            if type == "IDAT" { sawData = true }
            at += 12 + length
            if type == "IEND" { break }
        }
        guard sawData else { throw damaged("no image data (IDAT)") }
        guard at == b.count else { throw damaged("\(b.count - at) bytes after the end (IEND)") }
        guard let size, size.width > 0, size.height > 0 else { throw damaged("the header gives no size") }
        return ImageFacts(mediaType: "image/png", width: size.width, height: size.height)
    }

    // MARK: - WebP

    /// Checks the RIFF size against the file's and the first chunk's length, and reads
    /// the canvas size from the VP8X, VP8L or VP8 header.
    static func webp(_ b: [UInt8]) throws(ImageProblem) -> ImageFacts {
        func damaged(_ reason: String) -> ImageProblem { .damaged(mediaType: "image/webp", reason: reason) }
        let riffSize = Int(uint32LE(b, 4))
        guard riffSize + 8 == b.count else {
            throw damaged("the RIFF header says \(riffSize + 8) bytes, the file has \(b.count): it is cut short or padded")
        }
        guard b.count >= 20 else { throw damaged("no image chunk") }
        let chunk = String(decoding: b[12..<16], as: UTF8.self)
        let length = Int(uint32LE(b, 16))
        guard 20 + length <= b.count else { throw damaged("chunk \(chunk) of \(length) bytes runs past the end of the file") }
        let d = 20  // where the chunk's data starts
        switch chunk {
        case "VP8X":
            guard length >= 10 else { throw damaged("extended header too short") }
            let width = 1 + (Int(b[d + 4]) | Int(b[d + 5]) << 8 | Int(b[d + 6]) << 16)
            let height = 1 + (Int(b[d + 7]) | Int(b[d + 8]) << 8 | Int(b[d + 9]) << 16)
            return ImageFacts(mediaType: "image/webp", width: width, height: height)
        case "VP8L":
            guard length >= 5, b[d] == 0x2F else { throw damaged("lossless header missing") }
            let bits = Int(b[d + 1]) | Int(b[d + 2]) << 8 | Int(b[d + 3]) << 16 | Int(b[d + 4]) << 24
            return ImageFacts(mediaType: "image/webp", width: 1 + (bits & 0x3FFF), height: 1 + ((bits >> 14) & 0x3FFF))
        case "VP8 ":
            guard length >= 10, b[d + 3] == 0x9D, b[d + 4] == 0x01, b[d + 5] == 0x2A else { throw damaged("lossy frame header missing") }
            let width = (Int(b[d + 6]) | Int(b[d + 7]) << 8) & 0x3FFF
            let height = (Int(b[d + 8]) | Int(b[d + 9]) << 8) & 0x3FFF
            return ImageFacts(mediaType: "image/webp", width: width, height: height)
        default:
            throw damaged("unknown first chunk \(chunk)")
        }
    }

    private static func uint32(_ b: [UInt8], _ at: Int) -> UInt32 {
        UInt32(b[at]) << 24 | UInt32(b[at + 1]) << 16 | UInt32(b[at + 2]) << 8 | UInt32(b[at + 3])
    }

    private static func uint32LE(_ b: [UInt8], _ at: Int) -> UInt32 {
        UInt32(b[at]) | UInt32(b[at + 1]) << 8 | UInt32(b[at + 2]) << 16 | UInt32(b[at + 3]) << 24
    }
}

/// The CRC-32 of PNG chunks (ISO 3309, the same as zlib's).
public enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    public static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for byte in bytes { c = table[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}
