import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import Xiuhua
import XiuhuaServer

/// The protective headers on every kind of response, and pages that need no inline
/// script or style (so the content security policy can forbid both).
@Suite("Security headers")
struct SecurityHeadersTests {
    static func withServer(_ settings: ServerSettings = ServerSettings(), _ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await WritableDemoServer.run(settings, tileURL: "https://t0.tianditu.gov.cn/DataServer?T=vec_w&x={x}&y={y}&l={z}", body)
    }

    static func expectProtected(_ response: TestResponse, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let policy = response.headers[.contentSecurityPolicy] ?? ""
        #expect(policy.contains("default-src 'self'"), "\(what): \(policy)", sourceLocation: sourceLocation)
        #expect(policy.contains("script-src 'self'"), "\(what): \(policy)", sourceLocation: sourceLocation)
        #expect(policy.contains("style-src 'self'"), "\(what): \(policy)", sourceLocation: sourceLocation)
        #expect(!policy.contains("unsafe-inline") && !policy.contains("unsafe-eval"), "\(what): \(policy)", sourceLocation: sourceLocation)
        #expect(policy.contains("frame-ancestors 'none'"), "\(what)", sourceLocation: sourceLocation)
        #expect(policy.contains("img-src 'self' data: blob: https://t0.tianditu.gov.cn"), "\(what): the tile server may serve images: \(policy)", sourceLocation: sourceLocation)
        #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(what)", sourceLocation: sourceLocation)
        #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin", "\(what)", sourceLocation: sourceLocation)
        #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY", "\(what)", sourceLocation: sourceLocation)
        let permissions = response.headers[HTTPField.Name("Permissions-Policy")!] ?? ""
        #expect(permissions.contains("geolocation=(self)"), "\(what): \(permissions)", sourceLocation: sourceLocation)
        #expect(permissions.contains("camera=()"), "\(what): \(permissions)", sourceLocation: sourceLocation)
    }

    @Test("pages, JSON, JSON and page errors, assets, photos and redirects all carry CSP, nosniff, referrer, framing and permissions headers; no HSTS on plain http")
    func everyKindOfResponse() async throws {
        try await Self.withServer { client in
            let cases: [(String, HTTPRequest.Method, String, HTTPResponse.Status)] = [
                ("citizen page", .get, "/report", .ok),
                ("home page", .get, "/", .ok),
                ("JSON", .get, "/api/v1/categories?kind=matter", .ok),
                ("JSON 404", .get, "/api/v1/no-such-thing", .notFound),
                ("JSON 401", .get, "/api/v1/cases", .unauthorized),
                ("page 404", .get, "/ticket/NOSUCHCODE", .notFound),
                ("style sheet", .get, "/assets/xiuhua.css", .ok),
                ("script", .get, "/assets/report.js", .ok),
                ("missing photo", .get, "/photos/nothing.jpg", .notFound),
                ("health", .get, "/healthz", .ok),
                ("metrics", .get, "/metrics", .ok),
                ("language switch redirect", .get, "/lang/en?back=/report", .found),
            ]
            for (what, method, uri, status) in cases {
                let response = try await client.execute(uri: uri, method: method)
                #expect(response.status == status, "\(what) \(uri): \(response.status)")
                Self.expectProtected(response, "\(what) \(uri)")
                #expect(response.headers[.strictTransportSecurity] == nil, "\(what): HSTS only behind TLS")
            }
            let bad = try await client.execute(
                uri: "/api/v1/cases", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: "{not json")
            )
            #expect(bad.status == .badRequest)
            Self.expectProtected(bad, "JSON 400")
        }
    }

    @Test("behind TLS every response also carries Strict-Transport-Security")
    func hstsBehindTLS() async throws {
        var settings = ServerSettings()
        settings.behindTLS = true
        try await Self.withServer(settings) { client in
            for uri in ["/report", "/api/v1/categories", "/assets/map.js", "/nowhere"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.headers[.strictTransportSecurity]?.hasPrefix("max-age=") == true, "\(uri)")
                Self.expectProtected(response, uri)
            }
        }
    }

    @Test("no page carries an inline script, inline style block or style attribute, which the policy would block")
    func noInlineScriptOrStyle() async throws {
        try await Self.withServer { client in
            let token = try await EvaluationAPITests.login(client, "dispatcher")
            let pages = ["/", "/report", "/ticket", "/board", "/console/login", "/reports/monthly?period=2026-11", "/console", "/dashboard"]
            for uri in pages {
                let response = try await client.execute(uri: uri, method: .get, headers: [.cookie: "xiuhua_session=\(token)"])
                #expect(response.status == .ok, "\(uri): \(response.status)")
                let html = response.text
                #expect(html.contains("<html"), "\(uri) is a page")
                #expect(html.range(of: "<script(?![^>]*\\ssrc=)[^>]*>", options: .regularExpression) == nil, "\(uri) has an inline script")
                #expect(!html.contains("<style"), "\(uri) has an inline style block")
                #expect(html.range(of: "\\sstyle=\"", options: .regularExpression) == nil, "\(uri) has a style attribute")
                #expect(html.range(of: "\\son[a-z]+=\"", options: .regularExpression) == nil, "\(uri) has an inline event handler")
            }
            for sheet in ["home.css", "monthly-report.css"] {
                let response = try await client.execute(uri: "/assets/\(sheet)", method: .get)
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/css") == true)
            }
            #expect(try await client.execute(uri: "/assets/monthly-report.css", method: .get).text.contains(".grade-A { background: #1a7f37; }"))
        }
    }
}
