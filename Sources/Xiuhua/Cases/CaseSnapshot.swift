import Foundation

/// The current state of a case, derived by folding its events.
///
/// The store keeps it materialised beside the events; `version` is the number of events
/// folded in and serves as the optimistic-concurrency token.
public struct CaseSnapshot: Hashable, Sendable, Codable {
    // Intake facts.
    /// Case number.
    public internal(set) var number: String
    /// Code the citizen tracks and rates the case with.
    public internal(set) var ticketCode: String
    /// Channel of the report.
    public internal(set) var source: CaseSource
    /// Catalog category code.
    public internal(set) var categoryCode: String
    /// Normal or urgent.
    public internal(set) var urgency: Urgency
    /// Disposal limit of the category; each (re)dispatch starts a disposal stage with it.
    public internal(set) var disposalLimit: TimeLimit
    /// Owner the routing rules suggested.
    public internal(set) var suggestedOwner: CaseOwner?
    /// Thematic sub-command.
    public internal(set) var subCommandCode: String?
    /// Where the problem is.
    public internal(set) var location: CaseLocation
    /// What the reporter saw.
    public internal(set) var description: String
    /// Photos from the report.
    public internal(set) var photos: [String]
    /// Reporter's name; mask it for roles that do not see reporter identity.
    public internal(set) var reporterName: String?
    /// Reporter's phone; mask it for roles that do not see reporter identity.
    public internal(set) var reporterPhone: String?
    /// True when a grid worker reported it as fixed on the spot.
    public internal(set) var selfHandled: Bool
    /// Answers to the category's extra questions; nil when none were given.
    public internal(set) var attributes: [CaseAttribute]?

    // Workflow position.
    /// Where the case stands.
    public internal(set) var state: CaseState
    /// The clock of the current stage; nil once the case is closed, rejected or cancelled.
    public internal(set) var stageClock: StageClock?
    /// The request waiting for a decision, if any.
    public internal(set) var pendingRequest: PendingRequest?
    /// The grid worker's verdict on a public report; nil when not verified.
    public internal(set) var verifiedReal: Bool?

    // Ownership.
    /// The unit that holds the case; stays set after closing so a reopen goes back to it.
    public internal(set) var currentOwner: CaseOwner?
    /// Owners that returned the case, oldest first.
    public internal(set) var previousOwners: [CaseOwner]
    /// Number of dispatches, including re-dispatches.
    public internal(set) var dispatchCount: Int

    // Counters and records for evaluation.
    /// Failed checks that sent the case back to its owner (返工).
    public internal(set) var reworkCount: Int
    /// Approved extensions.
    public internal(set) var extensionCount: Int
    /// Suspension periods, the last possibly still open.
    public internal(set) var suspensions: [Suspension]
    /// The latest rating.
    public internal(set) var rating: Rating?
    /// Times a "not fixed" rating reopened the case.
    public internal(set) var reopenedCount: Int
    /// Reminders sent (催办).
    public internal(set) var urgeCount: Int
    /// Supervision orders (督办) with their replies.
    public internal(set) var supervisions: [Supervision]
    /// Stage deadlines that were missed, each recorded once.
    public internal(set) var overdueMarks: [OverdueMark]
    /// Whistles (吹哨) with their summoned departments; nil until the first whistle, so
    /// snapshots written before whistles existed read back unchanged.
    public internal(set) var whistles: [Whistle]?
    /// The case this one was merged into (合并); nil unless merged.
    public internal(set) var mergedInto: String?
    /// Cases merged into this one, whose reporters follow it; nil when none.
    public internal(set) var followers: [CaseFollower]?
    /// True once staff published a hotline caller's words (公开原文); nil before, so
    /// snapshots written before the flag existed read back unchanged.
    public internal(set) var textPublished: Bool?

    // Milestones.
    /// When the case was reported.
    public internal(set) var createdAt: Date
    /// When it was accepted (立案).
    public internal(set) var acceptedAt: Date?
    /// When it was last dispatched.
    public internal(set) var dispatchedAt: Date?
    /// When the owner last reported it fixed.
    public internal(set) var handledAt: Date?
    /// When it was closed; cleared when a rating reopens it.
    public internal(set) var closedAt: Date?
    /// When the latest event happened.
    public internal(set) var lastEventAt: Date
    /// Number of events folded in.
    public internal(set) var version: Int

    /// The stage being timed.
    public var stage: CaseStage? { stageClock?.stage }
    /// When the current stage started.
    public var stageStartedAt: Date? { stageClock?.startedAt }
    /// The current stage's deadline.
    public var stageDeadline: Date? { stageClock?.deadline }
    /// The current stage's limit (before extra time).
    public var stageLimit: TimeLimit? { stageClock?.limit }

    /// Whether public outputs (Open311, the board) may show the reporter's own words —
    /// description and address. A hotline caller spoke to an operator, not to the public,
    /// so theirs stay inside until staff publish them; every other channel is a report
    /// its author wrote knowing it is public.
    public var publishesReporterText: Bool {
        source != .hotline || textPublished == true
    }

    /// True while the disposal clock is paused.
    public var isSuspended: Bool { state == .suspended }

    /// The pause intervals up to `now`, an open suspension counted until `now`.
    public func pauses(until now: Date) -> [DateInterval] {
        suspensions.map { $0.interval(until: now) }
    }

    /// True when the current stage is past its deadline. A suspended case is never overdue.
    public func isOverdue(at now: Date) -> Bool {
        guard let stageClock, !isSuspended else { return false }
        return now > stageClock.deadline
    }

    /// True when a deadline of `stage` was missed at some point.
    public func wasOverdue(in stage: CaseStage) -> Bool {
        overdueMarks.contains { $0.stage == stage }
    }

    /// The supervision order the owner must answer next.
    public var openSupervisionIndex: Int? {
        supervisions.firstIndex(where: \.isOpen)
    }
}
