import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import Xiuhua
import XiuhuaServer
import XiuhuaStore

/// A demo-seeded live server over a data directory the test names (so the command line can
/// work on the same database while it runs, and a second server can be started on it), with
/// the server settings the test gives.
func withAccountServer<T: Sendable>(
    directory: String, settings: ServerSettings = ServerSettings(), _ body: @Sendable (LiveDemo) async throws -> T
) async throws -> T {
    let store = try await Store.openSQLite(dataDirectory: directory, logger: ServerFixture.logger)
    do {
        try await DemoSeeder.seedIfNeeded(store, logger: ServerFixture.logger)
        let clock = LiveDemo.TestClock(LiveDemo.start)
        let services = try await XiuhuaServices.load(store: store, catalog: .national, calendar: .chinaDefault, now: { clock.now })
        let app = buildApplication(
            services: services, host: "127.0.0.1", port: 0, overdueScanInterval: nil, server: settings, logger: ServerFixture.logger
        )
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

extension LiveDemo {
    /// Signs in over HTTP (bcrypt and the sign-in throttle included).
    func signIn(_ username: String, _ password: String = DemoAccounts.password) async throws -> TestResponse {
        try await send(.post, "/api/v1/sessions", #"{"username":"\#(username)","password":"\#(password)"}"#)
    }

    /// The token of a successful sign-in.
    func signedIn(_ username: String, _ password: String = DemoAccounts.password, sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let response = try await signIn(username, password)
        #expect(response.status == .created, "\(response.text)", sourceLocation: sourceLocation)
        return try #require(try response.object()["token"] as? String, sourceLocation: sourceLocation)
    }

    /// A new session of the demo account `username`, opened in the store (no bcrypt, which
    /// is slow on a busy machine; signing in over HTTP is what `signedIn` is for).
    func freshSession(_ username: String) async throws -> String {
        let token = "test-\(username)-\(UUID().uuidString)"
        try await services.store.addSession(
            token: token, accountID: "demo-\(username)", at: clock.now, expiresAt: clock.now.addingTimeInterval(86_400)
        )
        return token
    }

    /// `GET /api/v1/me` with `token`: 200 while the session works.
    func me(_ token: String) async throws -> HTTPResponse.Status {
        try await send(.get, "/api/v1/me", token: token).status
    }
}
