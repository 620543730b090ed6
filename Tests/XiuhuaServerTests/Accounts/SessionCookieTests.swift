import AsyncHTTPClient
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import Xiuhua
import XiuhuaServer

@Suite("Session cookie: Secure behind TLS, no writes through the JSON API, bounded live streams")
struct SessionCookieTests {
    static func sessionCookie(_ response: TestResponse) throws -> String {
        try #require(response.headers[values: .setCookie].first { $0.hasPrefix("xiuhua_session=") }, "\(response.text)")
    }

    @Test("behind TLS the session cookie is Secure (as HSTS is sent); on plain http it is not")
    func secure() async throws {
        var tls = ServerSettings()
        tls.behindTLS = true
        try await withTemporaryDataDirectory { directory in
            try await withAccountServer(directory: directory, settings: tls) { demo in
                let signedIn = try await demo.signIn("operator")
                let cookie = try Self.sessionCookie(signedIn)
                #expect(cookie.contains("; Secure"), "\(cookie)")
                #expect(cookie.contains("HttpOnly"))
                #expect(signedIn.headers[.strictTransportSecurity] != nil, "one rule decides both")
                let signedOut = try await demo.send(.delete, "/api/v1/sessions", token: try signedIn.object()["token"] as? String)
                #expect(try Self.sessionCookie(signedOut).contains("; Secure"), "the cookie that clears it matches")
            }
        }
        try await LiveDemo.run { demo in
            let cookie = try Self.sessionCookie(try await demo.signIn("operator"))
            #expect(!cookie.contains("Secure"), "\(cookie)")
        }
    }

    @Test("the JSON API refuses a write signed in by the session cookie alone, takes it with a bearer token, and reads with the cookie")
    func cookieWrites() async throws {
        try await LiveDemo.run { demo in
            let token = try await demo.token("operator")
            let report = #"{"source":"hotline","category":"06010","description":"测试","lat":40.12234718190999,"lon":113.2818037388908}"#
            let headers: HTTPFields = [.contentType: "application/json", .cookie: "xiuhua_session=\(token)"]
            let refused = try await demo.client.execute(uri: "/api/v1/cases", method: .post, headers: headers, body: ByteBuffer(string: report))
            try refused.expectError(.forbidden, "bearer_required")
            #expect((try refused.object()["message"] as? String)?.hasPrefix("JSON 接口的写操作须带") == true)
            for method in [HTTPRequest.Method.put, .patch, .delete] {
                let other = try await demo.client.execute(uri: "/api/v1/apikeys/x", method: method, headers: [.cookie: "xiuhua_session=\(try await demo.token("admin"))"])
                try other.expectError(.forbidden, "bearer_required")
            }
            #expect(try await demo.services.store.listCases(.init(), visibleTo: Actor(id: "t", name: "t", role: .admin), at: demo.clock.now).total == 0,
                    "the refused write filed nothing")

            let read = try await demo.client.execute(uri: "/api/v1/me", method: .get, headers: [.cookie: "xiuhua_session=\(token)"])
            #expect(read.status == .ok, "reads take the cookie")
            let bearer = try await demo.send(.post, "/api/v1/cases", report, token: token)
            #expect(bearer.status == .created, "\(bearer.text)")
            let signOut = try await demo.client.execute(uri: "/api/v1/sessions", method: .delete, headers: [.cookie: "xiuhua_session=\(token)"])
            #expect(signOut.status == .noContent, "signing out needs no bearer token")
            #expect(try await demo.me(token) == .unauthorized)
        }
    }

    /// Opens `/dashboard/events` with the session cookie and returns the response once its head arrived.
    static func openStream(_ demo: LiveDemo, token: String) async throws -> HTTPClientResponse {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(try #require(demo.client.port))/dashboard/events")
        request.headers.add(name: "Cookie", value: "xiuhua_session=\(token)")
        return try await HTTPClient.shared.execute(request, timeout: .seconds(60))
    }

    /// Reads `response` to its end; fails when it is still open after `seconds`.
    static func ends(_ response: HTTPClientResponse, within seconds: Int) async throws -> Bool {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                for try await _ in response.body {}
                return true
            }
            group.addTask {
                try await Task.sleep(for: .seconds(seconds))
                return false
            }
            let first = try await group.next() ?? false
            group.cancelAll()
            return first
        }
    }

    @Test("an account holds at most 4 live streams; signing out ends them within seconds and frees their places")
    func liveStreams() async throws {
        try await LiveDemo.run { demo in
            let token = try await demo.signedIn("dispatcher")
            var streams: [HTTPClientResponse] = []
            for _ in 0..<4 {
                let stream = try await Self.openStream(demo, token: token)
                #expect(stream.status == .ok)
                #expect(stream.headers.first(name: "Content-Type")?.hasPrefix("text/event-stream") == true)
                streams.append(stream)
            }
            let fifth = try await Self.openStream(demo, token: token)
            #expect(fifth.status == .tooManyRequests)
            _ = try await fifth.body.collect(upTo: 1 << 20)
            let otherAccount = try await Self.openStream(demo, token: try await demo.signedIn("supervisor"))
            #expect(otherAccount.status == .ok, "the cap is per account")

            #expect(try await demo.send(.delete, "/api/v1/sessions", token: token).status == .noContent)
            for stream in streams {
                #expect(try await Self.ends(stream, within: 10), "a stream of the ended session closes")
            }
            let again = try await demo.signedIn("dispatcher")
            var reopened: HTTPClientResponse?
            for _ in 0..<20 where reopened?.status != .ok {
                reopened = try await Self.openStream(demo, token: again)
                if reopened?.status != .ok {
                    _ = try await reopened?.body.collect(upTo: 1 << 20)
                    try await Task.sleep(for: .milliseconds(200))
                }
            }
            #expect(reopened?.status == .ok, "the closed streams gave their places back")
            try await demo.services.store.revokeSessions(username: "dispatcher")
            #expect(try await Self.ends(try #require(reopened), within: 10), "revoking the sessions ends the stream too")
            try await demo.services.store.revokeSessions(username: "supervisor")
            #expect(try await Self.ends(otherAccount, within: 10))
        }
    }
}
