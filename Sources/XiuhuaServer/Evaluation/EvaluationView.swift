import Foundation
import Xiuhua

/// The JSON shape of an evaluation table (`GET /api/v1/evaluation`).
struct EvaluationView: Encodable {
    struct PeriodView: Encodable {
        let label: String
        let kind: String
        let start: Date
        let end: Date
    }

    struct IndicatorView: Encodable {
        let label: String
        /// The rate (0–1) or the count; nil when there was nothing to count.
        let value: Double?
        let numerator: Double
        /// The sample size; 1 for counts.
        let denominator: Int
        /// Wilson lower bound (95 %) of the good side (1 − rate when less is better).
        let adjusted: Double?
    }

    struct RowView: Encodable {
        let rank: Int?
        let unit: String
        let name: String
        let scorecard: String?
        let scorecardLabel: String?
        let sampleSize: Int
        let score: Double?
        let adjustedScore: Double?
        let grade: String?
        let gradeLabel: String?
        let gradeColour: String?
        let hotlineScore: Double?
        let indicators: [String: IndicatorView]
        let counts: [String: Int]
    }

    let period: PeriodView
    let level: String
    let levelLabel: String
    let rankingMethod = "wilson_lower_bound_95"
    let rankingNote = "按各项比率的威尔逊置信下限（95%）计算的综合得分排名；原始比率与样本量并列显示"
    let total: Int
    let rows: [RowView]

    init(_ table: EvaluationTable) {
        period = PeriodView(label: table.period.label, kind: table.period.kind.rawValue, start: table.period.start, end: table.period.end)
        level = table.dimension.rawValue
        levelLabel = table.dimension.label
        total = table.rows.count
        rows = table.rows.map { row in
            var indicators: [String: IndicatorView] = [:]
            for indicator in Indicator.allCases {
                let value = row.value(indicator)
                indicators[indicator.rawValue] = IndicatorView(
                    label: indicator.label, value: value.rate.map(Self.rounded), numerator: Self.rounded(value.numerator),
                    denominator: value.denominator, adjusted: value.adjustedGoodRate.map(Self.rounded)
                )
            }
            return RowView(
                rank: row.rank, unit: row.unit, name: row.name, scorecard: row.scorecard?.rawValue,
                scorecardLabel: row.scorecard?.label, sampleSize: row.sampleSize,
                score: row.score.map(Self.rounded), adjustedScore: row.adjustedScore.map(Self.rounded),
                grade: row.grade?.rawValue, gradeLabel: row.grade?.label, gradeColour: row.grade?.colour,
                hotlineScore: row.hotlineScore.map(Self.rounded),
                indicators: indicators,
                counts: Dictionary(uniqueKeysWithValues: EvaluationCount.allCases.map { ($0.rawValue, row.tally[$0]) })
            )
        }
    }

    /// Four decimals: enough for a rate shown as 99.99 %, short enough to read.
    static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
}
