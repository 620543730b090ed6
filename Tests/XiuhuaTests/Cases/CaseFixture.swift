import Foundation
import Testing
import Xiuhua
import XiuhuaTestSupport

/// People, an intake and a running history for workflow tests.
enum Fixture {
    static let start = Date(timeIntervalSince1970: 1_790_000_000)
    static let clock = NaturalClock()

    static let operatorActor = Actor(id: "op-1", name: "王受理", role: .operator)
    static let gridWorker = Actor(id: "gw-1", name: "李网格", role: .gridWorker, gridCodes: ["G1"])
    static let dutyChief = Actor(id: "dc-1", name: "赵值班", role: .dutyChief)
    static let dispatcher = Actor(id: "dp-1", name: "钱派遣", role: .dispatcher)
    static let streetOfficer = Actor(id: "so-1", name: "孙街道", role: .streetOfficer, streetCodes: ["S1"])
    static let departmentHandler = Actor(id: "dh-1", name: "周环卫", role: .departmentHandler, departmentCode: "D1")
    static let supervisor = Actor(id: "sv-1", name: "吴督导", role: .supervisor)
    static let admin = Actor(id: "ad-1", name: "郑管理", role: .admin)
    static let citizen = Actor(id: "ci-1", name: "冯市民", role: .citizen)
    static let system = Actor(id: "scheduler", name: "定时任务", role: .system)
    static let healthWorker = Actor(id: "hw-1", name: "卫健人员", role: .healthWorker)

    /// The actor of `role`, scoped to grid G1, street S1 and department D1.
    static func actor(_ role: Role) -> Actor {
        switch role {
        case .operator: operatorActor
        case .gridWorker: gridWorker
        case .dutyChief: dutyChief
        case .dispatcher: dispatcher
        case .streetOfficer: streetOfficer
        case .departmentHandler: departmentHandler
        case .supervisor: supervisor
        case .admin: admin
        case .citizen: citizen
        case .system: system
        case .healthWorker: healthWorker
        }
    }

    static func intake(
        source: CaseSource = .hotline,
        urgency: Urgency = .normal,
        disposal: TimeLimit = .hours(4),
        photos: [String] = [],
        directAcceptance: Bool = false,
        selfHandled: Bool = false,
        number: String = "XH-2026-000001",
        ticketCode: String = "T7Q2K9"
    ) -> CaseIntake {
        CaseIntake(
            number: number,
            ticketCode: ticketCode,
            source: source,
            categoryCode: "06001",
            urgency: urgency,
            disposalLimit: disposal,
            suggestedOwner: .department("D1"),
            subCommandCode: "SC-SRZX",
            location: CaseLocation(
                latitude: 31.2304,
                longitude: 121.4737,
                address: "幸福路12号门口",
                gridCode: "G1",
                communityCode: "C1",
                streetCode: "S1"
            ),
            description: "人行道上堆放建筑垃圾",
            photos: photos,
            reporterName: "张小明",
            reporterPhone: "13812345678",
            directAcceptance: directAcceptance,
            selfHandled: selfHandled
        )
    }

    static func reporter(for source: CaseSource) -> Actor? {
        switch source {
        case .hotline: operatorActor
        case .patrol: gridWorker
        case .web: citizen
        case .api: system
        }
    }
}

/// A case's events and snapshot, advanced one action at a time on a test clock.
struct CaseHistory {
    private(set) var events: [CaseEvent]
    private(set) var snapshot: CaseSnapshot
    var now: Date

    init(_ intake: CaseIntake = Fixture.intake(), at now: Date = Fixture.start) throws {
        let reporter = Fixture.reporter(for: intake.source)
        let first = try Workflow.report(intake, by: reporter, at: now, clock: Fixture.clock).get()
        events = [first]
        snapshot = try #require(CaseSnapshot(reported: first))
        self.now = now
    }

    /// Moves the clock on by `minutes`.
    mutating func wait(minutes: Double) {
        now = now.addingTimeInterval(minutes * 60)
    }

    /// Takes `action` now, folds the events in and returns them; throws the refusal.
    @discardableResult
    mutating func run(_ action: CaseAction, by actor: Actor) throws -> [CaseEvent] {
        let new = try Workflow.decide(snapshot, action, by: actor, at: now, clock: Fixture.clock).get()
        for event in new { snapshot = snapshot.applying(event) }
        events += new
        return new
    }

    /// Merges this case into `survivor` (合并), folding each side's events in.
    mutating func merge(into survivor: inout CaseHistory, by actor: Actor = Fixture.dutyChief, note: String? = nil) throws {
        let decided = try Workflow.merge(snapshot, into: survivor.snapshot, by: actor, at: now, note: note).get()
        fold(decided.duplicate)
        survivor.fold(decided.survivor)
    }

    /// Why merging into `survivor` now is refused, or nil.
    func mergeRefusal(into survivor: CaseSnapshot?, by actor: Actor = Fixture.dutyChief) -> WorkflowRefusal? {
        if case .failure(let refusal) = Workflow.merge(snapshot, into: survivor, by: actor, at: now) { return refusal }
        return nil
    }

    private mutating func fold(_ new: [CaseEvent]) {
        for event in new { snapshot = snapshot.applying(event) }
        events += new
    }

    /// The refusal of `action` now, or nil when it would be allowed.
    func refusal(_ action: CaseAction, by actor: Actor) -> WorkflowRefusal? {
        if case .failure(let refusal) = Workflow.decide(snapshot, action, by: actor, at: now, clock: Fixture.clock) {
            return refusal
        }
        return nil
    }

    /// A history that has reached `state` by the usual path, the owner being `owner`.
    static func reaching(_ state: CaseState, owner: CaseOwner = .department("D1"), supervised: Bool = false) throws -> CaseHistory {
        let selfHandled = state == .selfHandledReview
        let intake = selfHandled
            ? Fixture.intake(source: .patrol, photos: ["patrol.jpg"], selfHandled: true)
            : Fixture.intake()
        var history = try CaseHistory(intake)
        if supervised { try history.run(.supervise(level: 1, order: "请尽快办理"), by: Fixture.supervisor) }
        let path: [(CaseAction, Actor)]
        switch state {
        case .reported, .selfHandledReview: path = []
        case .rejected: path = [(.reject(reason: "不属于城管范围"), Fixture.dutyChief)]
        case .awaitingAcceptance: path = verified
        case .awaitingDispatch: path = verified + accepted
        case .cancelRequested: path = verified + accepted + [(.requestCancel(reason: "重复案件"), Fixture.dispatcher)]
        case .cancelled: path = verified + accepted + [(.approveCancel(reason: "重复案件"), Fixture.dutyChief)]
        case .dispatched: path = dispatched(owner)
        case .extensionRequested:
            path = dispatched(owner) + [(.requestExtension(.extraTime(.hours(2)), reason: "需要调用机械"), handler(owner))]
        case .suspensionRequested: path = dispatched(owner) + [(.requestSuspension(reason: "需要专项资金"), handler(owner))]
        case .suspended:
            path = dispatched(owner) + [
                (.requestSuspension(reason: "需要专项资金"), handler(owner)), (.approveSuspension(), Fixture.dispatcher),
            ]
        case .handled: path = handled(owner)
        case .checkPassed: path = handled(owner) + [(.check(passed: true), Fixture.gridWorker)]
        case .closed: path = handled(owner) + [(.check(passed: true), Fixture.gridWorker), (.close(), Fixture.dutyChief)]
        case .merged: path = verified
        case .rated:
            path = handled(owner) + [
                (.check(passed: true), Fixture.gridWorker), (.close(), Fixture.dutyChief),
                (.rate(Rating(satisfaction: .satisfied, fixed: true)), Fixture.citizen),
            ]
        }
        for (action, actor) in path {
            history.wait(minutes: 5)
            try history.run(action, by: actor)
        }
        if state == .merged {
            var survivor = try CaseHistory(Fixture.intake(number: "XH-2026-000002", ticketCode: "T7Q2K8"))
            history.wait(minutes: 5)
            try history.merge(into: &survivor)
        }
        #expect(history.snapshot.state == state)
        return history
    }

    static func handler(_ owner: CaseOwner) -> Actor {
        owner.kind == .department ? Fixture.departmentHandler : Fixture.streetOfficer
    }

    private static let verified: [(CaseAction, Actor)] = [(.verify(real: true), Fixture.gridWorker)]
    private static let accepted: [(CaseAction, Actor)] = [(.accept(), Fixture.dutyChief)]

    private static func dispatched(_ owner: CaseOwner) -> [(CaseAction, Actor)] {
        verified + accepted + [(.dispatch(to: owner), Fixture.dispatcher)]
    }

    private static func handled(_ owner: CaseOwner) -> [(CaseAction, Actor)] {
        dispatched(owner) + [(.handle(note: "已清理完毕", photos: ["after.jpg"]), handler(owner))]
    }
}
