import Foundation
import Hummingbird

/// A photo or other file sent with a form.
struct UploadedFile: Sendable {
    let filename: String
    let contentType: String
    let data: Data
}

/// The fields and files of a posted form, `application/x-www-form-urlencoded` or
/// `multipart/form-data` (forms with a photo), as a browser sends them without scripts.
struct FormData: Sendable {
    private(set) var fields: [String: [String]] = [:]
    private(set) var files: [String: [UploadedFile]] = [:]

    /// The first value of field `name`, trimmed; nil when missing or blank.
    subscript(name: String) -> String? {
        guard let value = fields[name]?.first?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    /// The non-empty files sent as `name`.
    func files(_ name: String) -> [UploadedFile] {
        (files[name] ?? []).filter { !$0.data.isEmpty }
    }

    /// Every non-empty file sent, whatever its field's name.
    var allFiles: [UploadedFile] {
        files.keys.sorted().flatMap { files($0) }
    }

    static func read(_ request: Request, context: XiuhuaRequestContext) async throws -> FormData {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        let bytes = Array(buffer.readableBytesView)
        let contentType = request.headers[.contentType] ?? ""
        if contentType.lowercased().hasPrefix("multipart/form-data") {
            guard let boundary = parameter("boundary", in: contentType) else {
                throw WebError.badRequest("multipart without boundary")
            }
            return try multipart(bytes, boundary: boundary)
        }
        return urlEncoded(String(decoding: bytes, as: UTF8.self))
    }

    static func urlEncoded(_ text: String) -> FormData {
        var form = FormData()
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
            }
            form.fields[decode(parts[0]), default: []].append(parts.count > 1 ? decode(parts[1]) : "")
        }
        return form
    }

    static func multipart(_ body: [UInt8], boundary: String) throws -> FormData {
        var form = FormData()
        let delimiter = Array("--\(boundary)".utf8)
        let headerEnd = Array("\r\n\r\n".utf8)
        var positions: [Int] = []
        var searchFrom = 0
        while let found = body.firstRange(of: delimiter, from: searchFrom) {
            positions.append(found)
            searchFrom = found + delimiter.count
        }
        guard positions.count >= 2 else { throw WebError.badRequest("multipart body without parts") }
        for (start, end) in zip(positions, positions.dropFirst()) {
            var partStart = start + delimiter.count
            if body[partStart..<min(partStart + 2, body.count)].elementsEqual([13, 10]) { partStart += 2 }
            var partEnd = end
            if partEnd >= 2, body[partEnd - 2] == 13, body[partEnd - 1] == 10 { partEnd -= 2 }
            guard partStart < partEnd, let split = body.firstRange(of: headerEnd, from: partStart), split < partEnd else { continue }
            let headers = String(decoding: body[partStart..<split], as: UTF8.self)
            let content = Array(body[(split + headerEnd.count)..<partEnd])
            var disposition = "", type = "application/octet-stream"
            for line in headers.components(separatedBy: "\r\n") {
                let lower = line.lowercased()
                if lower.hasPrefix("content-disposition:") { disposition = line }
                if lower.hasPrefix("content-type:") { type = line.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces) }
            }
            guard let name = parameter("name", in: disposition) else { continue }
            if let filename = parameter("filename", in: disposition) {
                form.files[name, default: []].append(UploadedFile(filename: filename, contentType: type, data: Data(content)))
            } else {
                form.fields[name, default: []].append(String(decoding: content, as: UTF8.self))
            }
        }
        return form
    }

    /// The value of `name=value` or `name="value"` in a header.
    static func parameter(_ name: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}

extension Array where Element == UInt8 {
    /// The index where `needle` next occurs at or after `start`.
    fileprivate func firstRange(of needle: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, count >= needle.count, start <= count - needle.count else { return nil }
        let first = needle[0]
        var index = start
        while index <= count - needle.count {
            if self[index] == first, self[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
