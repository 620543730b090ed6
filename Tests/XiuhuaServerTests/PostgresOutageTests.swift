import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import XiuhuaServer
import XiuhuaStore

/// A live server on PostgreSQL while the database is out of reach: readiness and requests
/// answer 503 with a clear message rather than 500 or a hang, and the same server serves
/// again once the database is back. Runs when `XIUHUA_TEST_POSTGRES_URL` is set (as
/// scripts/test sets it).
@Suite(
    "PostgreSQL outage over HTTP",
    .enabled(if: ProcessInfo.processInfo.environment["XIUHUA_TEST_POSTGRES_URL"].map { !$0.isEmpty } ?? false, "XIUHUA_TEST_POSTGRES_URL is not set")
)
struct PostgresOutageTests {
    @Test("/readyz names the PostgreSQL database; during an outage it and the API answer 503 database_unavailable; afterwards both succeed without a restart")
    func outageOverHTTP() async throws {
        let url = try #require(ProcessInfo.processInfo.environment["XIUHUA_TEST_POSTGRES_URL"])
        let name = "http_outage_" + UUID().uuidString.prefix(8).lowercased()
        let admin = try await PostgresEngine.connect(url: url, maximumConnections: 1, logger: ServerFixture.logger)
        @Sendable func administer(_ statement: SQLQueryString) async throws {
            try await admin.read { db in try await db.raw(statement).run() }
        }
        try await administer("CREATE DATABASE \(ident: name)")
        var components = try #require(URLComponents(string: url))
        components.path = "/" + name
        let store = try await Store.openPostgres(url: try #require(components.string), logger: ServerFixture.logger)
        do {
            let services = try await XiuhuaServices.load(store: store, catalog: .national, calendar: .chinaDefault)
            let app = buildApplication(services: services, port: 0, overdueScanInterval: nil, logger: ServerFixture.logger)
            try await app.test(.live) { client in
                let ready = try await client.get("/readyz")
                #expect(ready.status == .ok)
                #expect((try ready.object()["database"] as? String)?.hasPrefix("postgresql ") == true)
                // A bearer token makes the session middleware ask the database who calls.
                let signedIn: HTTPFields = [.authorization: "Bearer not-a-session"]
                #expect(try await client.execute(uri: "/api/v1/cases", method: .get, headers: signedIn).status == .unauthorized)

                try await administer("ALTER DATABASE \(ident: name) ALLOW_CONNECTIONS false")
                try await administer("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = \(bind: name)")
                let notReady = try await client.get("/readyz")
                #expect(notReady.status == .serviceUnavailable)
                #expect((try notReady.object()["reason"] as? String)?.contains("unavailable") == true, "\(notReady.text)")
                let refused = try await client.execute(uri: "/api/v1/cases", method: .get, headers: signedIn)
                #expect(refused.status == .serviceUnavailable, "\(refused.text)")
                #expect(try refused.object()["error"] as? String == "database_unavailable", "\(refused.text)")
                #expect(refused.headers[.retryAfter] != nil)
                // Open311 clients get the same 503, in the spec's error shape.
                let open311 = try await client.get("/open311/v2/requests.json")
                #expect(open311.status == .serviceUnavailable, "\(open311.text)")
                #expect(open311.text.hasPrefix(#"[{"code":503,"description":"#), "\(open311.text)")
                #expect(open311.headers[.retryAfter] != nil)
                // A citizen's ticket page says it in words, as a page.
                let ticket = try await client.get("/ticket/ABCDEFGHJK")
                #expect(ticket.status == .serviceUnavailable)
                #expect(ticket.headers[.contentType]?.hasPrefix("text/html") == true)
                #expect(ticket.text.contains("系统数据库暂时无法访问"), "\(ticket.text)")

                try await administer("ALTER DATABASE \(ident: name) ALLOW_CONNECTIONS true")
                var back = false
                for _ in 0..<50 {
                    if try await client.get("/readyz").status == .ok { back = true; break }
                    try await Task.sleep(for: .milliseconds(200))
                }
                #expect(back)
                #expect(try await client.execute(uri: "/api/v1/cases", method: .get, headers: signedIn).status == .unauthorized)
            }
            await store.close()
        } catch {
            await store.close()
            try? await administer("DROP DATABASE IF EXISTS \(ident: name) WITH (FORCE)")
            await admin.close()
            throw error
        }
        try await administer("DROP DATABASE \(ident: name) WITH (FORCE)")
        await admin.close()
    }
}
