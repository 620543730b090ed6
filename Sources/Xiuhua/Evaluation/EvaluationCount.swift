/// The raw counts every indicator is a ratio of. A count is a number of cases; the
/// definitions (in `CaseFacts.tallies(in:)` and docs/EVALUATION.md) say which cases.
///
/// Two families: the **cohort** of cases accepted (立案) in the period, measured as they
/// stood at the period's end; and **stage completions** that happened in the period.
/// The raw values are stable names: the store keeps tallies under them.
public enum EvaluationCount: String, Hashable, Sendable, Codable, CaseIterable {
    /// 上报数: cases reported in the period.
    case reported
    /// 有效上报数: of those, accepted (立案 or approved self-handling) by the period's end.
    case reportedValid
    /// 立案数: cases accepted in the period (the cohort).
    case accepted
    /// 按时立案数: of the cohort, accepted within the acceptance stage's limit.
    case acceptedOnTime
    /// Cohort cases cancelled (作废) by the period's end.
    case cancelled
    /// Cohort cases suspended (挂账) at the period's end, not cancelled.
    case suspendedAtEnd
    /// 结案数: cohort cases closed by the period's end.
    case closed
    /// 按期结案数: of those, no disposal stage ran past its deadline.
    case closedOnTime
    /// 应处置数: cohort cases dispatched by the period's end, neither cancelled nor suspended then.
    case dueForDisposal
    /// 处置数: of those, the owner reported the fix by the period's end.
    case handled
    /// 按期处置数: of those, the first fix was reported by the disposal deadline.
    case handledOnTime
    /// 超期未处置数: due for disposal, not handled by the period's end, deadline before it.
    case overdueUnhandled
    /// 返工数: cohort cases (not cancelled) that failed a check by the period's end.
    case reworked
    /// 延期数: cases due for disposal with an approved extension by the period's end.
    case extended
    /// 监督举报核实数 / 漏报数: cohort public reports a grid worker confirmed as real.
    case publicConfirmed
    /// 核实数: first verifications done in the period.
    case verified
    /// 按时核实数: of those, on time.
    case verifiedOnTime
    /// 核查数: first checks done in the period.
    case checked
    /// 按时核查数: of those, on time.
    case checkedOnTime
    /// 派遣数: first dispatches done in the period.
    case dispatches
    /// 按时派遣数: of those, on time.
    case dispatchesOnTime
    /// 准确派遣数: of those, never returned by the owner (回退).
    case dispatchesAccurate
    /// 结案操作数: closings done in the period (the duty chief's action).
    case closings
    /// 按时结案操作数: of those, within the closing stage's limit.
    case closingsOnTime
    /// 有效回访数: public reports whose first follow-up (回访) was recorded in the period.
    case rated
    /// 响应数: of those, the first response to the report came within its stage limit.
    case ratedResponded
    /// 解决数: of those, the citizen said the problem is fixed.
    case ratedSolved
    /// 满意数.
    case ratedSatisfied
    /// 基本满意数.
    case ratedBasicallySatisfied
    /// 吹哨报到数: departments summoned by a street's whistle (hook; see docs/EVALUATION.md).
    case whistleCheckIns
    /// 按时报到数: of those, checked in on site in time.
    case whistleCheckInsOnTime
    /// 电话回访数: of the rated, the answer an operator recorded from a phone call; the
    /// rest came from the citizen's own ticket. Last, so that tallies stored before it read
    /// as zero.
    case ratedByPhone

    /// The position in `allCases`, by a switch because ranking a district's 9,720 grid
    /// cells reads counts a few hundred thousand times and a dictionary lookup each time
    /// was half the cost of scoring.
    public var ordinal: Int {
        switch self {
        case .reported: 0
        case .reportedValid: 1
        case .accepted: 2
        case .acceptedOnTime: 3
        case .cancelled: 4
        case .suspendedAtEnd: 5
        case .closed: 6
        case .closedOnTime: 7
        case .dueForDisposal: 8
        case .handled: 9
        case .handledOnTime: 10
        case .overdueUnhandled: 11
        case .reworked: 12
        case .extended: 13
        case .publicConfirmed: 14
        case .verified: 15
        case .verifiedOnTime: 16
        case .checked: 17
        case .checkedOnTime: 18
        case .dispatches: 19
        case .dispatchesOnTime: 20
        case .dispatchesAccurate: 21
        case .closings: 22
        case .closingsOnTime: 23
        case .rated: 24
        case .ratedResponded: 25
        case .ratedSolved: 26
        case .ratedSatisfied: 27
        case .ratedBasicallySatisfied: 28
        case .whistleCheckIns: 29
        case .whistleCheckInsOnTime: 30
        case .ratedByPhone: 31
        }
    }
}
