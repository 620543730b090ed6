import Foundation
import Testing
import Xiuhua

/// The content check every upload passes: the type is read from the bytes, and a file cut
/// short anywhere is refused.
@Suite("Image content check")
struct ImageCheckTests {
    @Test("whole JPEG, PNG and WebP files pass with their type and size read from the header")
    func wholeImages() throws {
        for (data, type) in [(TinyImages.jpeg, "image/jpeg"), (TinyImages.png, "image/png"), (TinyImages.webp, "image/webp")] {
            let facts = try ImageCheck.inspect(Array(data))
            #expect(facts == ImageFacts(mediaType: type, width: 4, height: 3), "\(type)")
        }
    }

    @Test("a GIF, text named .jpg, a PDF and nothing at all are not photos we take")
    func otherTypes() {
        #expect(throws: ImageProblem.unsupportedType) { try ImageCheck.inspect(Array(TinyImages.gif)) }
        #expect(throws: ImageProblem.unsupportedType) { try ImageCheck.inspect(Array("这不是照片 not a photo".utf8)) }
        #expect(throws: ImageProblem.unsupportedType) { try ImageCheck.inspect(Array("%PDF-1.7\n".utf8)) }
        #expect(throws: ImageProblem.empty) { try ImageCheck.inspect([]) }
    }

    @Test("a JPEG cut short anywhere is refused: in its headers, in its image data, or just before the end marker")
    func truncatedJPEG() {
        let bytes = Array(TinyImages.jpeg)
        for length in [3, 4, 30, 200, bytes.count / 2, bytes.count - 1, bytes.count - 2] {
            #expect(isDamaged(Array(bytes.prefix(length)), "image/jpeg"), "JPEG cut to \(length) of \(bytes.count) bytes")
        }
    }

    @Test("a JPEG without a frame header is refused even when it ends with FFD9")
    func jpegWithoutFrame() {
        // SOI, a comment segment, a start of scan, one byte of data, EOI.
        let bytes: [UInt8] = [0xFF, 0xD8, 0xFF, 0xFE, 0x00, 0x04, 0x41, 0x42, 0xFF, 0xDA, 0x00, 0x02, 0x00, 0xFF, 0xD9]
        #expect(isDamaged(bytes, "image/jpeg"))
    }

    @Test("a PNG cut short, with a chunk length past the end, or with a corrupt chunk is refused")
    func truncatedPNG() {
        let bytes = Array(TinyImages.png)
        for length in [8, 20, 40, bytes.count / 2, bytes.count - 12, bytes.count - 1] {
            #expect(isDamaged(Array(bytes.prefix(length)), "image/png"), "PNG cut to \(length) of \(bytes.count) bytes")
        }
        var corrupt = bytes
        corrupt[45] ^= 0xFF  // inside the IDAT chunk: its checksum no longer matches
        #expect(isDamaged(corrupt, "image/png"))
        var longChunk = bytes
        longChunk[8 + 25 + 2] = 0x7F  // the IDAT length now claims far more bytes than follow
        #expect(isDamaged(longChunk, "image/png"))
        #expect(isDamaged(bytes + [0, 0, 0, 0], "image/png"), "bytes after IEND")
    }

    @Test("a WebP whose RIFF size does not match the file, or that is cut inside its first chunk, is refused")
    func truncatedWebP() {
        let bytes = Array(TinyImages.webp)
        for length in [12, 16, 25, bytes.count / 2, bytes.count - 1] {
            #expect(isDamaged(Array(bytes.prefix(length)), "image/webp"), "WebP cut to \(length) of \(bytes.count) bytes")
        }
        #expect(isDamaged(bytes + [0, 0], "image/webp"), "padding the RIFF header does not count")
    }

    private func isDamaged(_ bytes: [UInt8], _ type: String) -> Bool {
        do {
            _ = try ImageCheck.inspect(bytes)
            return false
        } catch {
            if case .damaged(let mediaType, let reason) = error { return mediaType == type && !reason.isEmpty }
            return false
        }
    }
}
