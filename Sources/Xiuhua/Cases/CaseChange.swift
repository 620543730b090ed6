import Foundation

/// What an event records, with the facts specific to its kind.
///
/// Decisions are recorded, not recomputed: the initial state, whether a dispatch went to
/// a new owner, which deadline was missed. Replaying old events therefore gives the same
/// case even after the rules change.
public enum CaseChange: Hashable, Sendable, Codable {
    case reported(intake: CaseIntake, initialState: CaseState)
    case verified(real: Bool)
    case accepted
    case rejected(reason: String)
    case cancelRequested(reason: String)
    case cancelled(reason: String)
    case cancelDenied
    case dispatched(owner: CaseOwner, isRedispatch: Bool)
    case returned(owner: CaseOwner, reason: String)
    case handled
    case checked(passed: Bool)
    case reworked(owner: CaseOwner, reworkCount: Int)
    case closed
    case rated(rating: Rating)
    case reopened(owner: CaseOwner?, reopenedCount: Int)
    case extensionRequested(deadlineExtension: DeadlineExtension, reason: String)
    case extensionApproved(deadlineExtension: DeadlineExtension)
    case extensionDenied
    case suspensionRequested(reason: String)
    case suspensionApproved
    case suspensionDenied
    case resumed(suspendedAt: Date)
    case urged
    case supervised(level: Int, order: String)
    case supervisionReplied(index: Int, reply: String)
    case selfHandlingApproved
    case selfHandlingRejected
    case markedOverdue(stage: CaseStage, deadline: Date)
    /// 吹哨: the street summons `departments`, each to check in by `deadline`.
    case whistled(id: String, kind: WhistleKind, departments: [String], deadline: Date, jointCases: [String], reason: String)
    /// 报到: a summoned department is on site; `late` when after the deadline.
    case checkedIn(whistleID: String, department: String, late: Bool)
    /// A summoned department reports what it did; its part is done.
    case whistleReported(whistleID: String, department: String, report: String)
    /// The street lets a summoned department go without a report.
    case summonsReleased(whistleID: String, department: String, reason: String)
    /// The street rates a department's response (评价权).
    case summonsRated(whistleID: String, department: String, satisfaction: Rating.Satisfaction)
    /// The scheduler records that a department did not check in by the deadline.
    case checkInMissed(whistleID: String, department: String, deadline: Date)
    /// 合并: this case was merged into case `into` and ends here.
    case merged(into: String)
    /// Case `number` was merged into this one; its reporters (and those of cases merged
    /// into it before) follow this case now.
    case absorbed(number: String, followers: [CaseFollower])
    /// Staff made a hotline caller's words public (公开原文).
    case textPublished

    /// The kind of event, as a flat name for storage and filters.
    public var kind: CaseEventKind {
        switch self {
        case .reported: .reported
        case .verified: .verified
        case .accepted: .accepted
        case .rejected: .rejected
        case .cancelRequested: .cancelRequested
        case .cancelled: .cancelled
        case .cancelDenied: .cancelDenied
        case .dispatched: .dispatched
        case .returned: .returned
        case .handled: .handled
        case .checked: .checked
        case .reworked: .reworked
        case .closed: .closed
        case .rated: .rated
        case .reopened: .reopened
        case .extensionRequested: .extensionRequested
        case .extensionApproved: .extensionApproved
        case .extensionDenied: .extensionDenied
        case .suspensionRequested: .suspensionRequested
        case .suspensionApproved: .suspensionApproved
        case .suspensionDenied: .suspensionDenied
        case .resumed: .resumed
        case .urged: .urged
        case .supervised: .supervised
        case .supervisionReplied: .supervisionReplied
        case .selfHandlingApproved: .selfHandlingApproved
        case .selfHandlingRejected: .selfHandlingRejected
        case .markedOverdue: .markedOverdue
        case .whistled: .whistled
        case .checkedIn: .checkedIn
        case .whistleReported: .whistleReported
        case .summonsReleased: .summonsReleased
        case .summonsRated: .summonsRated
        case .checkInMissed: .checkInMissed
        case .merged: .merged
        case .absorbed: .absorbed
        case .textPublished: .textPublished
        }
    }
}
