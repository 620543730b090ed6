import Foundation

extension CaseFacts {
    /// Starts the facts from a case's first event; nil unless it is `reported`.
    public init?(reported event: CaseEvent) {
        guard case .reported(let intake, _) = event.change else { return nil }
        number = intake.number
        source = intake.source
        categoryCode = intake.categoryCode
        commandCode = intake.subCommandCode
        streetCode = intake.location.streetCode
        communityCode = intake.location.communityCode
        gridCode = intake.location.gridCode
        reportedAt = event.at
        reporterID = event.actorID
        reporterRole = event.actorRole
        firstDispatchReturned = false
        disposalLate = false
        suspensions = []
        lastEventAt = event.at
        clock = event.stage
    }

    /// Folds a whole history; nil when it does not start with `reported`.
    public static func replay(_ events: some Sequence<CaseEvent>) -> CaseFacts? {
        var iterator = events.makeIterator()
        guard let first = iterator.next(), var facts = CaseFacts(reported: first) else { return nil }
        while let event = iterator.next() { facts.apply(event) }
        return facts
    }

    /// The facts after `event`.
    public func applying(_ event: CaseEvent) -> CaseFacts {
        var next = self
        next.apply(event)
        return next
    }

    /// Folds one event in. Whether a stage was done on time is judged against the clock in
    /// force *before* the event, because the event that completes a stage starts the next.
    public mutating func apply(_ event: CaseEvent) {
        let onTime = clock.map { event.at <= $0.deadline } ?? true
        let done = StageCompletion(at: event.at, actorID: event.actorID, actorRole: event.actorRole, onTime: onTime)
        switch event.change {
        case .reported:
            return
        case .verified(let real):
            if verification == nil { verification = done; verifiedReal = real }
            respond(done)
        case .accepted:
            if acceptance == nil { acceptance = done }
            respond(done)
        case .selfHandlingApproved:
            if acceptance == nil { acceptance = done }
            if closing == nil { closing = done }
            respond(done)
        case .rejected:
            rejectedAt = rejectedAt ?? event.at
            respond(done)
        case .selfHandlingRejected:
            respond(done)
        case .cancelled, .merged:
            // A duplicate merged into another case leaves the cohorts as a cancelled one does.
            cancelledAt = cancelledAt ?? event.at
        case .dispatched(let owner, _):
            if dispatch == nil { dispatch = done }
            self.owner = owner
        case .returned:
            // The first return can only undo the first dispatch.
            if disposal == nil, dispatch != nil { firstDispatchReturned = true }
        case .handled:
            if disposal == nil { disposal = done }
            if !onTime { disposalLate = true }
        case .checked:
            if check == nil { check = done }
        case .reworked(let owner, _):
            reworkedAt = reworkedAt ?? event.at
            self.owner = owner
        case .closed:
            if closing == nil { closing = done }
        case .rated(let rating):
            if self.rating == nil {
                self.rating = rating
                ratedAt = event.at
                // Only two voices may rate (`ActionRule`): the citizen through the ticket,
                // or an operator recording a phone follow-up.
                ratedByPhone = event.actorRole == .operator
            }
        case .reopened(let owner, _):
            if let owner { self.owner = owner }
        case .extensionApproved:
            extendedAt = extendedAt ?? event.at
        case .suspensionApproved:
            suspensions.append(Suspension(start: event.at))
        case .resumed:
            if let last = suspensions.indices.last, suspensions[last].end == nil { suspensions[last].end = event.at }
        case .markedOverdue(let stage, _):
            if stage == .disposal { disposalLate = true }
        case .whistled(let id, _, let departments, _, _, _):
            summons = (summons ?? []) + departments.map { SummonsFact(whistleID: id, departmentCode: $0) }
        case .checkedIn(let id, let department, let late):
            settleSummons(id, department, at: event.at, onTime: !late)
        case .checkInMissed(let id, let department, _):
            settleSummons(id, department, at: event.at, onTime: false)
        case .cancelRequested, .cancelDenied, .extensionRequested, .extensionDenied, .suspensionRequested,
             .suspensionDenied, .urged, .supervised, .supervisionReplied, .whistleReported, .summonsReleased, .summonsRated, .absorbed,
             .textPublished:
            break
        }
        if let stage = event.stage {
            clock = stage
            // The first disposal stage's deadline, as dispatch set it and extensions or a
            // resumed suspension moved it, until the first feedback ends that stage.
            if stage.stage == .disposal, disposal == nil { disposalDeadline = stage.deadline }
        }
        lastEventAt = event.at
    }

    private mutating func settleSummons(_ id: String, _ department: String, at instant: Date, onTime: Bool) {
        guard var list = summons,
              let index = list.firstIndex(where: { $0.whistleID == id && $0.departmentCode == department && $0.settledAt == nil })
        else { return }
        list[index].settledAt = instant
        list[index].onTime = onTime
        summons = list
    }

    private mutating func respond(_ done: StageCompletion) {
        if firstResponse == nil { firstResponse = done }
    }
}
