import Foundation
import Testing
import Xiuhua

@Suite("Case deadlines")
struct CaseDeadlineTests {
    let hour: TimeInterval = 3600

    @Test("an approved extension moves the disposal deadline; a denied one does not")
    func extensionMovesDeadline() throws {
        var history = try CaseHistory.reaching(.dispatched)
        let dispatchedAt = try #require(history.snapshot.stageStartedAt)
        #expect(history.snapshot.stageDeadline == dispatchedAt.addingTimeInterval(4 * hour))

        try history.run(.requestExtension(.extraTime(.hours(2)), reason: "需要调用机械"), by: Fixture.departmentHandler)
        #expect(history.snapshot.state == .extensionRequested)
        try history.run(.approveExtension(), by: Fixture.dispatcher)
        #expect(history.snapshot.state == .dispatched)
        #expect(history.snapshot.stageDeadline == dispatchedAt.addingTimeInterval(6 * hour))
        #expect(history.snapshot.extensionCount == 1)

        try history.run(.requestExtension(.newLimit(.hours(10)), reason: "需要协调产权单位"), by: Fixture.departmentHandler)
        try history.run(.denyExtension(note: "时限已足够"), by: Fixture.dispatcher)
        #expect(history.snapshot.stageDeadline == dispatchedAt.addingTimeInterval(6 * hour))
        #expect(history.snapshot.extensionCount == 1)

        try history.run(.requestExtension(.newLimit(.hours(10)), reason: "需要协调产权单位"), by: Fixture.departmentHandler)
        try history.run(.approveExtension(), by: Fixture.dispatcher)
        #expect(history.snapshot.stageDeadline == dispatchedAt.addingTimeInterval(10 * hour))
        #expect(history.snapshot.stageLimit == .hours(10))
        #expect(history.snapshot.extensionCount == 2)
    }

    @Test("a suspension pauses the clock and a resume moves the deadline by the pause")
    func suspensionPausesClock() throws {
        var history = try CaseHistory.reaching(.dispatched)
        let dispatchedAt = try #require(history.snapshot.stageStartedAt)
        history.wait(minutes: 60)
        try history.run(.requestSuspension(reason: "需要专项资金"), by: Fixture.departmentHandler)
        try history.run(.approveSuspension(), by: Fixture.dispatcher)
        let suspendedAt = history.now
        #expect(history.snapshot.state == .suspended)
        #expect(history.snapshot.suspensions == [Suspension(start: suspendedAt)])

        history.wait(minutes: 10 * 60)
        #expect(!history.snapshot.isOverdue(at: history.now))
        #expect(TrafficLight(for: history.snapshot, at: history.now, clock: Fixture.clock) == .green)
        #expect(history.refusal(.markOverdue, by: Fixture.system)?.code == .wrongState)

        try history.run(.resume(), by: Fixture.dispatcher)
        #expect(history.snapshot.state == .dispatched)
        #expect(history.snapshot.suspensions == [Suspension(start: suspendedAt, end: history.now)])
        #expect(history.snapshot.stageDeadline == dispatchedAt.addingTimeInterval(14 * hour))
        #expect(history.snapshot.stageStartedAt == dispatchedAt)

        // One hour before the pause plus 2.2 after it: 80 % of four hours, the pause excluded.
        history.wait(minutes: 132)
        #expect(TrafficLight(for: history.snapshot, at: history.now, clock: Fixture.clock) == .yellow)
        #expect(!history.snapshot.isOverdue(at: history.now))
        history.wait(minutes: 49)
        #expect(TrafficLight(for: history.snapshot, at: history.now, clock: Fixture.clock) == .red)
        #expect(history.snapshot.isOverdue(at: history.now))
    }

    @Test("mark overdue is recorded once per stage deadline")
    func overdueOncePerDeadline() throws {
        var history = try CaseHistory.reaching(.dispatched)
        let deadline = try #require(history.snapshot.stageDeadline)
        #expect(history.refusal(.markOverdue, by: Fixture.system)?.code == .notOverdue)

        history.now = deadline.addingTimeInterval(60)
        let marked = try history.run(.markOverdue, by: Fixture.system)
        #expect(marked.first?.change == .markedOverdue(stage: .disposal, deadline: deadline))
        #expect(history.snapshot.wasOverdue(in: .disposal))
        #expect(history.refusal(.markOverdue, by: Fixture.system)?.code == .alreadyRecorded)
        history.wait(minutes: 600)
        #expect(history.refusal(.markOverdue, by: Fixture.system)?.code == .alreadyRecorded)

        // A moved deadline is a new deadline: missing it again is recorded again.
        try history.run(.requestExtension(.extraTime(.hours(1)), reason: "补充材料"), by: Fixture.departmentHandler)
        try history.run(.approveExtension(), by: Fixture.dispatcher)
        let moved = try #require(history.snapshot.stageDeadline)
        history.now = moved.addingTimeInterval(1)
        try history.run(.markOverdue, by: Fixture.system)
        #expect(history.snapshot.overdueMarks == [
            OverdueMark(stage: .disposal, deadline: deadline), OverdueMark(stage: .disposal, deadline: moved),
        ])
    }

    @Test("the traffic light turns yellow at 80 % and red beyond 100 %", arguments: [
        (79.0, TrafficLight.green, false), (80.0, .yellow, false), (100.0, .yellow, false), (101.0, .red, true),
    ])
    func trafficLight(minutes: Double, light: TrafficLight, overdue: Bool) throws {
        var history = try CaseHistory(Fixture.intake(disposal: .minutes(100)))
        try history.run(.verify(real: true), by: Fixture.gridWorker)
        try history.run(.accept(), by: Fixture.dutyChief)
        try history.run(.dispatch(to: .department("D1")), by: Fixture.dispatcher)
        history.wait(minutes: minutes)
        #expect(TrafficLight(for: history.snapshot, at: history.now, clock: Fixture.clock) == light)
        #expect(history.snapshot.isOverdue(at: history.now) == overdue)
    }

    @Test("a closed case has no stage and no light")
    func closedHasNoLight() throws {
        let history = try CaseHistory.reaching(.closed)
        #expect(TrafficLight(for: history.snapshot, at: history.now, clock: Fixture.clock) == nil)
        #expect(!history.snapshot.isOverdue(at: history.now.addingTimeInterval(365 * 86_400)))
    }
}
