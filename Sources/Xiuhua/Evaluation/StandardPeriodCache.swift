import Foundation

/// The standard periods (month, quarter, year) of instants, worked out once per month.
///
/// Working them out takes a calendar, date components and three parsed labels; a batch of
/// cases filed together falls in one month, so intake asks once per batch instead of once
/// per case.
public struct StandardPeriodCache: Sendable {
    /// The time zone the periods' days are in.
    public let timeZone: TimeZone
    private var known: [[EvaluationPeriod]] = []

    /// An empty cache for periods in `timeZone`.
    public init(timeZone: TimeZone = WorkCalendar.chinaStandardTime) {
        self.timeZone = timeZone
    }

    /// The month, quarter and year containing `instant`, as `EvaluationPeriod.standardPeriods`
    /// gives them.
    public mutating func periods(containing instant: Date) -> [EvaluationPeriod] {
        if let periods = known.first(where: { $0[0].contains(instant) }) { return periods }
        let periods = EvaluationPeriod.standardPeriods(containing: instant, timeZone: timeZone)
        known.append(periods)
        return periods
    }
}
