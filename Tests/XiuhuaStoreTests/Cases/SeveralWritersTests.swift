import Foundation
import SQLKit
import Testing
import Xiuhua
import XiuhuaStore

/// Two stores on one database stand for two servers behind a load balancer: whatever they
/// write at the same time, case numbers stay unique and gap-free, every history chain and
/// projection holds, and the evaluation tallies add up to their events.
/// Opens `count` stores on `directory`'s PostgreSQL database (the first migrates) — on
/// SQLite, one store used `count` times: an SQLite file has one server, and concurrency
/// there is its writers sharing one connection — and closes them all after `body`,
/// whatever happens.
func withStores<T>(_ count: Int, on directory: TemporaryDirectory, _ body: ([Store]) async throws -> T) async throws -> T {
    var stores: [Store] = []
    do {
        for index in 0..<(directory.backend == .postgres ? count : 1) { stores.append(try await directory.open(migrate: index == 0)) }
        let opened = stores
        while stores.count < count { stores.append(opened[0]) }
        let result = try await body(stores)
        for store in Set(stores.map(ObjectIdentifier.init)).compactMap({ id in stores.first { ObjectIdentifier($0) == id } }) { await store.close() }
        return result
    } catch {
        for store in Set(stores.map(ObjectIdentifier.init)).compactMap({ id in stores.first { ObjectIdentifier($0) == id } }) { await store.close() }
        throw error
    }
}

@Suite("Several writers on one database")
struct SeveralWritersTests {
    typealias F = CaseStoreFixture

    @Test("concurrent intake through two stores numbers every case once, with no gaps", arguments: Backend.all)
    func concurrentIntake(backend: Backend) async throws {
        try await TemporaryDirectory.with(backend: backend) { directory in try await withStores(2, on: directory) { stores in
            let first = stores[0], second = stores[1]
            let perStore = 15
            let numbers = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<(2 * perStore) {
                    let store = index % 2 == 0 ? first : second
                    group.addTask {
                        try await store.createCase(F.intake(), by: F.hotlineOperator, at: F.start, numbering: F.numbering, clock: F.calendar).number
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let expected = (1...(2 * perStore)).map { "PC20261130" + String(format: "%05d", $0) }
            #expect(numbers.sorted() == expected)
            let report = try await first.verifyAudit()
            #expect(report.isIntact, "\(report.firstBroken.map { "\($0.number): \($0.reason)" } ?? "")")
            #expect(report.casesChecked == 2 * perStore)
            let november = try await second.evaluationTallies([.district], in: try EvaluationPeriod("2026-11"))
            #expect(november[.district]?[""]?[.reported] == 2 * perStore, "no tally update was lost between the stores")
        } }
    }

    @Test("concurrent actions on one case through two stores each get their own place in its chain", arguments: Backend.all)
    func concurrentActionsOnOneCase(backend: Backend) async throws {
        try await TemporaryDirectory.with(backend: backend) { directory in try await withStores(2, on: directory) { stores in
            let first = stores[0], second = stores[1]
            let fixture = F(store: first)
            let number = try await fixture.file()
            try await fixture.act(number, .verify(real: true), by: F.gridWorker, minutesAfterStart: 10)
            try await fixture.act(number, .accept(), by: F.dutyChief, minutesAfterStart: 20)
            try await fixture.act(number, .dispatch(to: .department("huanwei")), by: F.dispatcher, minutesAfterStart: 30)
            let urges = 12
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<urges {
                    let store = index % 2 == 0 ? first : second
                    group.addTask {
                        _ = try await store.act(
                            on: number, .urge(note: "催办 \(index)"), by: F.dispatcher,
                            at: F.start.addingTimeInterval(Double(40 + index) * 60), clock: F.calendar
                        )
                    }
                }
                try await group.waitForAll()
            }
            let events = try await second.caseEvents(number)
            #expect(events.map(\.seq) == Array(1...(4 + urges)))
            #expect(try await first.caseSnapshot(number)?.version == 4 + urges)
            let report = try await second.verifyAudit()
            #expect(report.isIntact, "\(report.firstBroken.map { "\($0.number): \($0.reason)" } ?? "")")
            let outbox = try await first.outbox(ofCase: number)
            #expect(Set(outbox.map(\.entry.id)).count == outbox.count)
        } }
    }

    @Test("a stale expected version is refused on every backend, and the case is left as it was", arguments: Backend.all)
    func staleVersion(backend: Backend) async throws {
        try await CaseStoreFixture.with(backend: backend) { fixture in
            let number = try await fixture.file()
            try await fixture.act(number, .verify(real: true), by: F.gridWorker, minutesAfterStart: 10)
            await #expect {
                _ = try await fixture.store.act(
                    on: number, .accept(), by: F.dutyChief, at: F.start.addingTimeInterval(1200), expectedVersion: 1, clock: F.calendar
                )
            } throws: { error in
                guard case CaseStoreError.versionConflict(let expected, let current) = error else { return false }
                return expected == 1 && current.version == 2
            }
            #expect(try await fixture.store.caseEvents(number).count == 2)
        }
    }
}

@Suite("PostgreSQL only", .enabled(if: Backend.postgresURL != nil, "XIUHUA_TEST_POSTGRES_URL is not set"))
struct PostgresOnlyTests {
    @Test("a migration written for SQLite only is refused by name, and nothing after it is applied")
    func sqliteOnlyMigrationRefused() async throws {
        try await withTemporaryStore(backend: .postgres) { store, _ in
            let migrator = Migrator(Migrations.all + [
                Migration("998_sqlite_only", sqlite: ["CREATE TABLE sqlite_only (x INTEGER) STRICT"]),
                Migration("999_after", sqlite: ["CREATE TABLE after_it (x INTEGER)"], postgres: ["CREATE TABLE after_it (x BIGINT)"]),
            ])
            await #expect {
                try await migrator.migrate(store.engine)
            } throws: { error in
                String(describing: error).contains("998_sqlite_only")
            }
            let pending = try await migrator.pending(store.engine)
            #expect(pending == ["998_sqlite_only", "999_after"])
            let after = try await tableExists("after_it", in: store)
            #expect(!after)
        }
    }

    @Test("a URL that is not PostgreSQL's, or a server that does not answer, is refused with a clear error")
    func badURL() async throws {
        await #expect {
            _ = try await Store.openPostgres(url: "mysql://root@127.0.0.1/x", logger: quietLogger)
        } throws: { error in
            String(describing: error).contains("not a PostgreSQL URL")
        }
        // Port 1 on loopback: nothing listens there.
        await #expect(throws: (any Error).self) {
            _ = try await Store.openPostgres(url: "postgres://nobody@127.0.0.1:1/none?sslmode=disable", logger: quietLogger)
        }
    }

    @Test("two servers migrating one empty database at once apply each step exactly once")
    func concurrentMigration() async throws {
        try await TemporaryDirectory.with(backend: .postgres) { directory in
            let stores = try await withThrowingTaskGroup(of: Store.self) { group in
                for _ in 0..<3 { group.addTask { try await directory.open() } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let recorded = try await stores[0].engine.read { db in
                try await db.raw("SELECT count(*) AS n FROM schema_migrations").first()?.decode(column: "n", as: Int.self)
            }
            #expect(recorded == Migrations.all.count)
            for store in stores { await store.close() }
        }
    }
}

extension SeveralWritersTests {
    @Test("mixed intake and actions from three stores at once: chains and projections hold and the tallies equal a recount from the events", arguments: Backend.all)
    func mixedLoad(backend: Backend) async throws {
        try await TemporaryDirectory.with(backend: backend) { directory in try await withStores(3, on: directory) { stores in
            let first = stores[0]
            let fixture = F(store: first)
            var numbers: [String] = []
            for index in 0..<6 { numbers.append(try await fixture.file(minutesAfterStart: Double(index))) }
            let filedNow = numbers
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, number) in filedNow.enumerated() {
                    let store = stores[index % stores.count]
                    group.addTask {
                        for (step, (action, actor)) in [
                            (CaseAction.verify(real: true), F.gridWorker), (.accept(), F.dutyChief),
                            (.dispatch(to: .department("huanwei")), F.dispatcher), (.urge(note: "催办"), F.dispatcher),
                        ].enumerated() {
                            _ = try await store.act(
                                on: number, action, by: actor, at: F.start.addingTimeInterval(Double(600 + step * 60 + index)), clock: F.calendar
                            )
                        }
                    }
                }
                for index in 0..<12 {
                    let store = stores[index % stores.count]
                    group.addTask {
                        _ = try await store.createCase(
                            F.intake(), by: F.hotlineOperator, at: F.start.addingTimeInterval(Double(index)), numbering: F.numbering, clock: F.calendar
                        )
                    }
                }
                try await group.waitForAll()
            }
            let report = try await stores[1].verifyAudit()
            #expect(report.isIntact, "\(report.firstBroken.map { "\($0.number): \($0.reason)" } ?? "")")
            #expect(report.casesChecked == 18)
            #expect(report.eventsChecked == 18 + 6 * 4)
            let histories = try await stores[2].allCaseHistories()
            for label in ["2026-11", "2026-Q4", "2026"] {
                let period = try EvaluationPeriod(label)
                let recount = EvaluationRecount.tallies(ofHistories: histories, in: period).filter { !$0.value.isZero }
                var stored: [TallyKey: Tally] = [:]
                for (dimension, units) in try await first.evaluationTallies(EvaluationDimension.allCases, in: period) {
                    for (unit, tally) in units { stored[TallyKey(dimension, unit)] = tally }
                }
                #expect(stored == recount, "\(label)")
            }
        } }
    }
}
