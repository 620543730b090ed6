/// A recurring problem (未诉先办): the same category reported again and again in one grid
/// cell within a period, so the district can act before the next complaint.
public struct Hotspot: Hashable, Sendable {
    /// Which way the count moved against the previous period.
    public enum Trend: String, Hashable, Sendable, Codable {
        /// Below the threshold last period, at or above it now.
        case new
        case rising
        case steady
        case falling

        public var label: String {
            switch self {
            case .new: "新增"
            case .rising: "上升"
            case .steady: "持平"
            case .falling: "下降"
            }
        }
    }

    public let gridCode: String
    public let categoryCode: String
    /// Cases reported in the period.
    public let count: Int
    /// Cases reported in the previous period.
    public let previousCount: Int
    public let trend: Trend

    /// Grid × category combinations with at least `minimumCases` reports in the period
    /// (tallies of `EvaluationDimension.gridCategory`), most reports first.
    public static func find(current: [String: Tally], previous: [String: Tally], minimumCases: Int) -> [Hotspot] {
        current.compactMap { unit, tally -> Hotspot? in
            let count = tally[.reported]
            guard count >= minimumCases else { return nil }
            let parts = unit.split(separator: "|", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return nil }
            let before = previous[unit]?[.reported] ?? 0
            let trend: Trend = before < minimumCases ? .new : count > before ? .rising : count == before ? .steady : .falling
            return Hotspot(gridCode: parts[0], categoryCode: parts[1], count: count, previousCount: before, trend: trend)
        }
        .sorted { ($0.count, $1.gridCode, $1.categoryCode) > ($1.count, $0.gridCode, $0.categoryCode) }
    }
}
