import Foundation

extension CaseSnapshot {
    /// Starts a case from its first event; nil unless the event is `reported`.
    public init?(reported event: CaseEvent) {
        guard case .reported(let intake, let initialState) = event.change else { return nil }
        number = intake.number
        ticketCode = intake.ticketCode
        source = intake.source
        categoryCode = intake.categoryCode
        urgency = intake.urgency
        disposalLimit = intake.disposalLimit
        suggestedOwner = intake.suggestedOwner
        subCommandCode = intake.subCommandCode
        location = intake.location
        description = intake.description
        photos = intake.photos
        reporterName = intake.reporterName
        reporterPhone = intake.reporterPhone
        selfHandled = intake.selfHandled
        attributes = intake.attributes
        state = initialState
        stageClock = event.stage
        pendingRequest = nil
        verifiedReal = nil
        currentOwner = nil
        previousOwners = []
        dispatchCount = 0
        reworkCount = 0
        extensionCount = 0
        suspensions = []
        rating = nil
        reopenedCount = 0
        urgeCount = 0
        supervisions = []
        overdueMarks = []
        whistles = nil
        createdAt = event.at
        acceptedAt = nil
        dispatchedAt = nil
        handledAt = nil
        closedAt = nil
        lastEventAt = event.at
        version = 1
    }

    /// Folds a whole history into the current state. Nil when the history is empty, does
    /// not start with `reported`, or reports the case a second time.
    public static func replay(_ events: some Sequence<CaseEvent>) -> CaseSnapshot? {
        var iterator = events.makeIterator()
        guard let first = iterator.next(), var snapshot = CaseSnapshot(reported: first) else { return nil }
        while let event = iterator.next() {
            if event.kind == .reported { return nil }
            snapshot = snapshot.applying(event)
        }
        return snapshot
    }

    /// The case after `event`. The fold trusts the event: checking is the workflow's job.
    /// A second `reported` event is not a valid history and leaves the snapshot unchanged.
    public func applying(_ event: CaseEvent) -> CaseSnapshot {
        if event.kind == .reported { return self }
        var next = self
        next.version += 1
        next.lastEventAt = event.at
        if let stage = event.stage { next.stageClock = stage }
        next.apply(event.change, by: event.actorID, at: event.at)
        if !next.state.isOpen { next.stageClock = nil }
        return next
    }

    private mutating func apply(_ change: CaseChange, by actorID: String?, at: Date) {
        switch change {
        case .reported:
            break
        case .verified(let real):
            verifiedReal = real
            state = .awaitingAcceptance
        case .accepted:
            acceptedAt = at
            state = .awaitingDispatch
        case .rejected:
            state = .rejected
        case .cancelRequested(let reason):
            request(.cancel, reason: reason, by: actorID, at: at)
            state = .cancelRequested
        case .cancelled:
            pendingRequest = nil
            state = .cancelled
        case .cancelDenied, .extensionDenied, .suspensionDenied:
            state = pendingRequest?.returnState ?? state
            pendingRequest = nil
        case .dispatched(let owner, _):
            currentOwner = owner
            dispatchCount += 1
            dispatchedAt = at
            state = .dispatched
        case .returned(let owner, _):
            previousOwners.append(owner)
            currentOwner = nil
            state = .awaitingDispatch
        case .handled:
            handledAt = at
            state = .handled
        case .checked(let passed):
            // A failed check is followed by `reworked`, which moves the case on.
            if passed { state = .checkPassed }
        case .reworked(let owner, let count):
            reworkCount = count
            currentOwner = owner
            state = .dispatched
        case .closed, .selfHandlingApproved:
            closedAt = at
            state = .closed
        case .rated(let rating):
            self.rating = rating
            state = .rated
        case .reopened(let owner, let count):
            reopenedCount = count
            currentOwner = owner
            closedAt = nil
            // A self-handled case has no owner yet; it goes to the dispatcher instead.
            state = owner == nil ? .awaitingDispatch : .dispatched
        case .extensionRequested(let deadlineExtension, let reason):
            request(.extension, reason: reason, extension: deadlineExtension, by: actorID, at: at)
            state = .extensionRequested
        case .extensionApproved:
            extensionCount += 1
            state = pendingRequest?.returnState ?? .dispatched
            pendingRequest = nil
        case .suspensionRequested(let reason):
            request(.suspension, reason: reason, by: actorID, at: at)
            state = .suspensionRequested
        case .suspensionApproved:
            suspensions.append(Suspension(start: at))
            pendingRequest = nil
            state = .suspended
        case .resumed:
            if let last = suspensions.indices.last, suspensions[last].end == nil {
                suspensions[last].end = at
            }
            state = .dispatched
        case .urged:
            urgeCount += 1
        case .supervised(let level, let order):
            supervisions.append(Supervision(level: level, order: order, supervisorID: actorID, issuedAt: at))
        case .supervisionReplied(let index, let reply):
            if supervisions.indices.contains(index) {
                supervisions[index].reply = reply
                supervisions[index].repliedAt = at
            }
        case .selfHandlingRejected:
            state = .awaitingAcceptance
        case .markedOverdue(let stage, let deadline):
            overdueMarks.append(OverdueMark(stage: stage, deadline: deadline))
        case .whistled(let id, let kind, let departments, let deadline, let jointCases, let reason):
            let whistle = Whistle(
                id: id, kind: kind, reason: reason, calledBy: actorID, calledAt: at, checkInDeadline: deadline,
                jointCases: jointCases, summons: departments.map(Summons.init(departmentCode:))
            )
            whistles = (whistles ?? []) + [whistle]
        case .checkedIn(let id, let department, _):
            updateSummons(id, department) { $0.checkedInAt = at }
        case .whistleReported(let id, let department, let report):
            updateSummons(id, department) {
                $0.reportedAt = at
                $0.report = report
            }
        case .summonsReleased(let id, let department, let reason):
            updateSummons(id, department) {
                $0.releasedAt = at
                $0.releaseReason = reason
            }
        case .summonsRated(let id, let department, let satisfaction):
            updateSummons(id, department) { $0.rating = satisfaction }
        case .checkInMissed(let id, let department, _):
            updateSummons(id, department) { $0.checkInMissed = true }
        case .merged(let into):
            pendingRequest = nil
            mergedInto = into
            state = .merged
        case .absorbed(_, let followers):
            self.followers = (self.followers ?? []) + followers
        case .textPublished:
            textPublished = true
        }
    }

    private mutating func request(
        _ kind: PendingRequest.Kind,
        reason: String,
        extension deadlineExtension: DeadlineExtension? = nil,
        by actorID: String?,
        at: Date
    ) {
        pendingRequest = PendingRequest(
            kind: kind,
            reason: reason,
            deadlineExtension: deadlineExtension,
            returnState: state,
            requestedBy: actorID,
            requestedAt: at
        )
    }
}
