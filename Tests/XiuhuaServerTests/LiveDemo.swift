import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import Xiuhua
import XiuhuaServer
import XiuhuaStore

/// A demo-seeded server over a real SQLite file that stays open for the test, with a clock
/// the test moves, for the suites that file and act on cases.
struct LiveDemo {
    let client: any TestClientProtocol
    let services: XiuhuaServices
    let clock: TestClock
    let tokens = Tokens()

    /// Sessions already opened, by username.
    final class Tokens: @unchecked Sendable {
        private let lock = NSLock()
        private var byUser: [String: String] = [:]

        subscript(username: String) -> String? {
            get {
                lock.lock()
                defer { lock.unlock() }
                return byUser[username]
            }
            set {
                lock.lock()
                byUser[username] = newValue
                lock.unlock()
            }
        }
    }

    /// A clock the test sets; the server reads it through `XiuhuaServices.now`.
    final class TestClock: @unchecked Sendable {
        private let lock = NSLock()
        private var instant: Date

        init(_ instant: Date) { self.instant = instant }

        var now: Date {
            lock.lock()
            defer { lock.unlock() }
            return instant
        }

        func advance(minutes: Double) {
            lock.lock()
            instant = instant.addingTimeInterval(minutes * 60)
            lock.unlock()
        }
    }

    /// 2026-10-14 10:00 local, a Wednesday.
    static let start = ISO8601Instant.parse("2026-10-14T10:00:00+08:00")!

    static func run<T: Sendable>(_ body: @Sendable (LiveDemo) async throws -> T) async throws -> T {
        try await withTemporaryDataDirectory { directory in
            let store = try await Store.openSQLite(dataDirectory: directory, logger: ServerFixture.logger)
            do {
                try await DemoSeeder.seedIfNeeded(store, logger: ServerFixture.logger)
                let clock = TestClock(start)
                let services = try await XiuhuaServices.load(
                    store: store, catalog: .national, calendar: .chinaDefault, now: { clock.now }
                )
                let app = buildApplication(services: services, host: "127.0.0.1", port: 0, overdueScanInterval: nil, logger: ServerFixture.logger)
                let result = try await app.test(.live) { client in
                    try await body(LiveDemo(client: client, services: services, clock: clock))
                }
                await store.close()
                return result
            } catch {
                await store.close()
                throw error
            }
        }
    }

    /// A session for the demo account `username`, opened in the store directly: signing in
    /// over HTTP hashes the password (bcrypt), which is slow on a busy machine and tested
    /// by the session suite.
    func token(_ username: String) async throws -> String {
        if let token = tokens[username] { return token }
        let token = "test-\(username)-\(UUID().uuidString)"
        try await services.store.addSession(
            token: token, accountID: "demo-\(username)", at: clock.now, expiresAt: clock.now.addingTimeInterval(86_400)
        )
        tokens[username] = token
        return token
    }

    func send(_ method: HTTPRequest.Method, _ uri: String, _ body: String? = nil, token: String? = nil) async throws -> TestResponse {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }

    /// Files a hotline case in 永泰街道 as the operator; returns its number.
    func file(category: String = "06010", lat: Double = 40.12234718190999, lon: Double = 113.2818037388908) async throws -> String {
        let response = try await send(
            .post, "/api/v1/cases",
            #"{"source":"hotline","category":"\#(category)","description":"测试","lat":\#(lat),"lon":\#(lon),"direct_acceptance":true}"#,
            token: try await token("operator")
        )
        #expect(response.status == .created, "\(response.text)")
        return try #require(try response.object()["number"] as? String)
    }

    /// Takes an action; returns the response.
    @discardableResult
    func act(_ number: String, as username: String, _ body: String) async throws -> TestResponse {
        try await send(.post, "/api/v1/cases/\(number)/actions", body, token: try await token(username))
    }
}
