import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import Xiuhua
import XiuhuaServer
import XiuhuaStore

/// Photos over the real server: upload, fetch, refusals that leave nothing behind, and
/// photos linked to a case's events and shown on the case, the console and the ticket.
@Suite("Attachments over HTTP")
struct AttachmentAPITests {
    @Test("an uploaded PNG is kept once under uploads/ by its SHA-256; the same bytes again give the same attachment")
    func uploadAndDeduplicate() async throws {
        try await DemoServerFixture.with { fixture in
            try await fixture.serve { api in
                let first = try await api.upload(TinyImages.png, contentType: "image/png")
                #expect(first.status == .created, "\(first.text)")
                let id = AttachmentStore.id(of: TinyImages.png)
                #expect(first["id"]?.stringValue == id)
                #expect(first["media_type"]?.stringValue == "image/png")
                #expect(first["size"]?.intValue == TinyImages.png.count)
                #expect(first["width"]?.intValue == 4 && first["height"]?.intValue == 3)
                #expect(first["url"]?.stringValue == "/api/v1/attachments/\(id)")

                let again = try await api.upload(TinyImages.png, contentType: "image/png", as: "operator")
                #expect(again.status == .ok, "the same bytes are not kept twice: \(again.text)")
                #expect(again["id"]?.stringValue == id)

                let files = fixture.uploadedFiles()
                #expect(files == ["\(id.prefix(2))/\(id.dropFirst(2))"], "one file, no temporary leftovers")
                #expect(FileManager.default.contents(atPath: fixture.directory.file("uploads/\(files.first ?? "")")) == TinyImages.png)
                let row = try #require(try await fixture.attachments.attachment(id))
                #expect(row.uploadedBy == nil, "the first, anonymous upload is the one recorded")
                #expect(row.size == TinyImages.png.count && row.mediaType == "image/png")
            }
        }
    }

    @Test("a photo sent as a multipart form is judged by its content, not its name or declared type")
    func multipartUpload() async throws {
        try await DemoServerFixture.withServer { api in
            let response = try await api.uploadForm(TinyImages.webp, filename: "IMG_0001.jpg", type: "image/jpeg")
            #expect(response.status == .created, "\(response.text)")
            #expect(response["media_type"]?.stringValue == "image/webp")
            #expect(response["id"]?.stringValue == AttachmentStore.id(of: TinyImages.webp))
        }
    }

    @Test("GET serves the bytes with their type, an ETag and immutable caching; a known ETag gets 304, an unknown id 404")
    func fetch() async throws {
        try await DemoServerFixture.withServer { api in
            let id = try await api.uploadedID(TinyImages.jpeg, contentType: "image/jpeg")
            let (head, body) = try await api.raw(.get, "/api/v1/attachments/\(id)")
            #expect(head.status == .ok)
            #expect(body == TinyImages.jpeg)
            #expect(head.headerFields[.contentType] == "image/jpeg")
            #expect(head.headerFields[.eTag] == "\"\(id)\"")
            #expect(head.headerFields[.cacheControl]?.contains("immutable") == true)
            #expect(head.headerFields[.xContentTypeOptions] == "nosniff")

            let (cached, cachedBody) = try await api.raw(.get, "/api/v1/attachments/\(id)", headers: [.ifNoneMatch: "\"\(id)\""])
            #expect(cached.status == .notModified)
            #expect(cachedBody.isEmpty)

            let (page, pageBody) = try await api.raw(.get, "/photos/\(id)")
            #expect(page.status == .ok && pageBody == TinyImages.jpeg, "the pages' address serves the same bytes")

            let unknown = try await api.get("/api/v1/attachments/\(String(repeating: "0", count: 64))")
            #expect(unknown.status == .notFound && unknown.error == "attachment_not_found", "\(unknown.text)")
            let malformed = try await api.get("/api/v1/attachments/..%2F..%2Fxiuhua.sqlite")
            #expect(malformed.status == .notFound, "\(malformed.text)")
        }
    }

    @Test("a GIF or text named .jpg gets 415, a truncated JPEG, PNG or WebP 400, and none leaves a file or a row")
    func refusals() async throws {
        try await DemoServerFixture.with { fixture in
            try await fixture.serve { api in
                let refused: [(Data, String, HTTPResponse.Status, String)] = [
                    (TinyImages.gif, "image/jpeg", .unsupportedMediaType, "unsupported_media_type"),
                    (Data("这不是照片 just text".utf8), "image/jpeg", .unsupportedMediaType, "unsupported_media_type"),
                    (TinyImages.jpeg.dropLast(2), "image/jpeg", .badRequest, "damaged_image"),
                    (TinyImages.jpeg.prefix(TinyImages.jpeg.count / 2), "image/jpeg", .badRequest, "damaged_image"),
                    (TinyImages.png.dropLast(12), "image/png", .badRequest, "damaged_image"),
                    (TinyImages.webp.dropLast(100), "image/webp", .badRequest, "damaged_image"),
                    (Data(), "image/png", .badRequest, "empty_attachment"),
                ]
                for (bytes, type, status, code) in refused {
                    let raw = try await api.upload(Data(bytes), contentType: type)
                    #expect(raw.status == status && raw.error == code, "\(bytes.count) bytes as \(type): \(raw.text)")
                    let form = try await api.uploadForm(Data(bytes), filename: "photo.jpg", type: type)
                    if !bytes.isEmpty {
                        #expect(form.status == status && form.error == code, "form, \(bytes.count) bytes: \(form.text)")
                    } else {
                        #expect(form.status == .badRequest, "an empty file field is no file: \(form.text)")
                    }
                    #expect(try await fixture.attachments.attachment(AttachmentStore.id(of: Data(bytes))) == nil)
                }
                #expect(fixture.uploadedFiles().isEmpty, "no file and no temporary file left behind")
            }
        }
    }

    @Test("a photo over the configured limit gets 413 and leaves nothing behind; the limit comes from uploads.max_photo_bytes")
    func oversize() async throws {
        let (configuration, problems) = XiuhuaConfiguration.parse("uploads:\n  max_photo_bytes: 512\n", baseDirectory: ".", environment: [:])
        #expect(problems.isEmpty)
        #expect(configuration.maxPhotoBytes == 512)
        #expect(XiuhuaConfiguration().maxPhotoBytes == 10 * 1024 * 1024)
        let (_, bad) = XiuhuaConfiguration.parse("uploads:\n  max_photo_bytes: lots\n", baseDirectory: ".", environment: [:])
        #expect(bad.map(\.key) == ["uploads.max_photo_bytes"], "a bad size is named with its key")
        try await DemoServerFixture.with { fixture in
            let app = buildApplication(
                services: fixture.services, host: "127.0.0.1", port: 0, overdueScanInterval: nil,
                maxPhotoBytes: configuration.maxPhotoBytes, logger: .quiet
            )
            try await app.test(.live) { client in
                let api = DemoAPI(client: client, services: fixture.services, clock: fixture.clock)
                #expect(TinyImages.jpeg.count > 512 && TinyImages.png.count < 512)
                let large = try await api.upload(TinyImages.jpeg, contentType: "image/jpeg")
                #expect(large.status == .contentTooLarge && large.error == "attachment_too_large", "\(large.text)")
                #expect(large.text.contains("512"), "the message names the limit")
                let small = try await api.upload(TinyImages.png, contentType: "image/png")
                #expect(small.status == .created, "a photo under the limit is still taken: \(small.text)")
            }
            #expect(fixture.uploadedFiles() == [AttachmentStore.id(of: TinyImages.png)].map { "\($0.prefix(2))/\($0.dropFirst(2))" })
        }
    }

    @Test("the reporter's photo shows as before and the handler's as after on the case, the console page and the ticket; restart keeps them")
    func photosOnTheCase() async throws {
        try await DemoServerFixture.with { fixture in
            let (number, ticket, before, after) = try await fixture.serve { api in
                let before = try await api.uploadedID(TinyImages.jpeg, contentType: "image/jpeg")
                var report = try api.report(source: "web")
                report["photos"] = [before]
                let filed = try await api.post("/api/v1/cases", report)
                #expect(filed.status == .created, "\(filed.text)")
                let number = try #require(filed["number"]?.stringValue)
                let ticket = try #require(filed["ticket_code"]?.stringValue)

                let after = try await api.uploadedID(TinyImages.png, contentType: "image/png", as: "yongtai")
                try await api.step(number, as: "gridworker", "verify", ["real": true])
                try await api.step(number, as: "dutychief", "accept")
                try await api.step(number, as: "dispatcher", "dispatch", ["owner": "street:\(Demo.yongtai)"])
                let handled = try await api.step(number, as: "yongtai", "handle", ["note": "已清理", "photos": [after]])
                #expect(handled["after_photos"]?.arrayValue?.compactMap(\.stringValue) == ["/api/v1/attachments/\(after)"])

                let view = try await api.caseView(number)
                #expect(view["before_photos"]?.arrayValue?.compactMap(\.stringValue) == ["/api/v1/attachments/\(before)"])
                #expect(view["after_photos"]?.arrayValue?.compactMap(\.stringValue) == ["/api/v1/attachments/\(after)"])
                let handledEvent = view["events"]?.arrayValue?.first { $0["kind"]?.stringValue == "handled" }
                #expect(handledEvent?["attachments"]?.arrayValue?.compactMap(\.stringValue) == [after])
                return (number, ticket, before, after)
            }

            // A server restart opens the same directory: the files are still there.
            try await fixture.restart()
            try await fixture.serve { api in
                let (head, body) = try await api.raw(.get, "/api/v1/attachments/\(after)")
                #expect(head.status == .ok && body == TinyImages.png)

                let ticketView = try await api.get("/api/v1/tickets/\(ticket)")
                #expect(ticketView["before_photos"]?.arrayValue?.compactMap(\.stringValue) == ["/api/v1/attachments/\(before)"])
                #expect(ticketView["after_photos"]?.arrayValue?.compactMap(\.stringValue) == ["/api/v1/attachments/\(after)"])
                #expect(!ticketView.text.contains("已清理") && !ticketView.text.contains("13812345678"), "no notes or personal data on the ticket")

                let ticketPage = try await api.raw(.get, "/ticket/\(ticket)")
                let ticketHTML = String(decoding: ticketPage.1, as: UTF8.self)
                #expect(ticketHTML.contains("id=\"ticket-photos-before\"") && ticketHTML.contains("/photos/\(before)"))
                #expect(ticketHTML.contains("id=\"ticket-photos-after\"") && ticketHTML.contains("/photos/\(after)"))

                let console = try await api.raw(.get, "/console/cases/\(number)", headers: [.cookie: "xiuhua_session=\(Demo.token(for: "dispatcher"))"])
                let consoleHTML = String(decoding: console.1, as: UTF8.self)
                #expect(console.0.status == .ok)
                #expect(consoleHTML.contains("id=\"photos-before\"><li><a href=\"/photos/\(before)\""), "\(consoleHTML.count) bytes")
                #expect(consoleHTML.contains("id=\"photos-after\"><li><a href=\"/photos/\(after)\""))
            }
        }
    }

    @Test("a case or an action naming an attachment that was never uploaded is refused and nothing is filed")
    func unknownAttachment() async throws {
        try await DemoServerFixture.withServer { api in
            let missing = AttachmentStore.id(of: Data("never uploaded".utf8))
            var report = try api.report(source: "web")
            report["photos"] = [missing]
            let filed = try await api.post("/api/v1/cases", report)
            #expect(filed.status == .badRequest && filed.error == "unknown_attachment", "\(filed.text)")
            #expect(try await api.listed("", as: "dispatcher").isEmpty, "no case was filed")

            let open = try await api.hotlineCase(in: "dispatched")
            let refused = try await api.act(open.number, as: "yongtai", "handle", ["note": "已清理", "photos": ["/photos/\(missing)"]])
            #expect(refused.status == .badRequest && refused.error == "unknown_attachment", "\(refused.text)")
            #expect(try await api.eventKinds(open.number).last == "dispatched", "the action was not taken")
        }
    }

    @Test("the citizen's form refuses a GIF named .jpg with 415 and a truncated photo with 400, keeping nothing; a real photo files the case")
    func citizenForm() async throws {
        try await DemoServerFixture.with { fixture in
            try await fixture.serve { api in
                let point = try api.point(inGrid: Demo.hongqiliGrid)
                let fields = [("category", "06010"), ("description", "路边堆放垃圾"), ("lat", "\(point.lat)"), ("lon", "\(point.lon)")]
                let gif = try await api.reportForm(fields, photo: TinyImages.gif, filename: "photo.jpg")
                #expect(gif.0.status == .unsupportedMediaType)
                #expect(gif.1.contains("JPEG、PNG 或 WebP"), "the form says which types are taken")
                let cut = try await api.reportForm(fields, photo: TinyImages.png.dropLast(20), filename: "photo.png")
                #expect(cut.0.status == .badRequest)
                #expect(cut.1.contains("不完整或已损坏"))
                #expect(fixture.uploadedFiles().isEmpty)
                #expect(try await api.listed("", as: "dispatcher").isEmpty, "no case was filed")

                let good = try await api.reportForm(fields, photo: TinyImages.webp, filename: "photo.webp")
                #expect(good.0.status == .seeOther, "\(good.0.status) \(good.1.prefix(300))")
                #expect(fixture.uploadedFiles().count == 1)
                let number = try #require(try await api.listed("", as: "dispatcher").first)
                let view = try await api.caseView(number)
                #expect(view["before_photos"]?.arrayValue?.compactMap(\.stringValue) == ["/api/v1/attachments/\(AttachmentStore.id(of: TinyImages.webp))"])
            }
        }
    }

    @Test("the console's action form keeps its photo as an after photo, and keeps nothing when the photo or the action is refused")
    func consoleActionForm() async throws {
        try await DemoServerFixture.with { fixture in
            try await fixture.serve { api in
                let open = try await api.hotlineCase(in: "dispatched")
                let gif = try await api.consoleAction(open.number, as: "yongtai", [("action", "handle"), ("note", "已清理")], photo: TinyImages.gif)
                #expect(gif.0.status == .unsupportedMediaType)
                #expect(gif.1.contains("JPEG、PNG 或 WebP"))
                // The grid worker may not check a case nobody has handled yet.
                let refused = try await api.consoleAction(open.number, as: "gridworker", [("action", "check"), ("passed", "true")], photo: TinyImages.jpeg)
                #expect((400..<500).contains(refused.0.status.code), "\(refused.0.status)")
                #expect(fixture.uploadedFiles().isEmpty, "the refused action's photo is discarded")
                #expect(try await api.eventKinds(open.number).last == "dispatched")

                let done = try await api.consoleAction(open.number, as: "yongtai", [("action", "handle"), ("note", "已清理")], photo: TinyImages.jpeg)
                #expect(done.0.status == .seeOther, "\(done.0.status) \(done.1.prefix(300))")
                #expect(fixture.uploadedFiles().count == 1)
                let view = try await api.caseView(open.number)
                #expect(view["after_photos"]?.arrayValue?.compactMap(\.stringValue) == ["/api/v1/attachments/\(AttachmentStore.id(of: TinyImages.jpeg))"])
                let row = try await fixture.attachments.attachment(AttachmentStore.id(of: TinyImages.jpeg))
                #expect(row?.uploadedBy == "yongtai", "the uploader is recorded")
            }
        }
    }
}

extension DemoServerFixture {
    var attachments: AttachmentStore {
        AttachmentStore(store: store, directory: directory.file("uploads"))
    }

    /// Every file under uploads/, as relative paths, temporary files included.
    func uploadedFiles() -> [String] {
        let root = directory.file("uploads")
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        return walker.compactMap { $0 as? String }.filter { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: (root as NSString).appendingPathComponent(path), isDirectory: &isDirectory) && !isDirectory.boolValue
        }.sorted()
    }
}

extension DemoAPI {
    /// Sends a request with raw bytes and returns the head and body bytes.
    func raw(_ method: HTTPRequest.Method, _ path: String, headers: HTTPFields = [:], body: Data? = nil) async throws -> (HTTPResponse, Data) {
        let (head, buffer) = try await transport(method, path, headers, body.map { ByteBuffer(bytes: $0) })
        return (head, Data(buffer.readableBytesView))
    }

    /// Uploads `data` as the raw body.
    func upload(_ data: Data, contentType: String, as username: String? = nil) async throws -> APIResponse {
        var headers: HTTPFields = [.contentType: contentType]
        if let username { headers[.authorization] = "Bearer \(Demo.token(for: username))" }
        let (head, body) = try await raw(.post, "/api/v1/attachments", headers: headers, body: data)
        return APIResponse(status: head.status, contentType: head.headerFields[.contentType], text: String(decoding: body, as: UTF8.self))
    }

    /// Uploads `data` as the one file of a multipart form, as the web form does.
    func uploadForm(_ data: Data, filename: String, type: String) async throws -> APIResponse {
        let (contentType, body) = Self.multipart([], files: [("file", filename, type, data)])
        let (head, response) = try await raw(.post, "/api/v1/attachments", headers: [.contentType: contentType], body: body)
        return APIResponse(status: head.status, contentType: head.headerFields[.contentType], text: String(decoding: response, as: UTF8.self))
    }

    /// Uploads and requires that it was taken; the attachment's id.
    func uploadedID(_ data: Data, contentType: String, as username: String? = nil) async throws -> String {
        let response = try await upload(data, contentType: contentType, as: username)
        try #require(response.status == .created || response.status == .ok, "upload: \(response.status) \(response.text)")
        return try #require(response["id"]?.stringValue)
    }

    /// Posts the citizen's report form with one photo, as a browser does without scripts.
    func reportForm(_ fields: [(String, String)], photo: Data, filename: String) async throws -> (HTTPResponse, String) {
        let token = String(repeating: "c", count: 64)
        let (contentType, body) = Self.multipart([("_csrf", token)] + fields, files: [("photo", filename, "image/jpeg", photo)])
        let headers: HTTPFields = [.contentType: contentType, .cookie: "xiuhua_csrf=\(token)", .origin: "http://127.0.0.1"]
        let (head, response) = try await raw(.post, "/report", headers: headers, body: body)
        return (head, String(decoding: response, as: UTF8.self))
    }

    /// Posts the console's action form for `number` as `username` with one photo.
    func consoleAction(_ number: String, as username: String, _ fields: [(String, String)], photo: Data) async throws -> (HTTPResponse, String) {
        let token = String(repeating: "d", count: 64)
        let (contentType, body) = Self.multipart([("_csrf", token)] + fields, files: [("photos", "photo.jpg", "image/jpeg", photo)])
        let headers: HTTPFields = [
            .contentType: contentType, .cookie: "xiuhua_csrf=\(token); xiuhua_session=\(Demo.token(for: username))", .origin: "http://127.0.0.1",
        ]
        let (head, response) = try await raw(.post, "/console/cases/\(number)/actions", headers: headers, body: body)
        return (head, String(decoding: response, as: UTF8.self))
    }

    static func multipart(_ fields: [(String, String)], files: [(name: String, filename: String, type: String, data: Data)]) -> (String, Data) {
        let boundary = "----xiuhua-test-\(UUID().uuidString)"
        var body = Data()
        for (name, value) in fields {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        for file in files {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\nContent-Type: \(file.type)\r\n\r\n".utf8))
            body.append(file.data)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        return ("multipart/form-data; boundary=\(boundary)", body)
    }
}
