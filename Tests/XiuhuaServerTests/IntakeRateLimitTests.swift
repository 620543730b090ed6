import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import Xiuhua
import XiuhuaServer

/// The per-address limit on public intake, and whose word counts for "address": the peer's,
/// or a configured trusted proxy's `X-Forwarded-For` / `X-Real-IP`.
@Suite("Public intake rate limit and trusted proxies")
struct IntakeRateLimitTests {
    static func settings(perMinute: Int = 60, burst: Int = 3, trusting proxies: [String] = []) -> ServerSettings {
        var settings = ServerSettings()
        settings.intakeLimit = .init(perMinute: perMinute, burst: burst)
        settings.trustedProxies = proxies.compactMap(IPAddressRange.init)
        return settings
    }

    static func withServer(_ settings: ServerSettings, _ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await WritableDemoServer.run(settings, body)
    }

    static let report = """
        {"source":"web","category":"06010","description":"垃圾堆积","lat":40.12234718190999,"lon":113.2818037388908}
        """

    static let hotlineReport = """
        {"source":"hotline","category":"06010","description":"垃圾堆积","lat":40.12234718190999,"lon":113.2818037388908,"reporter_name":"刘秀英","reporter_phone":"13812345678"}
        """

    static let xff = HTTPField.Name("X-Forwarded-For")!
    static let realIP = HTTPField.Name("X-Real-IP")!

    static func attempt(_ client: some TestClientProtocol, _ user: String, from address: String) async throws -> TestResponse {
        try await client.execute(
            uri: "/api/v1/sessions", method: .post,
            headers: [.contentType: "application/json", Self.xff: address],
            body: ByteBuffer(string: #"{"username":"\#(user)","password":"wrong"}"#)
        )
    }

    static func lookup(_ client: some TestClientProtocol, _ headers: HTTPFields = [:]) async throws -> TestResponse {
        try await client.execute(uri: "/api/v1/tickets/NOSUCHCODE", method: .get, headers: headers)
    }

    @Test("ticket lookups over the API: the burst passes, the next gets 429 rate_limited with Retry-After and a bilingual message")
    func apiLookupsLimited() async throws {
        try await Self.withServer(Self.settings(perMinute: 60, burst: 3)) { (client: any TestClientProtocol) async throws in
            for _ in 0..<3 { #expect(try await Self.lookup(client).status == .notFound) }
            let refused = try await Self.lookup(client)
            try refused.expectError(.tooManyRequests, "rate_limited")
            #expect(refused.headers[.retryAfter] == "1", "one token a second: \(refused.headers[.retryAfter] ?? "none")")
            let message = try refused.object()["message"] as? String ?? ""
            #expect(message.contains("请求过于频繁") && message.contains("too many requests"), "\(message)")
            let metrics = try await client.get("/metrics").text
            #expect(metrics.contains("xiuhua_rate_limited_total{limit=\"intake\"}"), "the refusal is counted for the operators")
            // Paths that are not intake are not counted.
            #expect(try await client.get("/api/v1/categories?kind=matter").status == .ok)
            #expect(try await client.get("/report").status == .ok)
        }
    }

    @Test("the web report form, ticket page and anonymous API filing share the address's bucket; the refusal is a page in the visitor's language")
    func webAndAnonymousFilingLimited() async throws {
        try await Self.withServer(Self.settings(perMinute: 1, burst: 2)) { (client: any TestClientProtocol) async throws in
            let filed = try await client.execute(
                uri: "/api/v1/cases", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: Self.report)
            )
            #expect(filed.status == .created, "\(filed.text)")
            #expect(try await client.get("/ticket/NOSUCHCODE").status == .notFound)
            let page = try await client.get("/ticket/NOSUCHCODE")
            #expect(page.status == .tooManyRequests)
            #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(page.text.contains("提交过于频繁"), "\(page.text)")
            let wait = Int(page.headers[.retryAfter] ?? "") ?? 0
            #expect((55...60).contains(wait), "one token a minute: Retry-After \(wait)")
            let english = try await client.get("/ticket/NOSUCHCODE?lang=en")
            #expect(english.status == .tooManyRequests)
            #expect(english.text.contains("Too many requests from your address"))
            let form = try await client.execute(uri: "/report", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: "category=06010"))
            #expect(form.status == .tooManyRequests, "the form post is refused before its CSRF check")
            let anonymous = try await client.execute(
                uri: "/api/v1/cases", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: Self.report)
            )
            try anonymous.expectError(.tooManyRequests, "rate_limited")
            // Staff signed in file and look up on behalf of callers all day; they are not limited.
            let dispatcher = try await EvaluationAPITests.login(client, "dispatcher")
            let lookup = try await Self.lookup(client, [.authorization: "Bearer \(dispatcher)"])
            #expect(lookup.status == .notFound, "a signed-in lookup is not counted: \(lookup.status)")
            let token = try await EvaluationAPITests.login(client, "operator")
            for _ in 0..<3 {
                let staff = try await client.execute(
                    uri: "/api/v1/cases", method: .post, headers: [.contentType: "application/json", .authorization: "Bearer \(token)"],
                    body: ByteBuffer(string: Self.hotlineReport)
                )
                #expect(staff.status == .created, "\(staff.text)")
            }
        }
    }

    @Test("anonymous photo uploads count against the address's bucket")
    func anonymousUploadsLimited() async throws {
        try await Self.withServer(Self.settings(perMinute: 1, burst: 1)) { (client: any TestClientProtocol) async throws in
            let upload = { try await client.execute(
                uri: "/api/v1/attachments", method: .post, headers: [.contentType: "image/gif"], body: ByteBuffer(string: "GIF89a")
            ) }
            // The first is refused for what it is (not a photo), the second for how often.
            #expect(try await upload().status == .unsupportedMediaType)
            let limited = try await upload()
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers[.retryAfter] != nil)
        }
    }

    @Test("Open311 token lookups share the address's bucket with ticket lookups")
    func open311TokensLimited() async throws {
        try await Self.withServer(Self.settings(perMinute: 1, burst: 2)) { (client: any TestClientProtocol) async throws in
            #expect(try await Self.lookup(client).status == .notFound)
            #expect(try await client.execute(uri: "/open311/v2/tokens/ABCDEFGHJK.json", method: .get).status == .notFound)
            let limited = try await client.execute(uri: "/open311/v2/tokens/ABCDEFGHJK.json", method: .get)
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers[.retryAfter] != nil)
        }
    }

    @Test("the bucket refills at the configured rate")
    func refills() async throws {
        try await Self.withServer(Self.settings(perMinute: 600, burst: 1)) { (client: any TestClientProtocol) async throws in
            #expect(try await Self.lookup(client).status == .notFound)
            #expect(try await Self.lookup(client).status == .tooManyRequests)
            try await Task.sleep(for: .milliseconds(250))
            #expect(try await Self.lookup(client).status == .notFound, "ten tokens a second: one is back after 250 ms")
        }
    }

    @Test("limits.intake.per_minute 0 turns the limit off")
    func off() async throws {
        try await Self.withServer(Self.settings(perMinute: 0, burst: 1)) { (client: any TestClientProtocol) async throws in
            for _ in 0..<5 { #expect(try await Self.lookup(client).status == .notFound) }
        }
    }

    @Test("from an untrusted peer, X-Forwarded-For and X-Real-IP are ignored: inventing addresses does not escape the limit")
    func spoofedHeadersIgnored() async throws {
        try await Self.withServer(Self.settings(burst: 2, trusting: ["10.0.0.0/8"])) { (client: any TestClientProtocol) async throws in
            for index in 1...2 {
                #expect(try await Self.lookup(client, [Self.xff: "203.0.113.\(index)"]).status == .notFound)
            }
            #expect(try await Self.lookup(client, [Self.xff: "203.0.113.3"]).status == .tooManyRequests)
            #expect(try await Self.lookup(client, [Self.realIP: "198.51.100.9"]).status == .tooManyRequests)
        }
    }

    @Test("from a trusted proxy, the client named in X-Forwarded-For (rightmost untrusted hop) or X-Real-IP has its own bucket")
    func trustedProxyForwards() async throws {
        try await Self.withServer(Self.settings(burst: 2, trusting: ["127.0.0.1", "10.0.0.0/8"])) { (client: any TestClientProtocol) async throws in
                        // The client prepends a made-up hop; nginx appends the real address, a second
            // proxy of ours (10.1.1.1) appends its own. The client is 203.0.113.7.
            for fake in ["1.1.1.1", "2.2.2.2"] {
                #expect(try await Self.lookup(client, [Self.xff: "\(fake), 203.0.113.7, 10.1.1.1"]).status == .notFound)
            }
            #expect(try await Self.lookup(client, [Self.xff: "3.3.3.3, 203.0.113.7, 10.1.1.1"]).status == .tooManyRequests)
            // Another client behind the same proxy is not affected.
            #expect(try await Self.lookup(client, [Self.xff: "203.0.113.8"]).status == .notFound)
            #expect(try await Self.lookup(client, [Self.realIP: "198.51.100.9"]).status == .notFound)
            // Without a header the proxy itself is the client.
            #expect(try await Self.lookup(client).status == .notFound)
        }
    }

    @Test("the login throttle counts failures per forwarded client behind a trusted proxy, and per peer otherwise")
    func loginThrottleUsesClientAddress() async throws {
        var trusted = Self.settings(trusting: ["127.0.0.1"])
        trusted.loginLimit.failuresPerAddress = 3
        trusted.loginLimit.failuresPerUser = 100
        try await Self.withServer(trusted) { (client: any TestClientProtocol) async throws in
            for index in 0..<3 { #expect(try await Self.attempt(client, "nobody\(index)", from: "203.0.113.1").status == .unauthorized) }
            let refused = try await Self.attempt(client, "nobody9", from: "203.0.113.1")
            try refused.expectError(.tooManyRequests, "too_many_attempts")
            let wait = Int(refused.headers[.retryAfter] ?? "") ?? 0
            #expect((1...300).contains(wait), "Retry-After \(wait)")
            #expect(try await Self.attempt(client, "nobody9", from: "203.0.113.2").status == .unauthorized, "another client is not throttled")
            #expect(try await client.get("/metrics").text.contains("xiuhua_rate_limited_total{limit=\"login\"}"))
        }
        var untrusted = Self.settings()
        untrusted.loginLimit.failuresPerAddress = 3
        untrusted.loginLimit.failuresPerUser = 100
        try await Self.withServer(untrusted) { (client: any TestClientProtocol) async throws in
            for index in 0..<3 { #expect(try await Self.attempt(client, "nobody\(index)", from: "203.0.113.\(index)").status == .unauthorized) }
            #expect(try await Self.attempt(client, "nobody9", from: "203.0.113.99").status == .tooManyRequests, "a made-up address does not reset the count")
        }
    }

    @Test("the API description names the 429 and its Retry-After on every limited route")
    func described() async throws {
        try await ServerFixture.withServer(ServerFixture.demo) { client in
            let document = try await client.get("/api/v1/openapi.json").object()
            let paths = try #require(document["paths"] as? [String: Any])
            for (path, method) in [("/api/v1/sessions", "post"), ("/api/v1/cases", "post"), ("/api/v1/tickets/{code}", "get"), ("/api/v1/tickets/{code}/rating", "post"), ("/api/v1/attachments", "post")] {
                let operation = (paths[path] as? [String: Any])?[method] as? [String: Any]
                let refusal = (operation?["responses"] as? [String: Any])?["429"] as? [String: Any]
                #expect((refusal?["headers"] as? [String: Any])?["Retry-After"] != nil, "\(method) \(path)")
            }
        }
    }

    @Test("address ranges: single addresses, CIDR blocks, IPv6 and IPv4-mapped IPv6; nonsense is refused")
    func addressRanges() throws {
        let block = try #require(IPAddressRange("10.0.0.0/8"))
        #expect(block.contains("10.200.3.4"))
        #expect(block.contains("::ffff:10.0.0.1"))
        #expect(!block.contains("11.0.0.1"))
        #expect(!block.contains("not an address"))
        let loopback6 = try #require(IPAddressRange("::1"))
        #expect(loopback6.contains("::1"))
        #expect(!loopback6.contains("127.0.0.1"))
        #expect(try #require(IPAddressRange("192.168.1.0/25")).contains("192.168.1.127"))
        #expect(try #require(IPAddressRange("192.168.1.0/25")).contains("192.168.1.128") == false)
        #expect(try #require(IPAddressRange("fd00::/8")).contains("fd12:3456::1"))
        for bad in ["10.0.0.0/33", "300.1.1.1", "abc", "10.0.0.0/x", "", "::1/129"] {
            #expect(IPAddressRange(bad) == nil, "\(bad)")
        }
    }
}
