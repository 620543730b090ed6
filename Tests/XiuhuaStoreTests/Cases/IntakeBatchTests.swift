import Foundation
import Testing
import Xiuhua
@testable import XiuhuaStore

@Suite("Intake written in batches")
struct IntakeBatchTests {
    typealias F = CaseStoreFixture

    @Test("cases filed at the same time get consecutive numbers, whole histories, facts and notifications; a refused one leaves only itself out", arguments: Backend.all)
    func concurrentIntake(backend: Backend) async throws {
        try await F.with(backend: backend) { fixture in
            let store = fixture.store
            let outcomes = await withTaskGroup(of: (Int, String?).self) { group in
                for i in 0..<300 {
                    group.addTask {
                        var intake = F.intake()
                        // One case with nothing to say is refused by the workflow.
                        if i == 150 { intake.description = "  " }
                        // Every third one from the web form, by a citizen without an account.
                        var actor: Actor? = F.hotlineOperator
                        if i % 3 == 0 { intake.source = .web; actor = nil }
                        let at = F.start.addingTimeInterval(Double(i))
                        let snapshot = try? await store.createCase(intake, by: actor, at: at, numbering: F.numbering, clock: F.calendar)
                        return (i, snapshot?.number)
                    }
                }
                var all: [Int: String?] = [:]
                for await (i, number) in group { all[i] = number }
                return all
            }
            #expect(outcomes.count == 300)
            #expect(outcomes[150] == .some(nil))
            let numbers = outcomes.values.compactMap { $0 }
            #expect(numbers.count == 299)
            // Drawn from the day's counter with no gap and no repeat.
            let sequences = Set(numbers.map { Int($0.suffix(5))! })
            #expect(sequences == Set(1...299))

            let audit = try await store.verifyAudit()
            #expect(audit.isIntact && audit.casesChecked == 299 && audit.eventsChecked == 299)

            // What a batch writes for a case equals what the case's own history implies.
            for number in numbers.prefix(20) {
                let events = try await store.caseEvents(number).map(\.event)
                let snapshot = try #require(try await store.caseSnapshot(number))
                let expected = NotificationRules.notifications(for: events[0], after: snapshot)
                #expect(try await store.outbox(ofCase: number).map(\.entry.notification) == expected)
            }
            let reported = try await store.evaluationTallies([.district], in: try EvaluationPeriod("2026-11"))
            #expect(reported[.district]?[""]?[.reported] == 299)
            let stored = try await store.evaluationTallies(EvaluationDimension.allCases, in: try EvaluationPeriod("2026-11"))
            try await store.rebuildEvaluation()
            #expect(try await store.evaluationTallies(EvaluationDimension.allCases, in: try EvaluationPeriod("2026-11")) == stored)
        }
    }

    @Test("a batch of imports with one refused case writes none of them", arguments: Backend.all)
    func importAllOrNothing(backend: Backend) async throws {
        try await F.with(backend: backend) { fixture in
            var bad = F.intake()
            bad.description = ""
            let items: [(intake: CaseIntake, actor: Actor?, at: Date)] = [
                (F.intake(), F.hotlineOperator, F.start), (bad, F.hotlineOperator, F.start), (F.intake(), F.hotlineOperator, F.start),
            ]
            await #expect(throws: CaseStoreError.self) {
                try await fixture.store.createCases(items, numbering: F.numbering, clock: F.calendar)
            }
            #expect(try await fixture.store.verifyAudit().casesChecked == 0)
            // The counter did not move either: the next case is number 1 of the day.
            let next = try await fixture.file()
            #expect(next.hasSuffix("00001"))
        }
    }
}
