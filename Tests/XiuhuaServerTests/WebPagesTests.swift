import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import Xiuhua
import XiuhuaServer
import XiuhuaStore

/// The demo district seeded once into a template directory; each writing test works on
/// its own copy, so the suites do not pay for seeding (and its password hashing) each time.
private let seededTemplate = Task { () throws -> String in
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("xiuhua-web-template-\(UUID().uuidString)").path
    let store = try await Store.openSQLite(dataDirectory: path, logger: ServerFixture.logger)
    try await DemoSeeder.seedIfNeeded(store, logger: ServerFixture.logger)
    await store.close()
    return path
}

/// The pages over a live server with a writable copy of the demo store (the shared
/// fixture's store is closed after loading, and these tests file cases and sign in).
private func withWritableDemo<T: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
    let template = try await seededTemplate.value
    return try await withTemporaryDataDirectory { directory in
        try FileManager.default.copyItem(atPath: template, toPath: directory)
        let store = try await Store.openSQLite(dataDirectory: directory, logger: ServerFixture.logger)
        do {
            let services = try await XiuhuaServices.load(store: store, catalog: .national, calendar: .chinaDefault)
            let app = buildApplication(services: services, host: "127.0.0.1", port: 0, overdueScanInterval: nil, logger: ServerFixture.logger)
            let result = try await app.test(.live, body)
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }
}

private extension TestResponse {
    /// The value of cookie `name` set by this response, with its attributes.
    func setCookie(_ name: String) -> String? {
        headers[values: .setCookie].first { $0.hasPrefix(name + "=") }
    }

    func csrf() throws -> String {
        let header = try #require(setCookie("xiuhua_csrf"))
        return String(header.dropFirst("xiuhua_csrf=".count).prefix { $0 != ";" })
    }
}

private func form(_ fields: [(String, String)]) -> ByteBuffer {
    ByteBuffer(string: fields.map { "\($0.0)=\(encoded($0.1))" }.joined(separator: "&"))
}

private func post(_ client: any TestClientProtocol, _ uri: String, csrf: String, cookie: String? = nil, _ fields: [(String, String)]) async throws -> TestResponse {
    var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: "xiuhua_csrf=\(csrf)" + (cookie.map { "; \($0)" } ?? "")]
    headers[.origin] = "http://127.0.0.1"
    return try await client.execute(uri: uri, method: .post, headers: headers, body: form(fields))
}

@Suite("Web pages")
struct WebPagesTests {
    @Test("the report page is Chinese, carries a form token in an HttpOnly SameSite cookie and a strict content policy")
    func reportPage() async throws {
        try await ServerFixture.withServer(ServerFixture.demo) { client in
            let response = try await client.get("/report")
            #expect(response.status == .ok)
            #expect(response.text.contains("<html lang=\"zh-CN\">"))
            #expect(response.text.contains("反映城市管理问题"))
            let cookie = try #require(response.setCookie("xiuhua_csrf"))
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            #expect(response.text.contains("name=\"_csrf\" value=\"\(try response.csrf())\""))
            #expect(response.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
            #expect(!response.text.contains("http://") && !response.text.contains("https://"), "no CDN or outside address")
        }
    }

    @Test("a form without its token is refused with a page, not filed")
    func csrf() async throws {
        try await ServerFixture.withServer(ServerFixture.demo) { client in
            let response = try await post(client, "/report", csrf: String(repeating: "a", count: 64), [
                ("_csrf", String(repeating: "b", count: 64)), ("category", "06010"), ("description", "x"), ("address", "永泰街道"),
            ])
            #expect(response.status == .forbidden)
            #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(response.text.contains("表单已过期"))
        }
    }

    @Test("a report typed with an address is filed, and its description shows as text")
    func fileAndEscape() async throws {
        try await withWritableDemo { client in
            let token = try await client.get("/report").csrf()
            let response = try await post(client, "/report", csrf: token, [
                ("_csrf", token), ("category", "06010"), ("description", "<script>alert(1)</script>"),
                ("address", "永泰街道红旗里社区红旗街"), ("phone", "13812345678"),
            ])
            #expect(response.status == .seeOther)
            let location = try #require(response.headers[.location])
            #expect(location.hasPrefix("/ticket/"))
            let ticket = try await client.get(location)
            #expect(ticket.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!ticket.text.contains("<script>alert(1)"))
            #expect(!ticket.text.contains("13812345678"), "the phone is never on a public page")
        }
    }

    @Test("a report with an over-long name or address is shown again saying the limit beside the field, and not filed")
    func overLongFields() async throws {
        try await ServerFixture.withServer(ServerFixture.demo) { client in
            let token = try await client.get("/report").csrf()
            let response = try await post(client, "/report", csrf: token, [
                ("_csrf", token), ("category", "06010"), ("description", "垃圾"), ("address", "永泰街道红旗里社区"),
                ("name", String(repeating: "张", count: 101)),
            ])
            #expect(response.status == .badRequest)
            #expect(response.text.contains("id=\"name-error\""))
            #expect(response.text.contains("此项不能超过 100 字"))
            #expect(response.text.contains(">垃圾</textarea>"), "what was typed is kept")
            let address = try await post(client, "/report", csrf: token, [
                ("_csrf", token), ("category", "06010"), ("description", "垃圾"), ("address", String(repeating: "街", count: 301)),
            ])
            #expect(address.status == .badRequest)
            #expect(address.text.contains("此项不能超过 300 字"))
        }
    }

    @Test("a report without a place is shown again with a clear message")
    func missingPlace() async throws {
        try await ServerFixture.withServer(ServerFixture.demo) { client in
            let token = try await client.get("/report").csrf()
            let response = try await post(client, "/report", csrf: token, [("_csrf", token), ("category", "06010"), ("description", "垃圾")])
            #expect(response.status == .badRequest)
            #expect(response.text.contains("请在地图上点选位置"))
            #expect(response.text.contains(">垃圾</textarea>"), "what was typed is kept")
        }
    }

    @Test("after 5 wrong passwords for one user, sign-in answers 429 even with the right one")
    func loginLimit() async throws {
        try await withWritableDemo { client in
            let token = try await client.get("/console/login").csrf()
            for attempt in 1...5 {
                let response = try await post(client, "/console/login", csrf: token, [("_csrf", token), ("username", "dispatcher"), ("password", "wrong\(attempt)")])
                #expect(response.status == .unauthorized)
            }
            let blocked = try await post(client, "/console/login", csrf: token, [("_csrf", token), ("username", "dispatcher"), ("password", DemoAccounts.password)])
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.text.contains("登录失败次数过多"))
            let api = try await client.execute(
                uri: "/api/v1/sessions", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"username":"dispatcher","password":"xiuhua2026"}"#)
            )
            try api.expectError(.tooManyRequests, "too_many_attempts")
            let other = try await post(client, "/console/login", csrf: token, [("_csrf", token), ("username", "dutychief"), ("password", DemoAccounts.password)])
            #expect(other.status == .seeOther, "another user from the same address may still sign in")
            #expect(other.setCookie("xiuhua_session")?.contains("HttpOnly") == true)
        }
    }

    @Test("the console's sign-in form refuses a disabled account with a message saying so, even with the right password")
    func disabledSignIn() async throws {
        try await withWritableDemo { client in
            let login = try await client.execute(
                uri: "/api/v1/sessions", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"username":"admin","password":"\#(DemoAccounts.password)"}"#)
            )
            let bearer = try #require(try JSONSerialization.jsonObject(with: Data(login.text.utf8)) as? [String: Any])["token"] as? String
            let disabled = try await client.execute(
                uri: "/api/v1/accounts/dispatcher/disable", method: .post, headers: [.authorization: "Bearer \(bearer ?? "")"]
            )
            #expect(disabled.status == .ok, "\(disabled.text)")
            let token = try await client.get("/console/login").csrf()
            let refused = try await post(client, "/console/login", csrf: token, [("_csrf", token), ("username", "dispatcher"), ("password", DemoAccounts.password)])
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains("账号已停用，请联系管理员"))
            #expect(refused.setCookie("xiuhua_session") == nil, "no session is opened")
        }
    }

    @Test("the console asks for sign-in; a signed-in duty chief sees the queues")
    func console() async throws {
        try await withWritableDemo { client in
            let anonymous = try await client.get("/console")
            #expect(anonymous.status == .found)
            #expect(anonymous.headers[.location]?.hasPrefix("/console/login") == true)
            let token = try await client.get("/console/login").csrf()
            let signedIn = try await post(client, "/console/login", csrf: token, [("_csrf", token), ("username", "dutychief"), ("password", DemoAccounts.password)])
            let session = try #require(signedIn.setCookie("xiuhua_session")).prefix { $0 != ";" }
            let page = try await client.execute(uri: "/console", method: .get, headers: [.cookie: String(session)])
            #expect(page.status == .ok)
            #expect(page.text.contains("待立案"))
            #expect(page.text.contains("待结案"))
        }
    }

    @Test("the console's case page lists possible duplicates with links, offers the merge form, and the form merges")
    func consoleDuplicatesAndMerge() async throws {
        try await withWritableDemo { client in
            let login = try await client.execute(
                uri: "/api/v1/sessions", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"username":"operator","password":"\#(DemoAccounts.password)"}"#)
            )
            let bearer = try #require(try JSONSerialization.jsonObject(with: Data(login.text.utf8)) as? [String: Any])["token"] as? String
            func file() async throws -> String {
                let response = try await client.execute(
                    uri: "/api/v1/cases", method: .post,
                    headers: [.contentType: "application/json", .authorization: "Bearer \(bearer ?? "")"],
                    body: ByteBuffer(string: #"{"source":"hotline","category":"06010","description":"占道堆物","lat":40.12234718190999,"lon":113.2818037388908,"direct_acceptance":true}"#)
                )
                #expect(response.status == .created, "\(response.text)")
                return try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])["number"] as? String ?? ""
            }
            let first = try await file()
            let second = try await file()
            let token = try await client.get("/console/login").csrf()
            let signedIn = try await post(client, "/console/login", csrf: token, [("_csrf", token), ("username", "dutychief"), ("password", DemoAccounts.password)])
            let session = String(try #require(signedIn.setCookie("xiuhua_session")).prefix { $0 != ";" })
            let page = try await client.execute(uri: "/console/cases/\(second)", method: .get, headers: [.cookie: session])
            #expect(page.status == .ok)
            #expect(page.text.contains("疑似重复案件"))
            #expect(page.text.contains("<a href=\"/console/cases/\(first)\">\(first)</a>"))
            #expect(page.text.contains("name=\"into\" required value=\"\(first)\""))

            let merged = try await post(
                client, "/console/cases/\(second)/actions", csrf: token, cookie: session,
                [("_csrf", token), ("action", "merge"), ("into", first)]
            )
            #expect(merged.headers[.location] == "/console/cases/\(second)?done=merge", "\(merged.status) \(merged.text)")
            let after = try await client.execute(uri: "/console/cases/\(second)", method: .get, headers: [.cookie: session])
            #expect(after.text.contains("id=\"merged-into\""))
            #expect(after.text.contains("已合并"))
            let survivor = try await client.execute(uri: "/console/cases/\(first)", method: .get, headers: [.cookie: session])
            #expect(survivor.text.contains("id=\"merged-cases\""))
            #expect(survivor.text.contains(second))
        }
    }

    @Test("street outlines are traced from the demo's grid cells")
    func outlines() async throws {
        try await ServerFixture.withServer(ServerFixture.demo) { client in
            let response = try await client.get("/map/outlines.geojson?level=street")
            #expect(response.status == .ok)
            let features = try #require(try response.object()["features"] as? [[String: Any]])
            #expect(features.count == 18)
            let geometry = try #require(features.first?["geometry"] as? [String: Any])
            #expect(geometry["type"] as? String == "Polygon")
            let ring = try #require((geometry["coordinates"] as? [[[Double]]])?.first)
            // A street is 20 × 27 cells: its outline runs along the 94 outer cell edges only
            // (the shared inner edges cancel), less the straight runs on the district border.
            #expect(ring.count > 4 && ring.count <= 95)
            #expect(ring.first == ring.last)
        }
    }

    @Test("scripts and the style sheet are served by the server itself")
    func assets() async throws {
        try await ServerFixture.withServer(ServerFixture.demo) { client in
            for name in ["xiuhua.css", "map.js", "report.js", "dashboard.js"] {
                let response = try await client.get("/assets/\(name)")
                #expect(response.status == .ok, "\(name)")
            }
            #expect(try await client.get("/assets/nothing.js").status == .notFound)
        }
    }
}
