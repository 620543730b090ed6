import Foundation

/// The weights of every composite score, per period: cities change them from year to
/// year (Beijing re-weighted its 三率 more than once), so a weights file can give
/// different weights for a month, a quarter or a year.
///
/// File format (JSON): keys are `default` or a period label (`2026-11`, `2026-Q4`,
/// `2026`); each maps scorecards to weights by item. A period takes its own entry, else
/// its year's (`2026` for `2026-11`), else `default`, else the built-in `standard`; a
/// scorecard an entry leaves out falls through the same way.
///
/// ```json
/// {"default": {"region": {"public_report_rate": 10, "accepted_count_score": 20,
///                         "closing_rate": 30, "on_time_closing_rate": 40}},
///  "2027": {"hotline": {"response_rate": 30, "solution_rate": 35, "satisfaction_rate": 35}}}
/// ```
public struct EvaluationWeights: Hashable, Sendable {
    /// Weights by period label (or `default`), then scorecard, in file order.
    public let entries: [String: [Scorecard: [WeightedItem]]]

    /// One weighted term.
    public struct WeightedItem: Hashable, Sendable {
        public let item: ScoreItem
        public let weight: Double
    }

    /// The reference's weights (§6.3, §6.5). Where the reference scores a workload count
    /// we do not keep (受理数分值, 派遣数分值), its weight is spread over the rates.
    public static let standard = EvaluationWeights(entries: ["default": [
        .region: items([("public_report_rate", 10), ("accepted_count_score", 20), ("closing_rate", 30), ("on_time_closing_rate", 40)]),
        .department: items([("accepted_count_score", 10), ("closing_rate", 30), ("on_time_disposal_rate", 30), ("rework_rate", 30)]),
        .gridWorker: items([("valid_report_rate", 40), ("missed_report_rate", 20), ("on_time_verification_rate", 20), ("on_time_check_rate", 20)]),
        .operator: items([("valid_report_rate", 100)]),
        .dutyChief: items([("on_time_acceptance_rate", 25), ("accurate_acceptance_rate", 40), ("on_time_closing_action_rate", 35)]),
        .dispatcher: items([("on_time_dispatch_rate", 50), ("accurate_dispatch_rate", 50)]),
        .hotline: items([("response_rate", 10), ("solution_rate", 50), ("satisfaction_rate", 40)]),
    ]])

    private static func items(_ pairs: [(String, Double)]) -> [WeightedItem] {
        pairs.map { WeightedItem(item: ScoreItem(name: $0.0)!, weight: $0.1) }
    }

    public init(entries: [String: [Scorecard: [WeightedItem]]]) {
        self.entries = entries
    }

    /// Reads a weights file; throws a message naming the bad key.
    public init(json data: Data) throws(EvaluationWeightsError) {
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw EvaluationWeightsError("权重文件应为 JSON 对象 (the weights file must be a JSON object)")
        }
        var entries: [String: [Scorecard: [WeightedItem]]] = [:]
        for (period, value) in root {
            if period != "default" {
                do { _ = try EvaluationPeriod(period) } catch { throw EvaluationWeightsError("未知的周期 (unknown period) “\(period)”") }
            }
            guard let cards = value as? [String: Any] else { throw EvaluationWeightsError("“\(period)” 应为对象 (must be an object)") }
            var parsed: [Scorecard: [WeightedItem]] = [:]
            for (name, weights) in cards {
                guard let card = Scorecard(rawValue: name) else {
                    throw EvaluationWeightsError("“\(period)”: 未知的评价对象 (unknown scorecard) “\(name)” — one of \(Scorecard.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                guard let pairs = weights as? [String: Any], !pairs.isEmpty else {
                    throw EvaluationWeightsError("“\(period)”.“\(name)” 应为非空对象 (must be a non-empty object)")
                }
                var items: [WeightedItem] = []
                for (itemName, raw) in pairs.sorted(by: { $0.key < $1.key }) {
                    guard let item = ScoreItem(name: itemName) else {
                        throw EvaluationWeightsError("“\(period)”.“\(name)”: 未知的指标 (unknown indicator) “\(itemName)”")
                    }
                    guard let weight = (raw as? NSNumber)?.doubleValue, weight >= 0, weight.isFinite else {
                        throw EvaluationWeightsError("“\(period)”.“\(name)”.“\(itemName)”: 权重应为非负数 (weight must be a number ≥ 0)")
                    }
                    items.append(WeightedItem(item: item, weight: weight))
                }
                guard items.contains(where: { $0.weight > 0 }) else {
                    throw EvaluationWeightsError("“\(period)”.“\(name)”: 权重之和应大于 0 (weights must not all be zero)")
                }
                parsed[card] = items
            }
            entries[period] = parsed
        }
        self.entries = entries
    }

    /// The weights of `scorecard` in `period`.
    public func items(_ scorecard: Scorecard, in period: EvaluationPeriod) -> [WeightedItem] {
        let year = String(period.label.prefix(4))
        for key in [period.label, year, "default"] {
            if let items = entries[key]?[scorecard] { return items }
        }
        return Self.standard.entries["default"]![scorecard]!
    }
}

/// A weights file that cannot be used, and why.
public struct EvaluationWeightsError: Error, Hashable, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
