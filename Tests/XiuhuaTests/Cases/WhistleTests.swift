import Foundation
import Testing
import Xiuhua

/// 街乡吹哨、部门报到: the street summons departments; each must check in by the deadline,
/// report or be released, and the case does not close before.
@Suite("Whistle and check-in (吹哨报到)")
struct WhistleTests {
    static let huanwei = Actor(id: "dh-hw", name: "环卫", role: .departmentHandler, departmentCode: "huanwei")
    static let jiaojing = Actor(id: "dh-jj", name: "交警", role: .departmentHandler, departmentCode: "jiaojing")
    static let yuanlin = Actor(id: "dh-yl", name: "园林", role: .departmentHandler, departmentCode: "yuanlin")

    static func whistled(_ kind: WhistleKind = .emergency) throws -> CaseHistory {
        var history = try CaseHistory.reaching(.dispatched, owner: .street("S1"))
        try history.run(
            .whistle(id: "W1", kind: kind, departments: ["huanwei", "jiaojing", "huanwei"], reason: "路面塌陷，需多部门到场"),
            by: Fixture.streetOfficer
        )
        return history
    }

    @Test("an emergency whistle gives summoned departments 30 minutes to check in")
    func emergencyDeadline() throws {
        let history = try Self.whistled()
        let whistle = try #require(history.snapshot.whistleList.first)
        #expect(whistle.checkInDeadline == history.now.addingTimeInterval(30 * 60))
        #expect(whistle.summons.map(\.departmentCode) == ["huanwei", "jiaojing"])
        #expect(whistle.calledBy == Fixture.streetOfficer.id)
        #expect(history.snapshot.nextCheckInDeadline == whistle.checkInDeadline)
    }

    @Test("the check-in limit is configurable per kind")
    func configurableLimit() throws {
        var history = try CaseHistory.reaching(.dispatched, owner: .street("S1"))
        let limits = WhistleLimits(checkIn: [.enforcement: .minutes(45)])
        let events = try Workflow.decide(
            history.snapshot, .whistle(id: "W2", kind: .enforcement, departments: ["chengguan"], reason: "联合执法"),
            by: Fixture.streetOfficer, at: history.now, clock: Fixture.clock, whistleLimits: limits
        ).get()
        guard case .whistled(_, _, _, let deadline, _, _) = events.first?.change else {
            Issue.record("no whistled event")
            return
        }
        #expect(deadline == history.now.addingTimeInterval(45 * 60))
        #expect(WhistleLimits.standard.limit(for: .emergency) == .minutes(30))
        history.wait(minutes: 1)
    }

    @Test("a check-in after the deadline is late; the scheduler marks each missed check-in once")
    func missedCheckIns() throws {
        var history = try Self.whistled()
        history.wait(minutes: 10)
        #expect(history.refusal(.markMissedCheckIn, by: Fixture.system)?.code == .notOverdue)
        let onTime = try history.run(.checkIn(), by: Self.huanwei)
        #expect(onTime.first?.change == .checkedIn(whistleID: "W1", department: "huanwei", late: false))
        #expect(history.refusal(.checkIn(), by: Self.huanwei)?.code == .alreadyRecorded)
        history.wait(minutes: 25)
        let marks = try history.run(.markMissedCheckIn, by: Fixture.system)
        #expect(marks.map(\.kind) == [.checkInMissed])
        #expect(history.snapshot.missedCheckInCount == 1)
        #expect(history.snapshot.nextCheckInDeadline == nil)
        #expect(history.refusal(.markMissedCheckIn, by: Fixture.system)?.code == .notOverdue)
        let late = try history.run(.checkIn(), by: Self.jiaojing)
        #expect(late.first?.change == .checkedIn(whistleID: "W1", department: "jiaojing", late: true))
        let summons = try #require(history.snapshot.whistleList.first?.summons.last)
        #expect(summons.statusLabel(deadline: history.snapshot.whistleList[0].checkInDeadline, at: history.now) == "已报到（迟到）")
    }

    @Test("only a summoned department checks in, and it reports only after checking in")
    func onlySummoned() throws {
        var history = try Self.whistled()
        #expect(history.refusal(.checkIn(), by: Self.yuanlin)?.code == .outOfScope)
        #expect(history.refusal(.reportWhistle(report: "已处置"), by: Self.huanwei)?.code == .wrongState)
        #expect(Workflow.allowedActions(for: history.snapshot, by: Self.huanwei, at: history.now) == [.checkIn])
        try history.run(.checkIn(), by: Self.huanwei)
        #expect(Workflow.allowedActions(for: history.snapshot, by: Self.huanwei, at: history.now) == [.reportWhistle])
        #expect(history.refusal(.reportWhistle(report: "  "), by: Self.huanwei)?.code == .invalidInput)
    }

    @Test("the case closes only when every summoned department reported or was released; the street rates them")
    func closeWaitsForSummons() throws {
        var history = try Self.whistled()
        try history.run(.checkIn(), by: Self.huanwei)
        history.wait(minutes: 30)
        try history.run(.reportWhistle(report: "已清运塌方渣土", photos: ["after.jpg"]), by: Self.huanwei)
        try history.run(.handle(note: "已修复"), by: Fixture.streetOfficer)
        try history.run(.check(passed: true), by: Fixture.gridWorker)
        let refusal = try #require(history.refusal(.close(), by: Fixture.dutyChief))
        #expect(refusal.code == .summonsOutstanding)
        #expect(refusal.message.contains("事不完，人不撤"))
        #expect(history.refusal(.releaseSummons(department: "huanwei", reason: "x"), by: Fixture.streetOfficer)?.code == .wrongState)
        try history.run(.releaseSummons(department: "jiaojing", reason: "现场无需交通管制"), by: Fixture.streetOfficer)
        try history.run(.close(), by: Fixture.dutyChief)
        #expect(history.snapshot.state == .closed)
        try history.run(.rateSummons(department: "huanwei", satisfaction: .satisfied), by: Fixture.streetOfficer)
        #expect(history.snapshot.whistleList[0].summons[0].rating == .satisfied)
        #expect(history.refusal(.rateSummons(department: "huanwei", satisfaction: .satisfied), by: Fixture.streetOfficer)?.code == .wrongState)
    }

    @Test("only the street that owns the case whistles, with at least one department")
    func whoWhistles() throws {
        let departmentCase = try CaseHistory.reaching(.dispatched, owner: .department("D1"))
        let action = CaseAction.whistle(id: "W1", kind: .publicDemand, departments: ["huanwei"], reason: "群众反映强烈")
        #expect(departmentCase.refusal(action, by: Fixture.streetOfficer)?.code == .outOfScope)
        let streetCase = try CaseHistory.reaching(.dispatched, owner: .street("S1"))
        #expect(streetCase.refusal(action, by: Fixture.departmentHandler)?.code == .forbiddenRole)
        let empty = CaseAction.whistle(id: "W1", kind: .publicDemand, departments: [" "], reason: "群众反映强烈")
        #expect(streetCase.refusal(empty, by: Fixture.streetOfficer)?.code == .invalidInput)
        var again = try Self.whistled()
        #expect(again.refusal(.whistle(id: "W1", kind: .emergency, departments: ["huanwei"], reason: "再次"), by: Fixture.streetOfficer)?.code == .alreadyRecorded)
        again.wait(minutes: 1)
    }

    @Test("events and snapshots from before whistles existed read back unchanged")
    func oldRecordsDecode() throws {
        let history = try CaseHistory.reaching(.dispatched)
        let json = String(decoding: try CanonicalJSON.encode(history.snapshot), as: UTF8.self)
        #expect(!json.contains("whistles"))
        #expect(try CanonicalJSON.decode(CaseSnapshot.self, from: Data(json.utf8)) == history.snapshot)
        for event in history.events {
            #expect(try CaseEvent(canonicalJSON: try event.canonicalJSON()) == event)
        }
        let whistled = try Self.whistled()
        #expect(CaseSnapshot.replay(whistled.events) == whistled.snapshot)
    }
}
