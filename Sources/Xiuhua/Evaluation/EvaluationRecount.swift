/// Sums cases' contributions into tallies: how the store builds its materialised
/// tallies, and how a recount from raw events checks them. Both go through
/// `CaseFacts.tallies(in:)`, so they cannot disagree on a definition.
public enum EvaluationRecount {
    /// The tallies of `facts` in `period`, by key.
    public static func tallies(of facts: some Sequence<CaseFacts>, in period: EvaluationPeriod) -> [TallyKey: Tally] {
        var sum: [TallyKey: Tally] = [:]
        for item in facts {
            for (key, tally) in item.tallies(in: period) { sum[key, default: Tally()] += tally }
        }
        return sum
    }

    /// The tallies of whole case histories in `period`, folding each from its first event:
    /// the from-scratch recount.
    public static func tallies(ofHistories histories: some Sequence<[CaseEvent]>, in period: EvaluationPeriod) -> [TallyKey: Tally] {
        tallies(of: histories.lazy.compactMap { CaseFacts.replay($0) }, in: period)
    }

    /// The units of one dimension out of a keyed tally.
    public static func units(_ tallies: [TallyKey: Tally], _ dimension: EvaluationDimension) -> [String: Tally] {
        var result: [String: Tally] = [:]
        for (key, tally) in tallies where key.dimension == dimension { result[key.unit] = tally }
        return result
    }
}
