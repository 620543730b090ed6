import Foundation
import SQLKit
import Testing
import Xiuhua
import XiuhuaStore

/// Moving a district from SQLite to PostgreSQL.
@Suite("Copy SQLite to PostgreSQL", .enabled(if: Backend.postgresURL != nil, "XIUHUA_TEST_POSTGRES_URL is not set"))
struct CopyTests {
    @Test("every row arrives, counts match, chains verify, and the copy answers queries as the original does; a non-empty target is refused")
    func copiesEverything() async throws {
        try await CaseStoreFixture.with(backend: .sqlite) { fixture in
            let cases = try await fixture.threeCases()
            let source = fixture.store
            try await source.saveOrganisation(DemoDistrict.organisation)
            let uploads = FileManager.default.temporaryDirectory.appendingPathComponent("xiuhua-copy-uploads-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: uploads) }
            _ = try await AttachmentStore(store: source, directory: uploads)
                .save(Data([0, 1, 2, 255]), facts: ImageFacts(mediaType: "image/png", width: 1, height: 1), uploadedBy: nil, at: CaseStoreFixture.start)
            _ = try await source.createAPIKey(name: "12345", perMinute: 10, at: CaseStoreFixture.start)
            try await TemporaryDirectory.with(backend: .postgres) { directory in
                let target = try await directory.open()
                let seen = ProgressLog()
                let report = try await source.copy(to: target) { table, copied, total in seen.add(table, copied, total) }
                #expect(report.countsMatch, "\(report.rows)")
                #expect(report.rows.first { $0.table == "attachments" }?.target == 1)
                // Every table of the schema is copied: a new table must be added to the list.
                let tables = try await source.engine.read { db in
                    try await db.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'")
                        .all().map { try $0.decode(column: "name", as: String.self) }
                }
                #expect(Set(tables) == Set(report.rows.map(\.table)))
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
