import Foundation
import Xiuhua
import XiuhuaGeo
import XiuhuaStore

/// One simulation in progress: the open cases in memory, the agenda of what happens next,
/// and the day's batch of events waiting to be written.
struct SimulationRun {
    /// Something due on the virtual clock.
    enum Job {
        case intake(SimulatedArrival, number: String)
        /// A step planned while the case was in `plannedIn`.
        case step(String, SimulatedStep, plannedIn: CaseState)
        /// The overdue scheduler's scan.
        case tick
    }

    /// A case the simulation still acts on.
    struct OpenCase {
        var snapshot: CaseSnapshot
        /// The version and last hash written to the store so far.
        var storedVersion: Int
        var lastHash: String?
        /// The case's own random stream.
        var random: SplitMix64
        /// Nobody will act on it again; it leaves memory after the day is written.
        var finished = false
        /// Refused steps in a row; a simulated person gives up after a few.
        var refusals = 0
        /// Marked overdue at some stage already.
        var overdue = false
    }

    let services: XiuhuaServices
    let options: SimulationOptions
    let policy: SimulationPolicy
    var cast: SimulationCast
    private(set) var summary = SimulationSummary()
    private var cases: [String: OpenCase] = [:]
    private var agenda = SimulationAgenda<Job>()
    private var deadlines = SimulationAgenda<String>()
    private var checkInDeadlines = SimulationAgenda<String>()
    private var batch = CaseBatch()

    init(services: XiuhuaServices, options: SimulationOptions, policy: SimulationPolicy, cast: SimulationCast) {
        self.services = services
        self.options = options
        self.policy = policy
        self.cast = cast
    }

    var openCount: Int { cases.count }

    /// Runs the virtual clock through one day: the day's reports, every step due, and the
    /// overdue scans.
    mutating func simulateDay(from dayStart: Date, to dayEnd: Date, arrivals: [(SimulatedArrival, String)]) async {
        for (arrival, number) in arrivals {
            agenda.add(.intake(arrival, number: number), at: arrival.at)
        }
        let tick = TimeInterval(max(1, options.tickMinutes) * 60)
        var at = dayStart
        while at < dayEnd {
            agenda.add(.tick, at: at)
            at += tick
        }
        var handled = 0
        while case let (now, job)? = agenda.pop(before: dayEnd) {
            // A day is long work on a few cooperative threads; let a server sharing the
            // process answer its requests meanwhile.
            handled += 1
            if handled % 2_000 == 0 { await Task.yield() }
            switch job {
            case .intake(let arrival, let number): file(arrival, number: number, at: now)
            case .step(let number, let step, let plannedIn): perform(step, on: number, plannedIn: plannedIn, at: now)
            case .tick: markOverdue(at: now)
            }
        }
    }

    /// Writes the day's events in one transaction and forgets the cases that are done.
    mutating func commitDay() async throws {
        let written = batch
        batch = CaseBatch()
        let hashes = try await services.store.commit(written, clock: services.calendar)
        for entry in written.entries {
            let number = entry.snapshot.number
            guard let hash = hashes[number] else { continue }
            summary.digest = Self.fold(summary.digest, hash)
            cases[number]?.lastHash = hash
            cases[number]?.storedVersion = entry.snapshot.version
        }
        cases = cases.filter { !$0.value.finished }
    }

    // MARK: - Jobs

    private mutating func file(_ arrival: SimulatedArrival, number: String, at now: Date) {
        var intake = arrival.intake
        intake.number = number
        intake.ticketCode = SimulationText.ticketCode(seed: options.seed, number: number)
        let reporter: Actor? = switch intake.source {
        case .hotline: cast.operatorActor
        case .patrol: cast.gridWorker(street: intake.location.streetCode)
        case .web: nil
        case .api: cast.apiSystem
        }
        guard case .success(let event) = Workflow.report(intake, by: reporter, at: now, clock: services.calendar),
              let snapshot = CaseSnapshot(reported: event) else {
            summary.refused += 1
            return
        }
        cases[number] = OpenCase(snapshot: snapshot, storedVersion: 0, random: SplitMix64(seed: arrival.seed))
        batch.record([event], giving: snapshot, storedVersion: 0, previousHash: nil)
        summary.cases += 1
        summary.events += 1
        summary.bySource[intake.source, default: 0] += 1
        summary.byState[snapshot.state, default: 0] += 1
        trackDeadline(of: snapshot)
        plan(number, at: now)
    }

    private mutating func perform(_ step: SimulatedStep, on number: String, plannedIn: CaseState, at now: Date) {
        guard let snapshot = cases[number]?.snapshot else { return }
        if snapshot.state == plannedIn {
            let actor = actor(for: step.performer, on: snapshot)
            if apply(step.action, by: actor, on: number, at: now) {
                cases[number]?.refusals = 0
            } else {
                summary.refused += 1
                cases[number]?.refusals += 1
                if cases[number]?.refusals ?? 0 >= 3 {
                    cases[number]?.finished = true
                    return
                }
            }
        }
        plan(number, at: now)
    }

    /// As `OverdueScheduler.tick`: every open case past its stage deadline is marked once
    /// and its owner urged.
    private mutating func markOverdue(at now: Date) {
        while case let (_, number)? = checkInDeadlines.pop(before: now) {
            _ = apply(.markMissedCheckIn, by: OverdueScheduler.actor, on: number, at: now)
        }
        while case let (deadline, number)? = deadlines.pop(before: now) {
            guard let snapshot = cases[number]?.snapshot, snapshot.stageDeadline == deadline, snapshot.isOverdue(at: now) else {
                continue
            }
            if apply(.markOverdue, by: OverdueScheduler.actor, on: number, at: now), let marked = cases[number]?.snapshot {
                summary.overdueMarks += 1
                if cases[number]?.overdue == false {
                    cases[number]?.overdue = true
                    summary.overdueCases += 1
                }
                _ = apply(OverdueScheduler.reminder(for: marked), by: OverdueScheduler.actor, on: number, at: now)
            }
        }
    }

    // MARK: - Workflow

    /// Lets the workflow decide `action`; on success the events join the day's batch.
    @discardableResult
    private mutating func apply(_ action: CaseAction, by actor: Actor, on number: String, at now: Date) -> Bool {
        guard var open = cases[number] else { return false }
        guard case .success(let events) = Workflow.decide(open.snapshot, action, by: actor, at: now, clock: services.calendar) else {
            return false
        }
        let before = open.snapshot.state
        let next = events.reduce(open.snapshot) { $0.applying($1) }
        batch.record(events, giving: next, storedVersion: open.storedVersion, previousHash: open.lastHash)
        open.snapshot = next
        cases[number] = open
        summary.events += events.count
        for event in events {
            switch event.change {
            case .whistled(_, _, _, let deadline, _, _):
                summary.whistles += 1
                checkInDeadlines.add(number, at: deadline)
            case .checkInMissed: summary.missedCheckIns += 1
            default: break
            }
        }
        if next.state != before {
            summary.byState[before, default: 0] -= 1
            summary.byState[next.state, default: 0] += 1
        }
        if events.contains(where: { $0.stage != nil }) { trackDeadline(of: next) }
        return true
    }

    /// Schedules the case's next step, or marks it finished when nobody will act again.
    private mutating func plan(_ number: String, at now: Date) {
        guard var open = cases[number] else { return }
        if let step = policy.nextStep(for: open.snapshot, at: now, random: &open.random) {
            let when = policy.performed(step, plannedAt: now.addingTimeInterval(step.delay), random: &open.random)
            agenda.add(.step(number, step, plannedIn: open.snapshot.state), at: when)
        } else {
            open.finished = true
        }
        cases[number] = open
    }

    private mutating func trackDeadline(of snapshot: CaseSnapshot) {
        guard snapshot.state.isOpen, let deadline = snapshot.stageDeadline else { return }
        deadlines.add(snapshot.number, at: deadline)
    }

    private mutating func actor(for performer: SimulatedStep.Performer, on snapshot: CaseSnapshot) -> Actor {
        switch performer {
        case .operator: cast.operatorActor
        case .gridWorker: cast.gridWorker(street: snapshot.location.streetCode)
        case .dutyChief: cast.dutyChief
        case .dispatcher: cast.dispatcher
        case .owner: snapshot.currentOwner.map { cast.owner($0) } ?? cast.dispatcher
        case .street: cast.street(snapshot.location.streetCode ?? "")
        case .department(let code): cast.department(code)
        }
    }

    /// FNV-1a over the digest so far and the next hash: order-sensitive and stable.
    private static func fold(_ digest: String, _ hash: String) -> String {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in (digest + hash).utf8 {
            value = (value ^ UInt64(byte)) &* 0x100_0000_01B3
        }
        return String(value, radix: 16)
    }
}
