import Foundation
import HTTPTypes
import Testing
@testable import XiuhuaServer

/// Reading posted forms: fields and files come out as sent, the work grows with the body's
/// size only, and bodies of more fields or parts than any page sends are refused.
@Suite("Posted forms")
struct FormDataTests {
    static let boundary = "----xiuhua-form-7MA4YWxkTrZu0gW"

    /// A multipart body of `parts` (headers, content), closed.
    static func body(_ parts: [(headers: String, content: [UInt8])], boundary: String = boundary) -> [UInt8] {
        var body: [UInt8] = []
        for part in parts {
            body += Array("--\(boundary)\r\n\(part.headers)\r\n\r\n".utf8) + part.content + Array("\r\n".utf8)
        }
        return body + Array("--\(boundary)--\r\n".utf8)
    }

    static func field(_ name: String, _ value: String) -> (headers: String, content: [UInt8]) {
        ("Content-Disposition: form-data; name=\"\(name)\"", Array(value.utf8))
    }

    static func file(_ name: String, _ filename: String, _ content: [UInt8]) -> (headers: String, content: [UInt8]) {
        ("Content-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\nContent-Type: image/jpeg", content)
    }

    static func parse(_ body: [UInt8], boundary: String = boundary) throws(FormData.Refusal) -> FormData {
        try FormData.parse(body, contentType: "multipart/form-data; boundary=\(boundary)")
    }

    @Test("a report's fields and photo are read as sent; a preamble, an epilogue and a delimiter inside a line are not parts")
    func fieldsAndFiles() throws {
        let photo: [UInt8] = [0xFF, 0xD8, 13, 10, 45, 45, 0, 13, 10, 13, 10, 0xFF, 0xD9]
        var body = Array("preamble the parser skips\r\n".utf8)
        body += Self.body([
            Self.field("description", "井盖缺失\r\n(--\(Self.boundary) is only text here)"),
            Self.file("photo", "井盖.jpg", photo),
            Self.field("description", "second"),
        ])
        body += Array("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"epilogue\"\r\n\r\nx\r\n".utf8)
        let form = try Self.parse(body)
        #expect(form.fields["description"] == ["井盖缺失\r\n(--\(Self.boundary) is only text here)", "second"])
        #expect(form.fields["epilogue"] == nil, "nothing after the closing delimiter is read")
        let file = try #require(form.files("photo").first)
        #expect(file.filename == "井盖.jpg" && file.contentType == "image/jpeg" && file.data == Data(photo))
    }

    @Test("a quoted boundary with more parameters after it is read")
    func quotedBoundary() throws {
        let form = try FormData.parse(
            Self.body([Self.field("a", "1")], boundary: "xyz"), contentType: "Multipart/Form-Data; boundary=\"xyz\"; charset=utf-8"
        )
        #expect(form["a"] == "1")
    }

    @Test("a missing, overlong or line-breaking boundary, and a body without a complete part, are refused")
    func malformed() {
        let body = Self.body([Self.field("a", "1")])
        #expect(throws: FormData.Refusal.badBoundary) { try FormData.parse(body, contentType: "multipart/form-data") }
        #expect(throws: FormData.Refusal.badBoundary) { try Self.parse(body, boundary: String(repeating: "b", count: 71)) }
        #expect(throws: FormData.Refusal.badBoundary) { try Self.parse(body, boundary: "a\r\nb") }
        #expect(throws: FormData.Refusal.noParts) { try Self.parse(Array("no delimiter at all".utf8)) }
        #expect(throws: FormData.Refusal.noParts) { try Self.parse(Array(body.prefix(40))) }
        #expect(throws: FormData.Refusal.noParts) { try Self.parse([]) }
    }

    @Test("64 parts are read; a body of 100,000 tiny parts is refused as too many")
    func partCap() throws {
        let allowed = (1...FormData.maximumParts).map { Self.field("f\($0)", "v") }
        #expect(try Self.parse(Self.body(allowed)).fields.count == FormData.maximumParts)
        #expect(throws: FormData.Refusal.tooManyFields(limit: 64)) {
            try Self.parse(Self.body(allowed + [Self.field("one-more", "v")]))
        }
        // Parts without headers or names count too: they cost a search each.
        var flood: [UInt8] = []
        for _ in 0..<100_000 { flood += Array("--\(Self.boundary)\r\nx\r\n".utf8) }
        #expect(throws: FormData.Refusal.tooManyFields(limit: 64)) { try Self.parse(flood) }
    }

    @Test("a 5 MB photo made of near-delimiter byte runs, and parts whose headers never end, are read in one pass")
    func nearDelimiters() throws {
        // Line breaks, dashes and every prefix of the delimiter, but never all of it.
        var photo: [UInt8] = []
        let delimiter = Array("\r\n--\(Self.boundary)".utf8)
        var length = 1
        while photo.count < 5_000_000 {
            photo += delimiter.prefix(length) + [0x5A]
            length = length % (delimiter.count - 1) + 1
        }
        photo += Array("\r\n\r\n\r\r\n".utf8)
        var body: [UInt8] = []
        // Parts whose headers have no blank line after them are skipped.
        for _ in 1...60 { body += Array("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"no-end\"\r\n".utf8) }
        body += Self.body([Self.file("photo", "big.jpg", photo), Self.field("after", "still read")])
        let form = try Self.parse(body)
        #expect(form.files("photo").first?.data == Data(photo))
        #expect(form["after"] == "still read")
        #expect(form.fields["no-end"] == nil)
    }

    @Test("a URL-encoded form of 1,000 fields is read; one more is refused")
    func fieldCap() throws {
        let allowed = (1...FormData.maximumFields).map { "f\($0)=v" }
        #expect(try FormData.parse(Array(allowed.joined(separator: "&").utf8), contentType: "application/x-www-form-urlencoded").fields.count == 1_000)
        #expect(throws: FormData.Refusal.tooManyFields(limit: 1_000)) {
            try FormData.parse(Array((allowed + ["x=1"]).joined(separator: "&").utf8), contentType: "application/x-www-form-urlencoded")
        }
        let flood = String(repeating: "a=1&", count: 100_000)
        #expect(throws: FormData.Refusal.tooManyFields(limit: 1_000)) { try FormData.urlEncoded(flood) }
    }

    @Test("too many parts: the upload API answers 413 too_many_parts, the report page a 413 error page")
    func overHTTP() async throws {
        try await DemoServerFixture.withServer { api in
            let parts = (0...FormData.maximumParts).map { Self.field("f\($0)", "v") }
            let contentType = "multipart/form-data; boundary=\(Self.boundary)"
            let (head, body) = try await api.raw(.post, "/api/v1/attachments", headers: [.contentType: contentType], body: Data(Self.body(parts)))
            let answer = APIResponse(status: head.status, contentType: head.headerFields[.contentType], text: String(decoding: body, as: UTF8.self))
            #expect(answer.status == .contentTooLarge && answer.error == "too_many_parts", "\(answer.text)")
            #expect(answer.json?["message"]?.stringValue?.contains("(") == true, "\(answer.text)")

            let unreadable = try await api.raw(.post, "/api/v1/attachments", headers: [.contentType: "multipart/form-data"], body: Data("x".utf8))
            #expect(unreadable.0.status == .badRequest)

            let token = String(repeating: "c", count: 64)
            let headers: HTTPFields = [.contentType: contentType, .cookie: "xiuhua_csrf=\(token)", .origin: "http://127.0.0.1"]
            let (page, pageBody) = try await api.raw(.post, "/report", headers: headers, body: Data(Self.body([Self.field("_csrf", token)] + parts)))
            #expect(page.status == .contentTooLarge)
            #expect(page.headerFields[.contentType]?.hasPrefix("text/html") == true)
            #expect(String(decoding: pageBody, as: UTF8.self).contains("64"))
        }
    }
}
