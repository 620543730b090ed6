import Foundation
import Testing
import Xiuhua
import XiuhuaStore

@Suite("Evaluation recount")
struct EvaluationRecountTests {
    @Test("every past period's stored tallies equal a from-scratch recount over the raw events", arguments: Backend.all, [7, 42])
    func recountAgrees(backend: Backend, seed: UInt64) async throws {
        try await withTemporaryStore(backend: backend) { store, _ in
            var generator = HistoryGenerator(seed: seed)
            // 90 cases from 25 October, one every 13 hours: across October, November and December.
            try await generator.fill(store, count: 90, from: november(-16 * 24 * 60), spacingMinutes: 13 * 60)
            let histories = try await store.allCaseHistories()
            #expect(histories.count == 90)
            for label in ["2026-10", "2026-11", "2026-12", "2026-Q4", "2026", "2026-11-05..2026-11-20"] {
                let period = try EvaluationPeriod(label)
                let recount = EvaluationRecount.tallies(ofHistories: histories, in: period)
                let stored = try await store.evaluationTallies(EvaluationDimension.allCases, in: period)
                var flattened: [TallyKey: Tally] = [:]
                for (dimension, units) in stored {
                    for (unit, tally) in units { flattened[TallyKey(dimension, unit)] = tally }
                }
                #expect(flattened == recount.filter { !$0.value.isZero }, "\(label)")
                #expect(recount[TallyKey(.district, "")]?[.reported] ?? 0 > 0 || label == "2026-12", "\(label)")
            }
            // A store reopened after its facts were thrown away rebuilds the same tallies.
            let before = try await store.evaluationTallies([.street, .department, .post], in: try EvaluationPeriod("2026-11"))
            try await store.rebuildEvaluation()
            let after = try await store.evaluationTallies([.street, .department, .post], in: try EvaluationPeriod("2026-11"))
            #expect(before == after)
        }
    }
}
