import Foundation

/// A photo or other file sent with a form.
struct UploadedFile: Sendable {
    let filename: String
    let contentType: String
    let data: Data
}

/// The fields and files of a posted form, `application/x-www-form-urlencoded` or
/// `multipart/form-data` (forms with a photo), as a browser sends them without scripts.
///
/// Reading a body needs nothing but Foundation (the request side is in
/// `FormData+Request.swift`), so that the parsers can be fuzzed on their own. Both are
/// linear in the body's size and refuse a body of more fields or parts than any page sends.
struct FormData: Sendable {
    private(set) var fields: [String: [String]] = [:]
    private(set) var files: [String: [UploadedFile]] = [:]

    /// The most `name=value` pairs read from a URL-encoded form; the longest page form
    /// (an inspection checklist) sends well under a hundred.
    static let maximumFields = 1_000
    /// The most parts read from a multipart form: a report's fields and its photos.
    static let maximumParts = 64
    /// RFC 2046 §5.1.1: a boundary is 1 to 70 characters.
    static let maximumBoundaryLength = 70

    /// Why a body cannot be read as a form.
    enum Refusal: Error, Equatable, Sendable {
        /// The boundary is missing, longer than 70 bytes or holds a line break.
        case badBoundary
        /// No delimited part: not a multipart body, or one cut short.
        case noParts
        /// More fields (URL-encoded) or parts (multipart) than `limit`.
        case tooManyFields(limit: Int)
    }

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

    /// The form in `body`, read as its `Content-Type` header says.
    static func parse(_ body: [UInt8], contentType: String) throws(Refusal) -> FormData {
        if contentType.lowercased().hasPrefix("multipart/form-data") {
            guard let boundary = parameter("boundary", in: contentType) else { throw .badBoundary }
            return try multipart(body, boundary: boundary)
        }
        return try urlEncoded(String(decoding: body, as: UTF8.self))
    }

    static func urlEncoded(_ text: String) throws(Refusal) -> FormData {
        var form = FormData()
        var count = 0
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            count += 1
            guard count <= maximumFields else { throw .tooManyFields(limit: maximumFields) }
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
            }
            form.fields[decode(parts[0]), default: []].append(parts.count > 1 ? decode(parts[1]) : "")
        }
        return form
    }

    /// The parts of a multipart body (RFC 7578). Each delimiter is searched once, from where
    /// the last one ended, and each part's headers only inside that part, so the work is
    /// linear in the body's size; a body is refused at its 65th part, before reading on.
    static func multipart(_ body: [UInt8], boundary: String) throws(Refusal) -> FormData {
        let boundaryBytes = Array(boundary.utf8)
        guard !boundaryBytes.isEmpty, boundaryBytes.count <= maximumBoundaryLength,
              !boundaryBytes.contains(13), !boundaryBytes.contains(10)
        else { throw .badBoundary }
        // Every delimiter but a first one at the very start follows a line break, which
        // belongs to the delimiter, not to the part before it.
        let delimiter = [13, 10] + Array("--".utf8) + boundaryBytes
        var form = FormData()
        var position: Int
        if body.starts(with: delimiter.dropFirst(2)) {
            position = delimiter.count - 2
        } else if let first = find(delimiter, in: body, from: 0, to: body.count) {
            position = first + delimiter.count
        } else {
            throw .noParts
        }
        var parts = 0
        while true {
            // After a delimiter: `--` closes the body; otherwise a line break opens a part.
            if body[position..<min(position + 2, body.count)].elementsEqual([45, 45]) { break }
            if body[position..<min(position + 2, body.count)].elementsEqual([13, 10]) { position += 2 }
            guard let end = find(delimiter, in: body, from: position, to: body.count) else { break }
            parts += 1
            guard parts <= maximumParts else { throw .tooManyFields(limit: maximumParts) }
            form.add(part: position..<end, of: body)
            position = end + delimiter.count
        }
        guard parts > 0 else { throw .noParts }
        return form
    }

    /// Adds one part (its headers, a blank line, its content); a part without a name is skipped.
    private mutating func add(part: Range<Int>, of body: [UInt8]) {
        let headerEnd: [UInt8] = [13, 10, 13, 10]
        guard let split = Self.find(headerEnd, in: body, from: part.lowerBound, to: part.upperBound) else { return }
        let headers = String(decoding: body[part.lowerBound..<split], as: UTF8.self)
        let content = body[(split + headerEnd.count)..<part.upperBound]
        var disposition = "", type = "application/octet-stream"
        for line in headers.components(separatedBy: "\r\n") {
            let lower = line.lowercased()
            if lower.hasPrefix("content-disposition:") { disposition = line }
            if lower.hasPrefix("content-type:") { type = line.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces) }
        }
        guard let name = Self.parameter("name", in: disposition) else { return }
        if let filename = Self.parameter("filename", in: disposition) {
            files[name, default: []].append(UploadedFile(filename: filename, contentType: type, data: Data(content)))
        } else {
            fields[name, default: []].append(String(decoding: content, as: UTF8.self))
        }
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

    /// Where `needle` first occurs in `haystack[start..<end]`. Linear for the two needles
    /// used: a comparison starts only at a carriage return and the bytes it reads past it
    /// match the needle's, which hold no further carriage return (a delimiter) or one (the
    /// header end), so each byte is read a bounded number of times.
    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int, to end: Int) -> Int? {
        guard end - start >= needle.count else { return nil }
        return haystack.withUnsafeBufferPointer { bytes -> Int? in
            needle.withUnsafeBufferPointer { needle -> Int? in
                let first = needle[0], last = end - needle.count
                var index = start
                while index <= last {
                    if bytes[index] == first {
                        var matched = 1
                        while matched < needle.count, bytes[index + matched] == needle[matched] { matched += 1 }
                        if matched == needle.count { return index }
                    }
                    index += 1
                }
                return nil
            }
        }
    }
}
