#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import Xiuhua
import XiuhuaServer
import XiuhuaStore

/// One HTTP/1.1 response as it came off the wire.
struct WireResponse {
    let status: Int
    /// Header lines in the order sent, as `name: value`.
    let headers: [String]
    let body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }

    func header(_ name: String) -> String? {
        headers.first { $0.lowercased().hasPrefix(name.lowercased() + ":") }.map { String($0.split(separator: ":", maxSplits: 1)[1].dropFirst()) }
    }

    /// The headers with the values that differ on every response (date, request id) blanked.
    var comparableHeaders: [String] {
        headers.map { line in
            let name = line.split(separator: ":", maxSplits: 1)[0].lowercased()
            return name == "date" || name == "x-request-id" ? "\(name): …" : line
        }
    }
}

/// A keep-alive connection that reads responses one at a time, however the server split
/// or joined them, so pipelined answers can be checked in order.
final class WireConnection: @unchecked Sendable {
    let connection: SlowConnection
    private var pending: [UInt8] = []

    init(port: Int) throws {
        connection = try #require(SlowConnection(port: port))
    }

    func send(_ text: String) { connection.send(text) }

    static func get(_ target: String, _ extra: String = "") -> String {
        "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n\(extra)\r\n"
    }

    /// The next response; nil when the connection closed first. An answer to HEAD has a
    /// length but no body (`bodyless`).
    func read(bodyless: Bool = false) -> WireResponse? {
        while true {
            if let end = headEnd() {
                let head = String(decoding: pending[..<end], as: UTF8.self).components(separatedBy: "\r\n")
                let words = head[0].split(separator: " ")
                let status = words.count > 1 ? Int(words[1]) ?? 0 : 0
                let headers = Array(head.dropFirst())
                let declared = headers.first { $0.lowercased().hasPrefix("content-length:") }
                    .flatMap { Int($0.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "") } ?? 0
                let length = bodyless ? 0 : declared
                if pending.count >= end + 4 + length {
                    let body = Array(pending[(end + 4)..<(end + 4 + length)])
                    pending.removeFirst(end + 4 + length)
                    return WireResponse(status: status, headers: headers, body: body)
                }
            }
            var buffer = [UInt8](repeating: 0, count: 65_536)
            let n = recv(connection.fd, &buffer, buffer.count, 0)
            guard n > 0 else { return nil }
            pending += buffer[0..<n]
        }
    }

    private func headEnd() -> Int? {
        guard pending.count >= 4 else { return nil }
        for index in 0...(pending.count - 4) where pending[index] == 13 && pending[index + 1] == 10 && pending[index + 2] == 13 && pending[index + 3] == 10 {
            return index
        }
        return nil
    }
}

/// Cached public reads answered on the event loop (`PublicAnswerHandler`) are the same as
/// the route's answers, as fresh, counted and logged alike, and never overtake or swallow
/// another request.
@Suite("Open311 cached answers from the event loop", .serialized)
struct Open311EarlyAnswerTests {
    static let list = "/open311/v2/requests.json?page_size=50"
    /// A header that sends a request through Hummingbird's whole chain (the session
    /// middleware must look at cookies), without changing the answer.
    static let throughTheChain = "Cookie: probe=1\r\n"

    /// A live server over a fresh demo store with an Open311 key and three cases filed
    /// through it; `body` gets the port, the key and the store.
    func withServer(_ settings: ServerSettings = ServerSettings(), _ body: @Sendable (Int, String, Store) async throws -> Void) async throws {
        try await withTemporaryDataDirectory { directory in
            let store = try await Store.openSQLite(dataDirectory: directory, logger: ServerFixture.logger)
            do {
                try await DemoSeeder.seedIfNeeded(store, logger: ServerFixture.logger)
                let services = try await XiuhuaServices.load(store: store, catalog: .national, calendar: .chinaDefault)
                let (_, secret) = try await store.createAPIKey(name: "测试", perMinute: 6_000, at: Date())
                let app = buildApplication(
                    services: services, host: "127.0.0.1", port: 0, overdueScanInterval: nil, server: settings, logger: ServerFixture.logger
                )
                try await app.test(.live) { client in
                    let port = try #require(client.port)
                    // Three cases in the window, so that the lists are not empty.
                    for _ in 0..<3 { _ = try file(port, secret) }
                    try await body(port, secret, store)
                }
                await store.close()
            } catch {
                await store.close()
                throw error
            }
        }
    }

    /// A figure from `/metrics`: the sum of the lines of `name` that contain every one of `labels`.
    func metric(_ port: Int, _ name: String, _ labels: [String] = []) throws -> Double {
        let wire = try WireConnection(port: port)
        wire.send(WireConnection.get("/metrics"))
        let text = try #require(wire.read()).text
        return text.split(separator: "\n")
            .filter { $0.hasPrefix(name + " ") || $0.hasPrefix(name + "{") }
            .filter { line in labels.allSatisfy { line.contains($0) } }
            .compactMap { $0.split(separator: " ").last.flatMap { Double($0) } }
            .reduce(0, +)
    }

    func early(_ port: Int) throws -> Double { try metric(port, "xiuhua_http_early_answers_total") }

    func file(_ port: Int, _ key: String) throws -> String {
        let form = "api_key=\(key)&service_code=06010&lat=40.12234718190999&long=113.2818037388908&attribute%5Bamount%5D=bag&description=%E5%9E%83%E5%9C%BE"
        let wire = try WireConnection(port: port)
        wire.send("POST /open311/v2/requests.json HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: \(form.utf8.count)\r\n\r\n\(form)")
        let response = try #require(wire.read())
        #expect(response.status == 200, "\(response.text)")
        let items = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [[String: Any]])
        return try #require(items.first?["service_request_id"] as? String)
    }

    @Test("requests and services in JSON and XML: the early answer has the route's status, headers in order and body, and is counted and logged as a request")
    func sameBytes() async throws {
        try await withServer { port, _, _ in
            let targets = [Self.list, "/open311/v2/requests.xml?page_size=5&status=open", "/open311/v2/services.json", "/open311/v2/services.xml"]
            let wire = try WireConnection(port: port)
            let routeLabel = #"http_route="/open311/v2/{file}""#
            let counted = try metric(port, "xiuhua_http_requests_total", [routeLabel, #"http_response_status_code="200""#])
            for target in targets {
                let before = try early(port)
                wire.send(WireConnection.get(target, Self.throughTheChain))
                let route = try #require(wire.read())
                #expect(try early(port) == before, "\(target): a request with a cookie goes through the chain")
                wire.send(WireConnection.get(target))
                let early = try #require(wire.read())
                #expect(try self.early(port) == before + 1, "\(target): the repeated plain GET is answered early")
                #expect(route.status == 200 && early.status == 200, "\(target)")
                #expect(early.comparableHeaders == route.comparableHeaders, "\(target)")
                #expect(early.body == route.body, "\(target)")
                #expect(early.body.count > 100, "\(target): a real list")
                #expect(early.header("X-Request-Id").map { !$0.isEmpty && $0 != route.header("X-Request-Id") } == true)
                // IMF-fixdate, as Hummingbird writes it: `Sun, 06 Nov 1994 08:49:37 GMT`.
                let imfFixdate = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-3][0-9] [A-Z][a-z]{2} [0-9]{4} [0-2][0-9]:[0-5][0-9]:[0-6][0-9] GMT$/
                #expect(early.header("Date").map { $0.wholeMatch(of: imfFixdate) != nil } == true, "\(early.header("Date") ?? "none")")
                #expect(route.header("Date").map { $0.wholeMatch(of: imfFixdate) != nil } == true, "\(route.header("Date") ?? "none")")
                #expect(early.header("Content-Security-Policy")?.contains("default-src 'self'") == true)
                #expect(early.header("X-Content-Type-Options") == "nosniff")
                #expect(early.header("Content-Type") == (target.contains(".xml") ? "text/xml; charset=utf-8" : "application/json; charset=utf-8"))
            }
            let after = try metric(port, "xiuhua_http_requests_total", [routeLabel, #"http_response_status_code="200""#])
            #expect(after - counted == Double(targets.count * 2), "both paths count under the route's label")
            #expect(try metric(port, "xiuhua_http_request_duration_seconds_count", [routeLabel]) >= after)
        }
    }

    @Test("a case filed through the server makes the next read fresh; the fresh list is then answered early again")
    func writeMakesFresh() async throws {
        try await withServer { port, key, _ in
            let wire = try WireConnection(port: port)
            wire.send(WireConnection.get(Self.list))
            _ = try #require(wire.read())
            wire.send(WireConnection.get(Self.list))
            let cached = try #require(wire.read())
            let id = try file(port, key)
            #expect(!cached.text.contains(#""\#(id)""#))
            let before = try early(port)
            wire.send(WireConnection.get(Self.list))
            let fresh = try #require(wire.read())
            #expect(fresh.status == 200)
            #expect(fresh.text.contains(#""service_request_id":"\#(id)""#), "the new case is in the next read")
            #expect(try early(port) == before, "a stale entry is not answered early")
            wire.send(WireConnection.get(Self.list))
            let again = try #require(wire.read())
            #expect(again.body == fresh.body)
            #expect(try early(port) == before + 1)
        }
    }

    @Test("an entry is at most a second old even without writes through this server")
    func bounded() async throws {
        try await withServer { port, _, _ in
            let wire = try WireConnection(port: port)
            wire.send(WireConnection.get(Self.list))
            _ = try #require(wire.read())
            try await Task.sleep(for: .milliseconds(1_100))
            let before = try early(port)
            wire.send(WireConnection.get(Self.list))
            #expect(try #require(wire.read()).status == 200)
            #expect(try early(port) == before, "an entry older than a second goes back to the route")
        }
    }

    @Test("pipelined requests are answered in order, early answers never overtaking one Hummingbird is still answering; the connection stays open")
    func pipelined() async throws {
        try await withServer { port, _, _ in
            let wire = try WireConnection(port: port)
            wire.send(WireConnection.get(Self.list))
            let list = try #require(wire.read())
            let xml = "/open311/v2/services.xml"
            wire.send(WireConnection.get(xml))
            let services = try #require(wire.read())
            // A slow route (an uncached list) between cached ones, all sent at once.
            wire.send(
                WireConnection.get(Self.list) + WireConnection.get("/open311/v2/requests.json?page_size=2") + WireConnection.get(Self.list)
                    + WireConnection.get("/healthz") + WireConnection.get(xml) + WireConnection.get(Self.list)
            )
            let answers = (0..<6).compactMap { _ in wire.read() }
            #expect(answers.count == 6)
            #expect(answers.map(\.status) == [200, 200, 200, 200, 200, 200])
            #expect(answers[0].body == list.body)
            #expect(answers[1].body != list.body && answers[1].text.hasPrefix("["))
            #expect(answers[2].body == list.body)
            #expect(answers[3].text.contains(#""status":"ok""#))
            #expect(answers[4].body == services.body)
            #expect(answers[5].body == list.body)
            for _ in 0..<3 {
                wire.send(WireConnection.get(Self.list))
                #expect(try #require(wire.read()).body == list.body, "keep-alive: the same connection goes on answering")
            }
        }
    }

    @Test("a connection busy with early answers is not closed as idle; one left idle is")
    func idleTimeout() async throws {
        var settings = ServerSettings()
        settings.idleTimeout = .seconds(1)
        try await withServer(settings) { port, _, _ in
            let wire = try WireConnection(port: port)
            wire.send(WireConnection.get(Self.list))
            let list = try #require(wire.read())
            let before = try early(port)
            // 2.5 s of requests 250 ms apart on one connection whose idle limit is 1 s.
            for _ in 0..<10 {
                try await Task.sleep(for: .milliseconds(250))
                wire.send(WireConnection.get(Self.list))
                #expect(wire.read()?.body == list.body, "the connection is still open and answering")
            }
            // The entry expires each second, so about one request in four goes to the route.
            #expect(try early(port) >= before + 6, "most answers came from the event loop")
            try await Task.sleep(for: .milliseconds(2_000))
            #expect(wire.read() == nil, "then, left idle, it is closed")
        }
    }

    @Test("HEAD, other methods, a body, Connection: close and sessions go to Hummingbird; a malformed query gets the spec's 400 every time")
    func passesThrough() async throws {
        try await withServer { port, _, _ in
            let wire = try WireConnection(port: port)
            wire.send(WireConnection.get(Self.list))
            let list = try #require(wire.read())
            let before = try early(port)

            // HEAD is Hummingbird's to answer (it has no HEAD route for the list: 404).
            let headWire = try WireConnection(port: port)
            headWire.send("HEAD \(Self.list) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            let head = try #require(headWire.read(bodyless: true))
            #expect(head.status == 404 || head.status == 200, "\(head.headers)")
            #expect(head.body.isEmpty)

            wire.send("DELETE \(Self.list) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            let delete = try #require(wire.read())
            #expect(delete.status == 404 || delete.status == 405)

            wire.send("GET \(Self.list) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 3\r\n\r\nabc")
            let withBody = try #require(wire.read())
            #expect(withBody.status == 200 && withBody.body == list.body)

            wire.send(WireConnection.get(Self.list, "Authorization: Bearer nobody\r\n"))
            #expect(try #require(wire.read()).body == list.body)
            #expect(try early(port) == before, "none of these was answered early")

            for _ in 0..<2 {
                wire.send(WireConnection.get("/open311/v2/requests.json?start_date=yesterday"))
                let bad = try #require(wire.read())
                #expect(bad.status == 400)
                #expect(bad.text.hasPrefix(#"[{"code":400,"description":"#), "\(bad.text)")
            }
            wire.send(WireConnection.get("/open311/v2/requests.xml?status=maybe"))
            let badXML = try #require(wire.read())
            #expect(badXML.status == 400 && badXML.text.contains("<errors><error><code>400</code>"), "\(badXML.text)")
            #expect(try early(port) == before)

            let closing = try WireConnection(port: port)
            closing.send(WireConnection.get(Self.list, "Connection: close\r\n"))
            #expect(try #require(closing.read()).body == list.body)
            #expect(closing.read() == nil, "Connection: close is honoured")
            #expect(try early(port) == before)
        }
    }
}
