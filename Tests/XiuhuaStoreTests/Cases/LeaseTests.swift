import Foundation
import SQLKit
import Testing
import Xiuhua
import XiuhuaStore

/// The lease that lets one server among several run the once-per-tick jobs.
@Suite("Scheduler lease")
struct LeaseTests {
    @Test("SQLite: the only server always holds the lease")
    func sqliteAlwaysHolds() async throws {
        try await withTemporaryStore(backend: .sqlite) { store, _ in
            #expect(await store.holdsLease("overdue-scheduler"))
            #expect(await store.holdsLease("overdue-scheduler"))
        }
    }

    @Test("PostgreSQL: one of two servers holds the lease; when the holder's connection is killed the other takes it over at its next try, and the old holder knows it lost it",
          .enabled(if: Backend.postgresURL != nil, "XIUHUA_TEST_POSTGRES_URL is not set"))
    func postgresTakeover() async throws {
        try await TemporaryDirectory.with(backend: .postgres) { directory in
            let first = try await directory.open()
            let second = try await directory.open(migrate: false)
            #expect(await first.holdsLease("overdue-scheduler"))
            #expect(await first.holdsLease("overdue-scheduler"), "held leases stay held")
            #expect(await !second.holdsLease("overdue-scheduler"))
            #expect(await second.holdsLease("another-job"), "leases are independent by name")

            // The holder dies as a killed process would: its connection is cut server-side.
            let killed = try await second.engine.write { db in
                try await db.raw("""
                    SELECT pg_terminate_backend(l.pid) AS killed FROM pg_locks l
                    WHERE l.locktype = 'advisory' AND l.granted AND l.pid <> pg_backend_pid()
                      AND l.objid::bigint = (hashtext(current_schema() || ':' || 'overdue-scheduler')::bigint & 4294967295)
                    """).all().count
            }
            #expect(killed == 1)
            let start = ContinuousClock.now
            var tookOver = false
            while ContinuousClock.now - start < .seconds(5) {
                if await second.holdsLease("overdue-scheduler") { tookOver = true; break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(tookOver, "the other server takes the lease within 5 s")
            #expect(await !first.holdsLease("overdue-scheduler"), "the old holder sees it lost the lease")

            // A graceful stop hands the lease on too.
            await second.close()
            #expect(await first.holdsLease("overdue-scheduler"))
            await first.close()
        }
    }
}

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

/// Moving a district from SQLite to PostgreSQL.
@Suite("Copy SQLite to PostgreSQL", .enabled(if: Backend.postgresURL != nil, "XIUHUA_TEST_POSTGRES_URL is not set"))
struct CopyTests {
    @Test("every row arrives, counts match, chains verify, and the copy answers queries as the original does; a non-empty target is refused")
    func copiesEverything() async throws {
        try await CaseStoreFixture.with(backend: .sqlite) { fixture in
            let cases = try await fixture.threeCases()
            let source = fixture.store
            try await source.saveOrganisation(DemoDistrict.organisation)
            _ = try await source.savePhoto(Data([0, 1, 2, 255]), contentType: "image/png", at: CaseStoreFixture.start)
            _ = try await source.createAPIKey(name: "12345", perMinute: 10, at: CaseStoreFixture.start)
            try await TemporaryDirectory.with(backend: .postgres) { directory in
                let target = try await directory.open()
                let seen = ProgressLog()
                let report = try await source.copy(to: target) { table, copied, total in seen.add(table, copied, total) }
                #expect(report.countsMatch, "\(report.rows)")
                #expect(report.rows.first { $0.table == "case_events" }?.target == 10)
                #expect(report.audit.isIntact && report.audit.casesChecked == 3)
                #expect(seen.finished.contains("case_events"))
                var query = CaseQuery()
                query.text = "招待所"
                let actor = CaseStoreFixture.hotlineOperator
                let original = try await source.listCases(query, visibleTo: actor, at: CaseStoreFixture.start).cases.map(\.number)
                #expect(try await target.listCases(query, visibleTo: actor, at: CaseStoreFixture.start).cases.map(\.number) == original)
                let november = try EvaluationPeriod("2026-11")
                #expect(try await target.evaluationTallies(EvaluationDimension.allCases, in: november)
                    == source.evaluationTallies(EvaluationDimension.allCases, in: november))
                #expect(try await target.organisation() == DemoDistrict.organisation)
                // Numbering carries on where the district left off.
                let next = try await target.createCase(
                    CaseStoreFixture.intake(), by: actor, at: CaseStoreFixture.start, numbering: CaseStoreFixture.numbering, clock: CaseStoreFixture.calendar
                )
                #expect(next.number > cases.accepted)
                await #expect {
                    _ = try await source.copy(to: target)
                } throws: { error in
                    String(describing: error).contains("not empty")
                }
                await target.close()
            }
        }
    }
}

private final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var finished: Set<String> = []

    func add(_ table: String, _ copied: Int, _ total: Int) {
        lock.lock()
        defer { lock.unlock() }
        if copied == total { finished.insert(table) }
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
