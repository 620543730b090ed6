import Foundation
import SQLKit
import Testing
import Xiuhua
import XiuhuaStore

/// What a server sees when PostgreSQL drops its connections (a restart, a failover).
@Suite("PostgreSQL connection loss", .enabled(if: Backend.postgresURL != nil, "XIUHUA_TEST_POSTGRES_URL is not set"))
struct ConnectionLossTests {
    @Test("after every connection of a store is cut server-side, requests fail only as unavailable, then succeed again without reopening the store, and nothing committed is lost")
    func reconnects() async throws {
        try await TemporaryDirectory.with(backend: .postgres) { directory in
            let store = try await directory.open()
            for index in 0..<20 { try await store.setMeta("k\(index)", "\(index)") }
            let admin = try await PostgresEngine.connect(url: try #require(Backend.postgresURL), maximumConnections: 1, logger: quietLogger)
            let cut = try await admin.write { db in
                try await db.raw("""
                    SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity WHERE application_name = \(bind: "xiuhua/" + directory.schema)
                    """).all().count
            }
            await admin.close()
            #expect(cut >= 1)
            let start = ContinuousClock.now
            var unexpected: [String] = []
            var recovered = false
            while ContinuousClock.now - start < .seconds(20) {
                do {
                    try await store.setMeta("after", "1")
                    recovered = true
                    break
                } catch let error as PostgresEngineError where error.isUnavailable {
                    try await Task.sleep(for: .milliseconds(200))
                } catch {
                    unexpected.append(String(describing: error))
                    try await Task.sleep(for: .milliseconds(200))
                }
            }
            #expect(recovered)
            #expect(unexpected.isEmpty, "\(unexpected)")
            for index in 0..<20 { #expect(try await store.meta("k\(index)") == "\(index)") }
            #expect(try await store.meta("after") == "1")
            await store.close()
        }
    }
}

/// PostgreSQL out of reach for a while: requests are refused as unavailable (the server
/// answers 503), never hang, and succeed again once it is back, without reopening.
@Suite("PostgreSQL outage", .enabled(if: Backend.postgresURL != nil, "XIUHUA_TEST_POSTGRES_URL is not set"))
struct OutageTests {
    @Test("while the database refuses connections, reads and writes fail within seconds as unavailable; afterwards they succeed and every acknowledged write is there")
    func outageAndRecovery() async throws {
        let url = try #require(Backend.postgresURL)
        let name = "outage_" + UUID().uuidString.prefix(8).lowercased()
        let admin = try await PostgresEngine.connect(url: url, maximumConnections: 1, logger: quietLogger)
        func administer(_ statement: SQLQueryString) async throws {
            try await admin.read { db in try await db.raw(statement).run() }
        }
        try await administer("CREATE DATABASE \(ident: name)")
        var components = try #require(URLComponents(string: url))
        components.path = "/" + name
        let store = try await Store.openPostgres(url: try #require(components.string), logger: quietLogger)
        var acknowledged: [String] = []
        for index in 0..<10 {
            try await store.setMeta("before\(index)", "x")
            acknowledged.append("before\(index)")
        }

        // The outage: no new connections, and the open ones cut.
        try await administer("ALTER DATABASE \(ident: name) ALLOW_CONNECTIONS false")
        try await administer("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = \(bind: name)")
        let began = ContinuousClock.now
        var refusals = 0
        do {
            try await store.setMeta("during", "x")
            acknowledged.append("during")
        } catch let error as PostgresEngineError where error.isUnavailable {
            refusals += 1
            #expect(error.description.contains("unavailable"))
        }
        do {
            _ = try await store.meta("before0")
        } catch let error as PostgresEngineError where error.isUnavailable {
            refusals += 1
        }
        #expect(refusals == 2, "a write and a read are both refused")
        #expect(ContinuousClock.now - began < .seconds(30), "each refusal comes within the lease timeout")
        let unreadable = await store.notReadyReason()
        #expect(unreadable?.contains("unavailable") == true, "\(unreadable ?? "ready")")

        // Back: the same store works again.
        try await administer("ALTER DATABASE \(ident: name) ALLOW_CONNECTIONS true")
        var recovered = false
        for _ in 0..<50 {
            if (try? await store.setMeta("after", "x")) != nil { recovered = true; break }
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(recovered)
        #expect(await store.notReadyReason() == nil)
        for key in acknowledged { #expect(try await store.meta(key) == "x", "\(key)") }
        await store.close()
        try await administer("DROP DATABASE \(ident: name) WITH (FORCE)")
        await admin.close()
    }
}
