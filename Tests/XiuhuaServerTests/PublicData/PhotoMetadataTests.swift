import Foundation
import Testing
import Xiuhua
import XiuhuaServer
import XiuhuaStore

/// Photos lose what they say about the person who took them — GPS position, camera,
/// comments — when they are kept, and still decode.
@Suite("Photo metadata is stripped on upload")
struct PhotoMetadataTests {
    // MARK: - Images carrying metadata, built from bytes

    /// An EXIF APP1 segment (big-endian TIFF) whose IFD0 points to a GPS IFD holding
    /// GPSLatitudeRef "N" and GPSLatitude 40° 7′ 20.34″ — what a phone writes.
    static let exifWithGPS: [UInt8] = {
        var tiff: [UInt8] = Array("MM".utf8) + [0x00, 0x2A, 0x00, 0x00, 0x00, 0x08]
        // IFD0: one entry, GPSInfo (0x8825, LONG) → offset 26; no next IFD.
        tiff += [0x00, 0x01, 0x88, 0x25, 0x00, 0x04, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x1A, 0x00, 0x00, 0x00, 0x00]
        // GPS IFD at 26: GPSLatitudeRef (ASCII "N") and GPSLatitude (3 RATIONAL at 56).
        tiff += [0x00, 0x02]
        tiff += [0x00, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02, 0x4E, 0x00, 0x00, 0x00]
        tiff += [0x00, 0x02, 0x00, 0x05, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x38]
        tiff += [0x00, 0x00, 0x00, 0x00]
        for (numerator, denominator) in [(40, 1), (7, 1), (2034, 100)] as [(UInt32, UInt32)] {
            tiff += bigEndian(numerator) + bigEndian(denominator)
        }
        return segment(0xE1, Array("Exif\0\0".utf8) + tiff)
    }()

    static let xmp = segment(0xE1, Array("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><exif:GPSLatitude>40,7.339N</exif:GPSLatitude></x:xmpmeta>".utf8))
    static let comment = segment(0xFE, Array("红旗里5号楼301 张三拍摄".utf8))

    /// The browser-made test JPEG with EXIF (GPS), XMP and a comment put in after its start.
    static let jpegWithGPS: Data = {
        let plain = Array(TinyImages.jpeg)
        return Data(Array(plain[0..<2]) + exifWithGPS + xmp + comment + Array(plain[2...]))
    }()

    static func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
        let length = payload.count + 2
        return [0xFF, marker, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    static func littleEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24)]
    }

    /// The test PNG with an eXIf, a tEXt and an iTXt chunk before its end.
    static let pngWithText: Data = {
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let typed = Array(type.utf8) + data
            return bigEndian(UInt32(data.count)) + typed + bigEndian(CRC32.checksum(typed))
        }
        let plain = Array(TinyImages.png)
        let end = plain.count - 12  // IEND is the last 12 bytes
        let extra = chunk("eXIf", Array(exifWithGPS.dropFirst(10))) + chunk("tEXt", Array("Comment\0红旗里5号楼".utf8))
            + chunk("iTXt", Array("XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta/>".utf8))
        return Data(Array(plain[..<end]) + extra + Array(plain[end...]))
    }()

    /// The test WebP (VP8X) with EXIF and XMP chunks added and their flags set.
    static let webpWithExif: Data = {
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let padded = data.count % 2 == 1 ? data + [0] : data
            return Array(type.utf8) + littleEndian(UInt32(data.count)) + padded
        }
        var bytes = Array(TinyImages.webp) + chunk("EXIF", Array(exifWithGPS.dropFirst(10))) + chunk("XMP ", Array("<x:xmpmeta>GPS</x:xmpmeta>".utf8))
        bytes[20] |= 0x0C
        let size = littleEndian(UInt32(bytes.count - 8))
        bytes.replaceSubrange(4..<8, with: size)
        return Data(bytes)
    }()

    static func contains(_ haystack: Data, _ needle: String) -> Bool {
        haystack.range(of: Data(needle.utf8)) != nil
    }

    // MARK: - Tests

    @Test("the built images are real: they pass the image check and carry their metadata")
    func fixturesCarryMetadata() throws {
        #expect(try ImageCheck.inspect(Array(Self.jpegWithGPS)).width == 4)
        #expect(try ImageCheck.inspect(Array(Self.pngWithText)).width == 4)
        #expect(try ImageCheck.inspect(Array(Self.webpWithExif)).width == 4)
        #expect(Self.contains(Self.jpegWithGPS, "Exif") && Self.contains(Self.jpegWithGPS, "xmpmeta"))
        #expect(Self.contains(Self.pngWithText, "eXIf") && Self.contains(Self.webpWithExif, "EXIF"))
    }

    @Test("stripping gives back exactly the image without its EXIF, XMP, comment and text chunks, keeping JFIF and the colour profile")
    func strippedBytes() throws {
        let jpeg = ImageMetadata.stripped(Array(Self.jpegWithGPS), mediaType: "image/jpeg")
        #expect(Data(jpeg) == TinyImages.jpeg, "APP0 (JFIF) and APP2 (ICC profile) stay; EXIF, XMP and COM go")
        #expect(Data(ImageMetadata.stripped(Array(Self.pngWithText), mediaType: "image/png")) == TinyImages.png)
        let webp = ImageMetadata.stripped(Array(Self.webpWithExif), mediaType: "image/webp")
        #expect(Data(webp) == TinyImages.webp, "chunks dropped, EXIF and XMP flags cleared, RIFF size rewritten")
        // Nothing to strip: the same bytes.
        #expect(Data(ImageMetadata.stripped(Array(TinyImages.png), mediaType: "image/png")) == TinyImages.png)
    }

    @Test("an uploaded phone photo with GPS EXIF is kept without it: the stored file, its id (SHA-256) and size are of the stripped bytes, and it still decodes")
    func uploadStripsGPS() async throws {
        try await DemoServerFixture.with { fixture in
            try await fixture.serve { api in
                for (image, type) in [(Self.jpegWithGPS, "image/jpeg"), (Self.pngWithText, "image/png"), (Self.webpWithExif, "image/webp")] {
                    let response = try await api.upload(image, contentType: type)
                    #expect(response.status == .created, "\(response.text)")
                    let id = try #require(response["id"]?.stringValue)
                    let (head, body) = try await api.raw(.get, "/api/v1/attachments/\(id)")
                    #expect(head.status == .ok)
                    #expect(!Self.contains(body, "Exif") && !Self.contains(body, "eXIf") && !Self.contains(body, "EXIF"), "\(type): no EXIF")
                    #expect(!Self.contains(body, "xmpmeta") && !Self.contains(body, "红旗里"), "\(type): no XMP, no comment")
                    #expect(id == AttachmentStore.id(of: body), "\(type): named by the hash of what is kept")
                    #expect(response["size"]?.intValue == body.count)
                    let facts = try ImageCheck.inspect(Array(body))
                    #expect(facts.mediaType == type && facts.width == 4 && facts.height == 3)
                    let stored = FileManager.default.contents(atPath: fixture.directory.file("uploads/\(id.prefix(2))/\(id.dropFirst(2))"))
                    #expect(stored == body)
                }
            }
        }
    }
}
