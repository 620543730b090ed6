/// Something a person asks the workflow to do to a case, with what the action needs.
public enum CaseAction: Hashable, Sendable {
    /// 核实: a grid worker confirms on site whether a public report is real.
    case verify(real: Bool, note: String? = nil, photos: [String] = [])
    /// 立案: the duty chief accepts the case.
    case accept(note: String? = nil)
    /// 不予受理: the duty chief or an operator refuses the case.
    case reject(reason: String)
    /// Asks the duty chief to cancel (作废) an invalid or duplicate case.
    case requestCancel(reason: String)
    /// 作废: the duty chief cancels, approving a request (reason optional) or directly (reason required).
    case approveCancel(reason: String? = nil)
    /// The duty chief keeps the case; it goes back where it was.
    case denyCancel(note: String? = nil)
    /// 派遣: the dispatcher sends the case to an owner.
    case dispatch(to: CaseOwner, note: String? = nil)
    /// 回退: the owner says the case is not theirs; it goes back to the dispatch queue.
    case `return`(reason: String)
    /// 处置/反馈: the owner reports the problem fixed.
    case handle(note: String, photos: [String] = [])
    /// 核查: a grid worker checks the fix; a failed check sends it back to the owner (返工).
    case check(passed: Bool, note: String? = nil, photos: [String] = [])
    /// 结案: the duty chief closes after a passed check.
    case close(note: String? = nil)
    /// 回访: the citizen (or an operator on the phone) rates the result; "not fixed" reopens it.
    case rate(Rating, note: String? = nil)
    /// 延期申请: the owner asks for more time.
    case requestExtension(DeadlineExtension, reason: String)
    /// The dispatcher grants the extension; the disposal deadline moves.
    case approveExtension(note: String? = nil)
    /// The dispatcher refuses the extension.
    case denyExtension(note: String? = nil)
    /// 挂账申请: the owner says it cannot be solved now.
    case requestSuspension(reason: String)
    /// The dispatcher suspends the case; the disposal clock pauses.
    case approveSuspension(note: String? = nil)
    /// The dispatcher refuses the suspension.
    case denySuspension(note: String? = nil)
    /// 挂账恢复: the dispatcher restarts a suspended case; the clock runs again.
    case resume(note: String? = nil)
    /// 催办: a reminder to whoever must act next.
    case urge(note: String? = nil)
    /// 督办: a formal supervision order of level 1–3.
    case supervise(level: Int, order: String)
    /// The owner replies to the earliest open supervision order.
    case replySupervision(reply: String)
    /// The duty chief confirms a grid worker's on-the-spot fix; the case closes.
    case approveSelfHandling(note: String? = nil)
    /// The duty chief does not accept the self-handling; the case takes the normal path.
    case rejectSelfHandling(note: String? = nil)
    /// The scheduler records that the current stage ran past its deadline.
    case markOverdue
    /// 吹哨: the owning street summons departments; `id` is shared by a joint action's cases.
    case whistle(id: String, kind: WhistleKind, departments: [String], reason: String, jointCases: [String] = [])
    /// 报到: a summoned department checks in on site (its earliest whistle unless named).
    case checkIn(whistleID: String? = nil, note: String? = nil)
    /// A summoned department that checked in reports what it did.
    case reportWhistle(report: String, whistleID: String? = nil, photos: [String] = [])
    /// The street releases a summoned department without a report.
    case releaseSummons(department: String, reason: String)
    /// The street rates a department's response after its report.
    case rateSummons(department: String, satisfaction: Rating.Satisfaction, note: String? = nil)
    /// The scheduler records every summoned department that missed its check-in deadline.
    case markMissedCheckIn
    /// 合并: the duty chief merges this case into the open case numbered `into`.
    case merge(into: String, note: String? = nil)
    /// 公开原文: staff publish a hotline caller's own words (the caller agreed, or staff
    /// reworded them); until then the public sees a summary.
    case publishText(note: String? = nil)

    /// The kind of this action, for rules and menus.
    public var kind: CaseActionKind {
        switch self {
        case .verify: .verify
        case .accept: .accept
        case .reject: .reject
        case .requestCancel: .requestCancel
        case .approveCancel: .approveCancel
        case .denyCancel: .denyCancel
        case .dispatch: .dispatch
        case .return: .return
        case .handle: .handle
        case .check: .check
        case .close: .close
        case .rate: .rate
        case .requestExtension: .requestExtension
        case .approveExtension: .approveExtension
        case .denyExtension: .denyExtension
        case .requestSuspension: .requestSuspension
        case .approveSuspension: .approveSuspension
        case .denySuspension: .denySuspension
        case .resume: .resume
        case .urge: .urge
        case .supervise: .supervise
        case .replySupervision: .replySupervision
        case .approveSelfHandling: .approveSelfHandling
        case .rejectSelfHandling: .rejectSelfHandling
        case .markOverdue: .markOverdue
        case .whistle: .whistle
        case .checkIn: .checkIn
        case .reportWhistle: .reportWhistle
        case .releaseSummons: .releaseSummons
        case .rateSummons: .rateSummons
        case .markMissedCheckIn: .markMissedCheckIn
        case .merge: .merge
        case .publishText: .publishText
        }
    }
}
