import Foundation
import XiuhuaGeo

/// The people of the simulated district: given where a case stands, what the next person
/// does and when. Each case draws from its own random stream, so adding a case does not
/// change the fate of the others. Pure; the driver applies each step through the real
/// workflow, which may still refuse it.
public struct SimulationPolicy: Sendable {
    public let mix: SimulationMix
    public let timeZone: TimeZone
    /// Field work starts at this local hour and stops before `fieldDayEnd`.
    public var fieldDayStart = 8
    public var fieldDayEnd = 20

    public init(mix: SimulationMix, timeZone: TimeZone) {
        self.mix = mix
        self.timeZone = timeZone
    }

    /// The next step for `snapshot` at `now`, or nil when nobody will act on it again.
    public func nextStep(for snapshot: CaseSnapshot, at now: Date, random: inout SplitMix64) -> SimulatedStep? {
        switch snapshot.state {
        case .reported:
            // 监督员 work in shifts around the clock, so verification keeps its wall-clock limit.
            let real = !random.chance(mix.untrue)
            let pace = paced(snapshot, at: now, late: mix.fieldLate, random: &random)
            return SimulatedStep(after: pace.delay, .gridWorker, .verify(real: real, note: real ? nil : SimulationText.untrue), notAfter: pace.notAfter)
        case .selfHandledReview:
            if random.chance(mix.selfHandlingRejected) {
                return SimulatedStep(after: random.minutes(5, 40), .dutyChief, .rejectSelfHandling(note: SimulationText.selfHandlingRejected))
            }
            return SimulatedStep(after: random.minutes(5, 40), .dutyChief, .approveSelfHandling())
        case .awaitingAcceptance:
            if snapshot.verifiedReal == false {
                return SimulatedStep(after: random.minutes(5, 30), .dutyChief, .reject(reason: SimulationText.untrue))
            }
            return SimulatedStep(after: centreDelay(&random), .dutyChief, .accept())
        case .awaitingDispatch:
            if snapshot.previousOwners.isEmpty, random.chance(mix.duplicateCancel) {
                return SimulatedStep(after: random.minutes(5, 20), .dispatcher, .requestCancel(reason: SimulationText.duplicate))
            }
            return SimulatedStep(after: centreDelay(&random), .dispatcher, .dispatch(to: dispatchTarget(snapshot)))
        case .cancelRequested:
            return SimulatedStep(after: random.minutes(5, 30), .dutyChief, .approveCancel())
        case .dispatched:
            return ownerStep(snapshot, at: now, random: &random)
        case .extensionRequested:
            let approve = random.chance(mix.extensionApproved)
            return SimulatedStep(after: random.minutes(10, 60), .dispatcher, approve ? .approveExtension() : .denyExtension(note: "请按原时限办理"))
        case .suspensionRequested:
            let approve = random.chance(mix.suspensionApproved)
            return SimulatedStep(after: random.minutes(10, 90), .dispatcher, approve ? .approveSuspension() : .denySuspension(note: "请先行处置"))
        case .suspended:
            return SimulatedStep(after: random.minutes(24 * 60, 4 * 24 * 60), .dispatcher, .resume(note: "条件已具备，恢复办理"))
        case .handled:
            let passed = !random.chance(mix.checkFailed)
            let pace = paced(snapshot, at: now, late: mix.fieldLate, random: &random)
            return SimulatedStep(
                after: pace.delay, .gridWorker, .check(passed: passed, note: passed ? nil : SimulationText.checkFailed), notAfter: pace.notAfter
            )
        case .checkPassed:
            return SimulatedStep(after: random.minutes(5, 50), .dutyChief, .close())
        case .closed:
            guard snapshot.source.isPublic, random.chance(mix.rated) else { return nil }
            let satisfaction: Rating.Satisfaction =
                random.chance(mix.unsatisfied) ? .unsatisfied : random.chance(0.2) ? .basicallySatisfied : .satisfied
            let fixed = !random.chance(mix.notFixed)
            return SimulatedStep(after: random.minutes(4 * 60, 48 * 60), .operator, .rate(Rating(satisfaction: satisfaction, fixed: fixed)))
        case .rated, .rejected, .cancelled, .merged:
            return nil
        }
    }

    /// When a step planned for `instant` really happens: field work waits for daylight.
    public func performed(_ step: SimulatedStep, plannedAt instant: Date, random: inout SplitMix64) -> Date {
        guard step.isFieldWork else { return instant }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let hour = calendar.component(.hour, from: instant)
        if hour >= fieldDayStart, hour < fieldDayEnd { return instant }
        var morning = calendar.date(bySettingHour: fieldDayStart, minute: 0, second: 0, of: instant) ?? instant
        if hour >= fieldDayEnd { morning = morning.addingTimeInterval(24 * 3600) }
        let daylight = morning.addingTimeInterval(random.minutes(0, 90))
        if let notAfter = step.notAfter, daylight > notAfter { return max(instant, notAfter) }
        return daylight
    }

    /// The centre usually acts within the 30-minute stage limit; now and then it is late.
    private func centreDelay(_ random: inout SplitMix64) -> TimeInterval {
        random.chance(mix.centreLate) ? random.minutes(35, 120) : random.minutes(3, 25)
    }

    /// How long a person takes at the current stage: most finish within its deadline, at
    /// some share of the time left; with probability `late` they overrun it. The instant
    /// returned with an on-time delay is the deadline, which field work must not pass.
    private func paced(_ snapshot: CaseSnapshot, at now: Date, late: Double, random: inout SplitMix64) -> (delay: TimeInterval, notAfter: Date?) {
        guard let deadline = snapshot.stageDeadline else { return (random.minutes(20, 90), nil) }
        let remaining = max(600, deadline.timeIntervalSince(now))
        if random.chance(late) { return ((remaining * random.next(in: 1.05, 2.0)).rounded(), nil) }
        return ((remaining * random.next(in: 0.1, 0.9)).rounded(), deadline.addingTimeInterval(-60))
    }

    private func ownerStep(_ snapshot: CaseSnapshot, at now: Date, random: inout SplitMix64) -> SimulatedStep {
        if let step = whistleStep(snapshot, at: now, random: &random) { return step }
        if snapshot.previousOwners.isEmpty, snapshot.reworkCount == 0, random.chance(mix.returned) {
            return SimulatedStep(after: random.minutes(15, 120), .owner, .return(reason: SimulationText.returned))
        }
        if snapshot.extensionCount == 0, random.chance(mix.extensionRequested) {
            return SimulatedStep(after: random.minutes(30, 180), .owner, .requestExtension(.extraTime(.hours(4)), reason: SimulationText.extension_))
        }
        if snapshot.suspensions.isEmpty, random.chance(mix.suspensionRequested) {
            return SimulatedStep(after: random.minutes(30, 240), .owner, .requestSuspension(reason: SimulationText.suspension))
        }
        // Owners work towards the deadline; a minority overrun it.
        let pace = paced(snapshot, at: now, late: mix.late, random: &random)
        let note = SimulationText.handled[random.int(in: 0...(SimulationText.handled.count - 1))]
        return SimulatedStep(
            after: pace.delay, .owner, .handle(note: note, photos: ["sim-after-\(random.next() % 1_000_000)"]), field: true, notAfter: pace.notAfter
        )
    }

    /// 吹哨报到 on a street's case: the street summons departments; each checks in (some
    /// late), reports, and is rated by the street before the street finishes the case.
    private func whistleStep(_ snapshot: CaseSnapshot, at now: Date, random: inout SplitMix64) -> SimulatedStep? {
        if case let (whistle, summons)? = snapshot.activeSummons.first {
            let department = SimulatedStep.Performer.department(summons.departmentCode)
            guard summons.checkedInAt == nil else {
                return SimulatedStep(after: random.minutes(30, 240), department, .reportWhistle(report: SimulationText.whistleReport, whistleID: whistle.id))
            }
            let left = max(60, whistle.checkInDeadline.timeIntervalSince(now))
            let delay = random.chance(mix.missedCheckIn) ? left + random.minutes(10, 90) : (left * random.next(in: 0.2, 0.95)).rounded()
            return SimulatedStep(after: delay, department, .checkIn(whistleID: whistle.id))
        }
        if let summons = snapshot.whistleList.flatMap(\.summons).first(where: { $0.reportedAt != nil && $0.rating == nil }) {
            let satisfaction: Rating.Satisfaction = summons.checkInMissed ? .unsatisfied : random.chance(0.8) ? .satisfied : .basicallySatisfied
            return SimulatedStep(after: random.minutes(10, 60), .owner, .rateSummons(department: summons.departmentCode, satisfaction: satisfaction))
        }
        guard snapshot.currentOwner?.kind == .street, snapshot.whistleList.isEmpty, random.chance(mix.whistle) else { return nil }
        let kind = WhistleKind.allCases[random.pick(weights: [0.3, 0.4, 0.3])]
        var departments: [String] = []
        for _ in 0..<random.int(in: 1...3) {
            let code = SimulationText.summonedDepartments[random.int(in: 0...(SimulationText.summonedDepartments.count - 1))]
            if !departments.contains(code) { departments.append(code) }
        }
        return SimulatedStep(
            after: random.minutes(20, 120), .owner,
            .whistle(id: "W\(snapshot.number)-\(snapshot.whistleList.count + 1)", kind: kind, departments: departments, reason: SimulationText.whistleReason(kind))
        )
    }

    /// The suggested owner first; after a return, someone who has not yet returned it.
    private func dispatchTarget(_ snapshot: CaseSnapshot) -> CaseOwner {
        let street = snapshot.location.streetCode.map(CaseOwner.street)
        let candidates = [snapshot.suggestedOwner, street, .department("chengguan")].compactMap { $0 }
        return candidates.first { !snapshot.previousOwners.contains($0) } ?? candidates[0]
    }
}
