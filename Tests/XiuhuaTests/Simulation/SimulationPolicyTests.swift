import Foundation
import Testing
import Xiuhua
import XiuhuaGeo

/// The pure half of the simulator: what comes in, and what people do next.
@Suite("Simulation generator and policy")
struct SimulationPolicyTests {
    static let places = (1...50).map {
        SimulationPlace(gridCode: "G\($0)", communityCode: "C1", streetCode: "S\($0 % 3)", name: "红旗街", latitude: 40.1, longitude: 113.3)
    }
    static let generator = IntakeGenerator(
        mix: .standard, catalog: .national, places: places, timeZone: WorkCalendar.chinaStandardTime
    )!

    @Test("a seed gives the same day twice; reports follow the channel, category and hour mix")
    func arrivals() throws {
        var a = SplitMix64(seed: 42)
        var b = SplitMix64(seed: 42)
        let dayStart = Date(timeIntervalSince1970: 1_790_000_000)
        let first = Self.generator.arrivals(dayStart: dayStart, count: 4_000, random: &a)
        let second = Self.generator.arrivals(dayStart: dayStart, count: 4_000, random: &b)
        #expect(first == second)
        #expect(first.map(\.at) == first.map(\.at).sorted())
        #expect(first.allSatisfy { $0.at >= dayStart && $0.at < dayStart.addingTimeInterval(86_400) })
        let byCategory = Dictionary(grouping: first, by: \.intake.categoryCode).mapValues(\.count)
        // The street-order and refuse matters dominate, as in the district's real intake.
        #expect(byCategory["09006", default: 0] > byCategory["06028", default: 0] * 3)
        #expect(byCategory["06010", default: 0] > byCategory["08001", default: 0] * 4)
        let patrol = first.filter { $0.intake.source == .patrol }
        #expect((1_400...1_800).contains(patrol.count))
        #expect(patrol.allSatisfy { !$0.intake.photos.isEmpty && $0.intake.location.hasPosition })
        #expect(first.filter { $0.intake.selfHandled }.allSatisfy { $0.intake.source == .patrol })
    }

    @Test("every step the policy plans for a case is one the workflow accepts from its performer")
    func stepsAreAllowed() throws {
        let policy = SimulationPolicy(mix: .standard, timeZone: WorkCalendar.chinaStandardTime)
        var random = SplitMix64(seed: 3)
        let arrivals = Self.generator.arrivals(dayStart: Fixture.start, count: 300, random: &random)
        var terminal = 0
        for arrival in arrivals {
            var caseRandom = SplitMix64(seed: arrival.seed)
            var intake = arrival.intake
            intake.number = "N"
            intake.ticketCode = "T"
            let reporter: Actor? = intake.source == .web ? nil : Fixture.reporter(for: intake.source)
            var now = arrival.at
            var snapshot = try #require(CaseSnapshot(reported: try Workflow.report(intake, by: reporter, at: now, clock: Fixture.clock).get()))
            var steps = 0
            while let step = policy.nextStep(for: snapshot, at: now, random: &caseRandom), steps < 60 {
                now = policy.performed(step, plannedAt: now.addingTimeInterval(step.delay), random: &caseRandom)
                let actor = Self.actor(step.performer, snapshot)
                let events = try Workflow.decide(snapshot, step.action, by: actor, at: now, clock: Fixture.clock).get()
                snapshot = events.reduce(snapshot) { $0.applying($1) }
                steps += 1
            }
            if !snapshot.state.isOpen { terminal += 1 }
        }
        #expect(terminal == arrivals.count)
    }

    @Test("ticket codes are stable for a seed and number, and differ across numbers")
    func tickets() {
        #expect(SimulationText.ticketCode(seed: 1, number: "PC2026100100001") == SimulationText.ticketCode(seed: 1, number: "PC2026100100001"))
        #expect(SimulationText.ticketCode(seed: 1, number: "PC2026100100001") != SimulationText.ticketCode(seed: 1, number: "PC2026100100002"))
        #expect(SimulationText.ticketCode(seed: 1, number: "PC2026100100001").count == 10)
    }

    static func actor(_ performer: SimulatedStep.Performer, _ snapshot: CaseSnapshot) -> Actor {
        switch performer {
        case .operator: Fixture.operatorActor
        case .gridWorker: Actor(id: "gw", name: "网格员", role: .gridWorker, gridCodes: snapshot.location.gridCode.map { [$0] } ?? [])
        case .dutyChief: Fixture.dutyChief
        case .dispatcher: Fixture.dispatcher
        case .owner:
            snapshot.currentOwner.map { owner in
                owner.kind == .department
                    ? Actor(id: "d", name: "部门", role: .departmentHandler, departmentCode: owner.code)
                    : Actor(id: "s", name: "街道", role: .streetOfficer, streetCodes: [owner.code])
            } ?? Fixture.dispatcher
        case .street: Actor(id: "s", name: "街道", role: .streetOfficer, streetCodes: [snapshot.location.streetCode ?? ""])
        case .department(let code): Actor(id: "d", name: "部门", role: .departmentHandler, departmentCode: code)
        }
    }
}
