import Foundation

/// The case workflow as pure functions: (case, action, actor, now) → events or a refusal.
///
/// Every rule about who may do what, when, lives here and in `CaseActionKind.rule`; the
/// server only decodes, calls these functions and appends the events they return.
/// Instants are recorded to the millisecond so that events survive their JSON unchanged.
public enum Workflow {
    /// Decides `action` on `snapshot`: the events to append, or why it is refused.
    public static func decide(
        _ snapshot: CaseSnapshot,
        _ action: CaseAction,
        by actor: Actor,
        at now: Date,
        clock: any WorkingTimeCalculator,
        limits: StageLimits = .standard,
        whistleLimits: WhistleLimits = .standard
    ) -> Result<[CaseEvent], WorkflowRefusal> {
        let now = now.wholeMilliseconds
        if let refusal = refusal(for: action.kind, on: snapshot, by: actor, at: now) {
            return .failure(refusal)
        }
        let decision = CaseDecision(
            snapshot: snapshot, actor: actor, now: now, clock: clock, limits: limits, whistleLimits: whistleLimits
        )
        do {
            return .success(try decision.events(for: action))
        } catch {
            return .failure(error)
        }
    }

    /// The actions `actor` may take on `snapshot` at `now`, in menu order. Payload checks
    /// (a blank reason, say) can still refuse one of them.
    public static func allowedActions(for snapshot: CaseSnapshot, by actor: Actor, at now: Date) -> [CaseActionKind] {
        let now = now.wholeMilliseconds
        return CaseActionKind.allCases.filter { refusal(for: $0, on: snapshot, by: actor, at: now) == nil }
    }

    /// Why `actor` may not take an action of `kind` now, checked in the order a person
    /// would want to hear it: role, then state, then scope, then the case's particulars.
    static func refusal(
        for kind: CaseActionKind,
        on snapshot: CaseSnapshot,
        by actor: Actor,
        at now: Date
    ) -> WorkflowRefusal? {
        let rule = kind.rule
        let state = snapshot.state
        guard rule.roles.contains(actor.role) else { return .forbiddenRole(kind, actor.role, state) }
        guard rule.states.contains(state) else { return .wrongState(kind, state) }
        switch rule.scope {
        case .any:
            break
        case .grid:
            guard actor.patrols(gridCode: snapshot.location.gridCode) else {
                return .outsideGrid(kind, grid: snapshot.location.gridCode, state)
            }
        case .owner:
            guard let owner = snapshot.currentOwner, actor.handles(for: owner) else {
                return .notOwner(kind, owner: snapshot.currentOwner, state)
            }
        case .summoned:
            guard snapshot.summons(of: actor.departmentCode, where: \.isActive) != nil else { return .notSummoned(kind, state) }
        }
        switch kind {
        case .replySupervision:
            guard snapshot.openSupervisionIndex != nil else { return .noOpenSupervision(state) }
        case .markOverdue:
            guard let stageClock = snapshot.stageClock else { return .wrongState(kind, state) }
            guard now > stageClock.deadline else { return .notOverdue(stageClock.stage, state) }
            let mark = OverdueMark(stage: stageClock.stage, deadline: stageClock.deadline)
            guard !snapshot.overdueMarks.contains(mark) else { return .overdueAlreadyMarked(stageClock.stage, state) }
        case .close:
            if snapshot.hasActiveSummons { return .summonsOutstanding(state) }
        case .merge:
            if snapshot.hasActiveSummons { return .mergeSummonsOutstanding(state) }
        case .publishText:
            if snapshot.publishesReporterText { return .textNotWithheld(snapshot.source, state) }
        case .checkIn:
            guard snapshot.summons(of: actor.departmentCode, where: { $0.isActive && $0.checkedInAt == nil }) != nil else {
                return .alreadyCheckedIn(state)
            }
        case .reportWhistle:
            guard snapshot.summons(of: actor.departmentCode, where: { $0.isActive && $0.checkedInAt != nil }) != nil else {
                return .notCheckedIn(state)
            }
        case .releaseSummons:
            guard snapshot.hasActiveSummons else { return .noSummons(kind, state) }
        case .rateSummons:
            guard snapshot.whistleList.contains(where: { $0.summons.contains { $0.reportedAt != nil && $0.rating == nil } }) else {
                return .noSummons(kind, state)
            }
        case .markMissedCheckIn:
            guard !snapshot.missedCheckIns(at: now).isEmpty else { return .noMissedCheckIn(state) }
        default:
            break
        }
        return nil
    }
}
