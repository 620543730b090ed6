/// A unit the caller knows by name, listed even when nothing happened in it.
public struct EvaluationUnit: Hashable, Sendable {
    public let code: String
    public let name: String
    /// Grid cells in a region (1 for a grid), for the 立案数分值 per grid.
    public let gridCells: Int

    public init(code: String, name: String, gridCells: Int = 1) {
        self.code = code
        self.name = name
        self.gridCells = gridCells
    }
}

/// One unit's line in a ranking: every indicator with its sample size, the composite
/// scores and the grade.
public struct EvaluationRow: Hashable, Sendable {
    public let unit: String
    public let name: String
    /// The formula that scored it; nil for breakdowns (channel, category …).
    public let scorecard: Scorecard?
    public let tally: Tally
    /// The denominator of the unit's headline rate (see `Scorecard.sampleSize`).
    public let sampleSize: Int
    /// Composite of the raw rates (综合指标值), 0–100.
    public let score: Double?
    /// Composite of the Wilson lower bounds: what ranking and grading use.
    public let adjustedScore: Double?
    /// Grade of `adjustedScore`.
    public let grade: Grade?
    /// 12345 三率综合成绩 of the raw rates, when the unit had follow-ups.
    public let hotlineScore: Double?
    /// 1 for the best; nil when the unit has nothing to score. Ranks count within a scorecard.
    public internal(set) var rank: Int?

    /// An indicator's value.
    public func value(_ indicator: Indicator) -> IndicatorValue { indicator.value(tally) }
}

/// The evaluation of every unit of one dimension in one period, best first.
public struct EvaluationTable: Hashable, Sendable {
    public let period: EvaluationPeriod
    public let dimension: EvaluationDimension
    public let rows: [EvaluationRow]

    /// Scores and ranks `tallies` (by unit code). Known `units` are listed even with an
    /// empty tally; tallied units not among them keep their code as name.
    public init(
        dimension: EvaluationDimension,
        period: EvaluationPeriod,
        tallies: [String: Tally],
        units: [EvaluationUnit],
        weights: EvaluationWeights = .standard
    ) {
        self.period = period
        self.dimension = dimension
        var known = Dictionary(units.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        for code in tallies.keys where known[code] == nil { known[code] = EvaluationUnit(code: code, name: code) }
        // The weights are looked up once per scorecard, not once per unit.
        var terms: [Scorecard: [EvaluationWeights.WeightedItem]] = [:]
        for card in Scorecard.allCases { terms[card] = weights.items(card, in: period) }
        var rows = known.values.map { unit in
            Self.row(unit, tally: tallies[unit.code] ?? Tally(), dimension: dimension, terms: terms)
        }
        let order = Dictionary(uniqueKeysWithValues: Scorecard.allCases.enumerated().map { ($0.element, $0.offset) })
        rows.sort { a, b in
            let x = a.scorecard.flatMap { order[$0] } ?? -1, y = b.scorecard.flatMap { order[$0] } ?? -1
            if x != y { return x < y }
            switch (a.adjustedScore, b.adjustedScore) {
            case let (x?, y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: break
            }
            if a.sampleSize != b.sampleSize { return a.sampleSize > b.sampleSize }
            return a.unit < b.unit
        }
        var next: [Scorecard: Int] = [:]
        for index in rows.indices {
            guard let card = rows[index].scorecard, rows[index].adjustedScore != nil else { continue }
            next[card, default: 0] += 1
            rows[index].rank = next[card]
        }
        self.rows = rows
    }

    /// The ranked rows of `scorecard`, best first.
    public func ranked(_ scorecard: Scorecard) -> [EvaluationRow] {
        rows.filter { $0.scorecard == scorecard && $0.rank != nil }
    }

    static func row(
        _ unit: EvaluationUnit, tally: Tally, dimension: EvaluationDimension, terms: [Scorecard: [EvaluationWeights.WeightedItem]]
    ) -> EvaluationRow {
        let scorecard: Scorecard? = dimension == .post
            ? unit.code.split(separator: ":").first.flatMap { Role(rawValue: String($0)) }.flatMap(Scorecard.init(postRole:))
            : Scorecard(dimension: dimension)
        let composite = scorecard.map { Self.composite($0, unit: unit, tally: tally, terms: terms[$0] ?? []) }
        let hotline = Self.composite(.hotline, unit: unit, tally: tally, terms: terms[.hotline] ?? [])
        return EvaluationRow(
            unit: unit.code, name: unit.name, scorecard: scorecard, tally: tally,
            sampleSize: scorecard.map { Self.sampleSize($0, tally) } ?? tally[.accepted],
            score: composite?.raw, adjustedScore: composite?.adjusted,
            grade: composite?.adjusted.map { Grade(score: $0) },
            hotlineScore: tally[.rated] > 0 ? hotline.raw : nil, rank: nil
        )
    }

    /// The denominator of each scorecard's headline rate: 应结案数 for regions, 应处置数
    /// for departments, 上报数 for grid workers and operators, 立案数 for duty chiefs,
    /// 派遣数 for dispatchers, 有效回访数 for 三率.
    static func sampleSize(_ scorecard: Scorecard, _ t: Tally) -> Int {
        switch scorecard {
        case .region: t[.accepted] - t[.cancelled] - t[.suspendedAtEnd]
        case .department: t[.dueForDisposal]
        case .gridWorker, .operator: t[.reported]
        case .dutyChief: t[.accepted]
        case .dispatcher: t[.dispatches]
        case .hotline: t[.rated]
        }
    }

    /// Σ weight × score / Σ weight over the items that have a value (a rate with no cases
    /// drops out and the others carry its weight); nil when none has.
    static func composite(
        _ scorecard: Scorecard, unit: EvaluationUnit, tally: Tally, terms: [EvaluationWeights.WeightedItem]
    ) -> (raw: Double?, adjusted: Double?) {
        var raw = 0.0, adjusted = 0.0, total = 0.0
        for term in terms where term.weight > 0 {
            switch term.item {
            case .acceptedCountScore:
                let score = scorecard == .department
                    ? ScoreItem.departmentCountScore(accepted: tally[.accepted])
                    : ScoreItem.regionCountScore(accepted: tally[.accepted], gridCells: unit.gridCells)
                raw += term.weight * score
                adjusted += term.weight * score
            case .indicator(let indicator):
                let value = indicator.value(tally)
                guard let good = value.goodRate, let lower = value.adjustedGoodRate else { continue }
                raw += term.weight * good * 100
                adjusted += term.weight * lower * 100
            }
            total += term.weight
        }
        guard total > 0 else { return (nil, nil) }
        // A region or department with no case at all is not scored on the count alone.
        if scorecard == .region || scorecard == .department, tally[.accepted] == 0 { return (nil, nil) }
        return (raw / total, adjusted / total)
    }
}
