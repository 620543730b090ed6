import Foundation

/// Turns one permitted action into the events that record it.
///
/// `Workflow.refusal(for:on:by:at:)` has already checked role, state and scope; what is
/// left here is the payload (blank reasons, bad levels) and the new stage clocks.
struct CaseDecision {
    let snapshot: CaseSnapshot
    let actor: Actor
    let now: Date
    let clock: any WorkingTimeCalculator
    let limits: StageLimits
    let whistleLimits: WhistleLimits

    func events(for action: CaseAction) throws(WorkflowRefusal) -> [CaseEvent] {
        let kind = action.kind
        switch action {
        case .merge:
            // Merging needs the survivor too: `Workflow.merge` decides it.
            throw .mergeTargetMissing(snapshot.state)
        case .verify(let real, let note, let photos):
            // A report found untrue needs the grid worker's account for the duty chief.
            let note = real ? note : try text(note, FieldName.note, kind)
            return [event(.verified(real: real), note: note, attachments: photos, stage: start(.accept))]
        case .accept(let note):
            return [event(.accepted, note: note, stage: start(.dispatch))]
        case .reject(let reason):
            return [event(.rejected(reason: try text(reason, FieldName.reason, kind)))]
        case .requestCancel(let reason):
            return [event(.cancelRequested(reason: try text(reason, FieldName.reason, kind)))]
        case .approveCancel(let reason):
            // Approving a request inherits its reason; cancelling directly must give one.
            let requested = snapshot.state == .cancelRequested ? snapshot.pendingRequest?.reason : nil
            let reason = try text(nonBlank(reason) ?? requested, FieldName.reason, kind)
            return [event(.cancelled(reason: reason))]
        case .denyCancel(let note):
            return [event(.cancelDenied, note: note)]
        case .dispatch(let owner, let note):
            guard nonBlank(owner.code) != nil else { throw .missingOwner(snapshot.state) }
            let isRedispatch = snapshot.previousOwners.last.map { $0 != owner } ?? false
            return [event(.dispatched(owner: owner, isRedispatch: isRedispatch), note: note, stage: start(.disposal))]
        case .return(let reason):
            let reason = try text(reason, FieldName.reason, kind)
            return [event(.returned(owner: try owner(kind), reason: reason), stage: start(.dispatch))]
        case .handle(let note, let photos):
            let note = try text(note, FieldName.note, kind)
            return [event(.handled, note: note, attachments: photos, stage: start(.check))]
        case .check(let passed, let note, let photos):
            if passed {
                return [event(.checked(passed: true), note: note, attachments: photos, stage: start(.close))]
            }
            // The owner must learn what is still wrong, so a failed check needs a note.
            let note = try text(note, FieldName.note, kind)
            let rework = CaseChange.reworked(owner: try owner(kind), reworkCount: snapshot.reworkCount + 1)
            return [
                event(.checked(passed: false), note: note, attachments: photos),
                event(rework, note: note, stage: start(.disposal)),
            ]
        case .close(let note):
            return [event(.closed, note: note)]
        case .rate(let rating, let note):
            let rated = event(.rated(rating: rating), note: note)
            if rating.fixed { return [rated] }
            let owner = snapshot.currentOwner
            let reopened = CaseChange.reopened(owner: owner, reopenedCount: snapshot.reopenedCount + 1)
            return [rated, event(reopened, note: note, stage: start(owner == nil ? .dispatch : .disposal))]
        case .requestExtension(let deadlineExtension, let reason):
            guard deadlineExtension.limit.amount > 0 else { throw .badExtension(snapshot.state) }
            let reason = try text(reason, FieldName.reason, kind)
            return [event(.extensionRequested(deadlineExtension: deadlineExtension, reason: reason))]
        case .approveExtension(let note):
            guard let stageClock = snapshot.stageClock, let requested = snapshot.pendingRequest?.deadlineExtension else {
                throw .wrongState(kind, snapshot.state)
            }
            let moved = stageClock.extended(by: requested, pauses: snapshot.pauses(until: now), clock: clock)
            return [event(.extensionApproved(deadlineExtension: requested), note: note, stage: moved)]
        case .denyExtension(let note):
            return [event(.extensionDenied, note: note)]
        case .requestSuspension(let reason):
            return [event(.suspensionRequested(reason: try text(reason, FieldName.reason, kind)))]
        case .approveSuspension(let note):
            return [event(.suspensionApproved, note: note)]
        case .denySuspension(let note):
            return [event(.suspensionDenied, note: note)]
        case .resume(let note):
            guard let stageClock = snapshot.stageClock, let suspension = snapshot.suspensions.last else {
                throw .wrongState(kind, snapshot.state)
            }
            // The open pause ends now; counting it in moves the deadline by its length.
            let moved = stageClock.recomputed(pauses: snapshot.pauses(until: now), clock: clock)
            return [event(.resumed(suspendedAt: suspension.start), note: note, stage: moved)]
        case .urge(let note):
            return [event(.urged, note: note)]
        case .supervise(let level, let order):
            guard Supervision.levels.contains(level) else { throw .badSupervisionLevel(level, snapshot.state) }
            return [event(.supervised(level: level, order: try text(order, FieldName.order, kind)))]
        case .replySupervision(let reply):
            guard let index = snapshot.openSupervisionIndex else { throw .noOpenSupervision(snapshot.state) }
            return [event(.supervisionReplied(index: index, reply: try text(reply, FieldName.reply, kind)))]
        case .approveSelfHandling(let note):
            return [event(.selfHandlingApproved, note: note)]
        case .rejectSelfHandling(let note):
            return [event(.selfHandlingRejected, note: note, stage: start(.accept))]
        case .markOverdue:
            guard let stageClock = snapshot.stageClock else { throw .wrongState(kind, snapshot.state) }
            return [event(.markedOverdue(stage: stageClock.stage, deadline: stageClock.deadline))]
        case .whistle(let id, let whistleKind, let departments, let reason, let jointCases):
            let departments = departments.compactMap { nonBlank($0) }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            guard !departments.isEmpty else { throw .noDepartments(snapshot.state) }
            let id = try text(id, FieldName.whistleID, kind)
            if snapshot.whistleList.contains(where: { $0.id == id }) { throw .whistleAlreadyBlown(id, snapshot.state) }
            let deadline = clock.deadline(from: now, limit: whistleLimits.limit(for: whistleKind), pauses: []).wholeMilliseconds
            let joint = jointCases.filter { $0 != snapshot.number }
            let change = CaseChange.whistled(
                id: id, kind: whistleKind, departments: departments, deadline: deadline, jointCases: joint,
                reason: try text(reason, FieldName.reason, kind)
            )
            return [event(change)]
        case .checkIn(let whistleID, let note):
            guard case let (whistle, summons)? = snapshot.summons(
                of: actor.departmentCode, whistleID: whistleID, where: { $0.isActive && $0.checkedInAt == nil }
            ) else { throw .alreadyCheckedIn(snapshot.state) }
            let late = now > whistle.checkInDeadline
            return [event(.checkedIn(whistleID: whistle.id, department: summons.departmentCode, late: late), note: note)]
        case .reportWhistle(let report, let whistleID, let photos):
            guard case let (whistle, summons)? = snapshot.summons(
                of: actor.departmentCode, whistleID: whistleID, where: { $0.isActive && $0.checkedInAt != nil }
            ) else { throw .notCheckedIn(snapshot.state) }
            let report = try text(report, FieldName.report, kind)
            return [event(.whistleReported(whistleID: whistle.id, department: summons.departmentCode, report: report), attachments: photos)]
        case .releaseSummons(let department, let reason):
            guard case let (whistle, summons)? = snapshot.summons(of: nonBlank(department), where: \.isActive) else {
                throw .noSummons(kind, snapshot.state)
            }
            let reason = try text(reason, FieldName.reason, kind)
            return [event(.summonsReleased(whistleID: whistle.id, department: summons.departmentCode, reason: reason))]
        case .rateSummons(let department, let satisfaction, let note):
            guard case let (whistle, summons)? = snapshot.summons(
                of: nonBlank(department), where: { $0.reportedAt != nil && $0.rating == nil }
            ) else { throw .noSummons(kind, snapshot.state) }
            return [event(.summonsRated(whistleID: whistle.id, department: summons.departmentCode, satisfaction: satisfaction), note: note)]
        case .publishText(let note):
            return [event(.textPublished, note: note)]
        case .markMissedCheckIn:
            let missed = snapshot.missedCheckIns(at: now)
            guard !missed.isEmpty else { throw .noMissedCheckIn(snapshot.state) }
            return missed.map { whistle, summons in
                event(.checkInMissed(whistleID: whistle.id, department: summons.departmentCode, deadline: whistle.checkInDeadline))
            }
        }
    }

    private func event(
        _ change: CaseChange,
        note: String? = nil,
        attachments: [String] = [],
        stage: StageClock? = nil
    ) -> CaseEvent {
        CaseEvent(
            change: change,
            actorID: actor.id,
            actorRole: actor.role,
            actorName: actor.name,
            at: now,
            note: nonBlank(note),
            attachments: attachments,
            stage: stage
        )
    }

    /// A fresh clock for `stage`, starting now.
    private func start(_ stage: CaseStage) -> StageClock {
        StageClock.start(
            stage,
            at: now,
            limit: limits.limit(for: stage, urgency: snapshot.urgency, disposal: snapshot.disposalLimit),
            pauses: snapshot.pauses(until: now),
            clock: clock
        )
    }

    private func owner(_ kind: CaseActionKind) throws(WorkflowRefusal) -> CaseOwner {
        guard let owner = snapshot.currentOwner else { throw .notOwner(kind, owner: nil, snapshot.state) }
        return owner
    }

    private func text(_ value: String?, _ field: String, _ kind: CaseActionKind) throws(WorkflowRefusal) -> String {
        guard let value = nonBlank(value) else { throw .missing(kind, field, snapshot.state) }
        return value
    }

    private func nonBlank(_ value: String?) -> String? {
        guard let trimmed = value?.trimmingWhitespace, !trimmed.isEmpty else { return nil }
        return trimmed
    }
}
