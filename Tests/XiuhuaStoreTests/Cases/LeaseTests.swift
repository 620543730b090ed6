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
