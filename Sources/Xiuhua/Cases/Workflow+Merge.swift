import Foundation

extension Workflow {
    /// 合并: the duty chief merges `duplicate` into `survivor`. The duplicate ends as
    /// `merged`, pointing at the survivor; the survivor records the duplicate and its own
    /// followers, whose reporters now follow it. Both histories stay as they were.
    ///
    /// A case cannot merge into itself, into a case that is no longer open (closed, rated,
    /// cancelled, rejected or itself merged — so no chain of merges can loop), nor while
    /// departments it summoned are still owed.
    public static func merge(
        _ duplicate: CaseSnapshot,
        into survivor: CaseSnapshot?,
        by actor: Actor,
        at now: Date,
        note: String? = nil
    ) -> Result<(duplicate: [CaseEvent], survivor: [CaseEvent]), WorkflowRefusal> {
        let now = now.wholeMilliseconds
        let note = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        let kept = (note?.isEmpty ?? true) ? nil : note
        if let refusal = refusal(for: .merge, on: duplicate, by: actor, at: now) { return .failure(refusal) }
        let state = duplicate.state
        guard let survivor else { return .failure(.mergeTargetMissing(state)) }
        guard survivor.number != duplicate.number else { return .failure(.mergeIntoItself(state)) }
        if let into = survivor.mergedInto { return .failure(.mergeTargetMerged(survivor.number, into: into, state)) }
        guard survivor.state.isOpen else { return .failure(.mergeTargetClosed(survivor.number, survivor.state, state)) }
        let follower = CaseFollower(
            number: duplicate.number, ticketCode: duplicate.ticketCode, source: duplicate.source, reporterPhone: duplicate.reporterPhone
        )
        func event(_ change: CaseChange) -> CaseEvent {
            CaseEvent(change: change, actorID: actor.id, actorRole: actor.role, actorName: actor.name, at: now, note: kept)
        }
        let merged = event(.merged(into: survivor.number))
        let absorbed = event(.absorbed(number: duplicate.number, followers: [follower] + duplicate.followerList))
        return .success(([merged], [absorbed]))
    }
}
