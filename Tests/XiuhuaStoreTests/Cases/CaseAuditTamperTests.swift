import Foundation
import SQLKit
import Testing
import Xiuhua
import XiuhuaStore

/// The audit walks every case's hash chain and replays it against the stored projection:
/// whoever edits the database behind the store's back is found, and the case is named.
@Suite("Audit against tampering")
struct CaseAuditTamperTests {
    @Test("histories written through the store pass the audit, every case and event counted", arguments: Backend.all)
    func untouchedHistoryIsIntact(backend: Backend) async throws {
        try await CaseStoreFixture.with(backend: backend) { fixture in
            _ = try await fixture.threeCases()
            let report = try await fixture.store.verifyAudit()
            #expect(report.isIntact, "\(report.firstBroken.map { "\($0.number): \($0.reason)" } ?? "")")
            #expect(report.casesChecked == 3)
            #expect(report.eventsChecked == 2 + 5 + 3)
        }
    }

    @Test("while the append-only triggers exist, a plain UPDATE or DELETE of an event is refused and changes nothing", arguments: Backend.all)
    func triggersRefuseEdits(backend: Backend) async throws {
        try await CaseStoreFixture.with(backend: backend) { fixture in
            let cases = try await fixture.threeCases()
            let body = try #require(try await fixture.eventBody(cases.handled, seq: 2))
            let statements: [SQLQueryString] = [
                "UPDATE case_events SET body = replace(body, '属实', '不属实') WHERE case_number = \(bind: cases.handled) AND seq = 2",
                "UPDATE case_events SET actor_id = 'someone-else' WHERE case_number = \(bind: cases.handled)",
                "DELETE FROM case_events WHERE case_number = \(bind: cases.handled) AND seq = 2",
                "DELETE FROM case_events",
            ]
            for statement in statements {
                let error = await #expect(throws: (any Error).self) { try await fixture.sql(statement) }
                #expect(error.map { String(describing: $0).contains("append-only") } == true, "\(String(describing: error))")
            }
            #expect(try await fixture.eventBody(cases.handled, seq: 2) == body)
            #expect(try await fixture.store.caseEvents(cases.handled).count == 5)
            #expect(try await fixture.store.verifyAudit().isIntact)
        }
    }

    @Test("an event's body altered by SQL, once the trigger is dropped, is found and exactly that case is named", arguments: Backend.all)
    func alteredEventIsNamed(backend: Backend) async throws {
        try await CaseStoreFixture.with(backend: backend) { fixture in
            let cases = try await fixture.threeCases()
            // The verification is turned from "real" into "not real", in valid canonical JSON.
            let body = try #require(try await fixture.eventBody(cases.handled, seq: 2))
            var event = try CaseEvent(canonicalJSON: Data(body.utf8))
            #expect(event.change == .verified(real: true))
            event.change = .verified(real: false)
            event.note = "现场无垃圾"
            let forged = String(decoding: try event.canonicalJSON(), as: UTF8.self)
            try await fixture.dropTrigger("case_events_no_update")
            try await fixture.sql("""
                UPDATE case_events SET body = \(bind: forged) WHERE case_number = \(bind: cases.handled) AND seq = 2
                """)

            let report = try await fixture.store.verifyAudit()
            #expect(!report.isIntact)
            #expect(report.firstBroken?.number == cases.handled)
            #expect(report.firstBroken?.reason.contains("event 2") == true, "\(report.firstBroken?.reason ?? "")")
            #expect(report.firstBroken?.reason.contains("altered") == true, "\(report.firstBroken?.reason ?? "")")
        }
    }

    @Test("a deleted middle event is found and its case named", arguments: Backend.all)
    func deletedEventIsNamed(backend: Backend) async throws {
        try await CaseStoreFixture.with(backend: backend) { fixture in
            let cases = try await fixture.threeCases()
            try await fixture.dropTrigger("case_events_no_delete")
            try await fixture.sql("DELETE FROM case_events WHERE case_number = \(bind: cases.handled) AND seq = 3")

            let report = try await fixture.store.verifyAudit()
            #expect(report.firstBroken?.number == cases.handled)
            #expect(report.firstBroken?.reason.contains("event 3 is missing") == true, "\(report.firstBroken?.reason ?? "")")
        }
    }

    @Test("a removed last event is found: the projection no longer matches the history", arguments: Backend.all)
    func deletedLastEventIsNamed(backend: Backend) async throws {
        try await CaseStoreFixture.with(backend: backend) { fixture in
            let cases = try await fixture.threeCases()
            try await fixture.dropTrigger("case_events_no_delete")
            try await fixture.sql("DELETE FROM case_events WHERE case_number = \(bind: cases.handled) AND seq = 5")

            let report = try await fixture.store.verifyAudit()
            #expect(report.firstBroken?.number == cases.handled, "\(report.firstBroken?.reason ?? "")")
        }
    }

    @Test("a projection snapshot edited by SQL is found and its case named", arguments: Backend.all)
    func editedSnapshotIsNamed(backend: Backend) async throws {
        try await CaseStoreFixture.with(backend: backend) { fixture in
            let cases = try await fixture.threeCases()
            try await fixture.sql(backend == .postgres ? """
                UPDATE cases SET snapshot = jsonb_set(snapshot::jsonb, '{state}', '"closed"')::text WHERE number = \(bind: cases.handled)
                """ : """
                UPDATE cases SET snapshot = json_set(snapshot, '$.state', 'closed') WHERE number = \(bind: cases.handled)
                """)
            let report = try await fixture.store.verifyAudit()
            #expect(report.firstBroken?.number == cases.handled)
            #expect(report.firstBroken?.reason.contains("differs") == true, "\(report.firstBroken?.reason ?? "")")
        }
    }

    @Test("a projection column the lists filter on, edited by SQL, is found and its case named", arguments: [
        "state = 'closed'",
        "owner_kind = 'department', owner_code = 'huanwei'",
        "street_code = '140213001'",
        "stage_deadline = 0",
        "suspended = 1",
    ])
    func editedProjectionColumnIsNamed(assignment: String) async throws {
        for backend in Backend.all {
            try await editedProjectionColumnIsNamed(assignment: assignment, backend: backend)
        }
    }

    private func editedProjectionColumnIsNamed(assignment: String, backend: Backend) async throws {
        try await CaseStoreFixture.with(backend: backend) { fixture in
            let cases = try await fixture.threeCases()
            try await fixture.sql("UPDATE cases SET \(unsafeRaw: assignment) WHERE number = \(bind: cases.handled)")
            let report = try await fixture.store.verifyAudit()
            #expect(report.firstBroken?.number == cases.handled, "\(assignment) went unnoticed")
        }
    }
}
