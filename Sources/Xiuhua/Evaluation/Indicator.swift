/// An evaluation indicator: a count, or a rate of two counts of a `Tally`.
///
/// The raw values are the names used in the API, the CSV and the weights file.
public enum Indicator: String, Hashable, Sendable, Codable, CaseIterable {
    case reportedCount = "reported_count"
    case acceptedCount = "accepted_count"
    case closedCount = "closed_count"
    case closingRate = "closing_rate"
    case onTimeClosingRate = "on_time_closing_rate"
    case handledCount = "handled_count"
    case onTimeDisposalRate = "on_time_disposal_rate"
    case reworkRate = "rework_rate"
    case extensionRate = "extension_rate"
    case overdueUnhandledCount = "overdue_unhandled_count"
    case publicReportRate = "public_report_rate"
    case validReportRate = "valid_report_rate"
    case missedReportRate = "missed_report_rate"
    case onTimeVerificationRate = "on_time_verification_rate"
    case onTimeCheckRate = "on_time_check_rate"
    case onTimeAcceptanceRate = "on_time_acceptance_rate"
    case accurateAcceptanceRate = "accurate_acceptance_rate"
    case onTimeDispatchRate = "on_time_dispatch_rate"
    case accurateDispatchRate = "accurate_dispatch_rate"
    case onTimeClosingActionRate = "on_time_closing_action_rate"
    case whistleCheckInRate = "whistle_check_in_rate"
    case responseRate = "response_rate"
    case solutionRate = "solution_rate"
    case satisfactionRate = "satisfaction_rate"

    /// zh-CN name as the 通报 prints it.
    public var label: String {
        switch self {
        case .reportedCount: "上报数"
        case .acceptedCount: "立案数"
        case .closedCount: "结案数"
        case .closingRate: "结案率"
        case .onTimeClosingRate: "按期结案率"
        case .handledCount: "处置数"
        case .onTimeDisposalRate: "按期处置率"
        case .reworkRate: "返工率"
        case .extensionRate: "延期率"
        case .overdueUnhandledCount: "超期未处置数"
        case .publicReportRate: "监督举报率"
        case .validReportRate: "有效上报率"
        case .missedReportRate: "漏报率"
        case .onTimeVerificationRate: "按时核实率"
        case .onTimeCheckRate: "按时核查率"
        case .onTimeAcceptanceRate: "按时立案率"
        case .accurateAcceptanceRate: "准确立案率"
        case .onTimeDispatchRate: "按时派遣率"
        case .accurateDispatchRate: "准确派遣率"
        case .onTimeClosingActionRate: "按时结案率"
        case .whistleCheckInRate: "吹哨报到按时率"
        case .responseRate: "响应率"
        case .solutionRate: "解决率"
        case .satisfactionRate: "满意率"
        }
    }

    /// True for counts, false for rates.
    public var isCount: Bool {
        switch self {
        case .reportedCount, .acceptedCount, .closedCount, .handledCount, .overdueUnhandledCount: true
        default: false
        }
    }

    /// True for rates where less is better (返工率, 延期率, 监督举报率, 漏报率): a score
    /// counts their complement.
    public var lowerIsBetter: Bool {
        switch self {
        case .reworkRate, .extensionRate, .publicReportRate, .missedReportRate, .overdueUnhandledCount: true
        default: false
        }
    }

    /// The indicator's numerator and denominator in `tally` (a count has denominator 1).
    /// 应结案数 = 立案数 − 作废 − 挂账 at the period's end.
    public func fraction(_ t: Tally) -> (numerator: Double, denominator: Int) {
        let dueForClosing = t[.accepted] - t[.cancelled] - t[.suspendedAtEnd]
        func n(_ count: EvaluationCount) -> Double { Double(t[count]) }
        switch self {
        case .reportedCount: return (n(.reported), 1)
        case .acceptedCount: return (n(.accepted), 1)
        case .closedCount: return (n(.closed), 1)
        case .handledCount: return (n(.handled), 1)
        case .overdueUnhandledCount: return (n(.overdueUnhandled), 1)
        case .closingRate: return (n(.closed), dueForClosing)
        case .onTimeClosingRate: return (n(.closedOnTime), dueForClosing)
        case .onTimeDisposalRate: return (n(.handledOnTime), t[.dueForDisposal])
        case .reworkRate: return (n(.reworked), dueForClosing)
        case .extensionRate: return (n(.extended), t[.dueForDisposal])
        case .publicReportRate, .missedReportRate: return (n(.publicConfirmed), t[.accepted] - t[.cancelled])
        case .validReportRate: return (n(.reportedValid), t[.reported])
        case .onTimeVerificationRate: return (n(.verifiedOnTime), t[.verified])
        case .onTimeCheckRate: return (n(.checkedOnTime), t[.checked])
        case .onTimeAcceptanceRate: return (n(.acceptedOnTime), t[.accepted])
        case .accurateAcceptanceRate: return (n(.accepted) - n(.cancelled), t[.accepted])
        case .onTimeDispatchRate: return (n(.dispatchesOnTime), t[.dispatches])
        case .accurateDispatchRate: return (n(.dispatchesAccurate), t[.dispatches])
        case .onTimeClosingActionRate: return (n(.closingsOnTime), t[.closings])
        case .whistleCheckInRate: return (n(.whistleCheckInsOnTime), t[.whistleCheckIns])
        case .responseRate: return (n(.ratedResponded), t[.rated])
        case .solutionRate: return (n(.ratedSolved), t[.rated])
        // (满意 + 0.9 × 基本满意) / 有效回访数.
        case .satisfactionRate: return (n(.ratedSatisfied) + 0.9 * n(.ratedBasicallySatisfied), t[.rated])
        }
    }

    /// The value in `tally`: the count, or the rate with its sample size and the Wilson
    /// lower bound of its good side.
    public func value(_ tally: Tally) -> IndicatorValue {
        let (numerator, denominator) = fraction(tally)
        if isCount { return IndicatorValue(numerator: numerator, denominator: 1, isCount: true, lowerIsBetter: lowerIsBetter) }
        return IndicatorValue(numerator: numerator, denominator: denominator, isCount: false, lowerIsBetter: lowerIsBetter)
    }
}

/// An indicator's value in one unit: raw rate, sample size and the confidence-adjusted
/// rate that ranking uses.
public struct IndicatorValue: Hashable, Sendable {
    /// Cases counted in the numerator (满意率 weighs 基本满意 0.9, so it is not whole).
    public let numerator: Double
    /// Cases in the denominator: the sample size.
    public let denominator: Int
    /// True for a plain count.
    public let isCount: Bool
    /// True when less is better.
    public let lowerIsBetter: Bool

    /// The raw rate (0…1), or the count; nil when the denominator is zero.
    public var rate: Double? {
        if isCount { return numerator }
        return denominator > 0 ? numerator / Double(denominator) : nil
    }

    /// The share of good outcomes (the rate, or its complement when less is better).
    public var goodRate: Double? { rate.map { lowerIsBetter ? 1 - $0 : $0 } }

    /// The Wilson lower bound (95 %) of `goodRate`: what the unit can claim with
    /// confidence, lower the fewer cases it rests on.
    public var adjustedGoodRate: Double? {
        guard !isCount, denominator > 0, let goodRate else { return nil }
        return WilsonInterval.lowerBound(rate: goodRate, sampleSize: denominator)
    }
}
