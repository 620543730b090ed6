import Foundation
import Testing
import Xiuhua

@Suite("Who hears about a case")
struct NotificationRulesTests {
    /// Runs `action` on `history` and returns the notifications its events cause.
    private func notified(_ history: inout CaseHistory, _ action: CaseAction, by actor: Actor) throws -> [CaseNotification] {
        let events = try history.run(action, by: actor)
        return NotificationRules.notifications(for: events, after: history.snapshot)
    }

    @Test("the citizen hears of acceptance and closure by text message; the owner of the dispatch by webhook")
    func closedLoop() throws {
        var history = try CaseHistory()
        #expect(NotificationRules.notifications(for: history.events, after: history.snapshot).isEmpty)
        #expect(try notified(&history, .verify(real: true), by: Fixture.gridWorker).isEmpty)

        let accepted = try notified(&history, .accept(), by: Fixture.dutyChief)
        #expect(accepted.map(\.kind) == [.citizenAccepted])
        #expect(accepted.first?.recipient == .citizen(phone: "13812345678"))
        #expect(accepted.first?.recipient.channel == .sms)
        #expect(accepted.first?.text.contains("T7Q2K9") == true)

        let dispatched = try notified(&history, .dispatch(to: .street("S1")), by: Fixture.dispatcher)
        #expect(dispatched.map(\.kind) == [.assigned])
        #expect(dispatched.first?.recipient == .owner(.street("S1")))
        #expect(dispatched.first?.recipient.channel == .webhook)
        #expect(dispatched.first?.recipient.address == "street:S1")

        #expect(try notified(&history, .urge(note: "请尽快"), by: Fixture.dispatcher).map(\.recipient) == [.owner(.street("S1"))])
        #expect(try notified(&history, .handle(note: "已清运"), by: Fixture.streetOfficer).isEmpty)
        #expect(try notified(&history, .check(passed: true), by: Fixture.gridWorker).isEmpty)

        let closed = try notified(&history, .close(), by: Fixture.dutyChief)
        #expect(closed.map(\.kind) == [.citizenClosed])
        #expect(closed.first?.text.contains("评价") == true)
    }

    @Test("a failed check tells the owner to rework; a return tells the dispatchers")
    func reworkAndReturn() throws {
        var history = try CaseHistory.reaching(.handled)
        let rework = try notified(&history, .check(passed: false, note: "仍有垃圾"), by: Fixture.gridWorker)
        #expect(rework.map(\.kind) == [.assigned])
        #expect(rework.first?.recipient == .owner(.department("D1")))

        var returned = try CaseHistory.reaching(.dispatched)
        let back = try notified(&returned, .return(reason: "不属于本单位"), by: Fixture.departmentHandler)
        #expect(back.map(\.recipient) == [.role(.dispatcher)])
    }

    @Test("an overdue disposal is the owner's news, told once: the scheduler's urge right after adds nothing")
    func overdue() throws {
        var history = try CaseHistory.reaching(.dispatched)
        history.wait(minutes: 5 * 60)
        let marked = try notified(&history, .markOverdue, by: Fixture.system)
        #expect(marked.map(\.kind) == [.overdue])
        #expect(marked.first?.recipient == .owner(.department("D1")))
        #expect(try notified(&history, .urge(note: "系统自动催办"), by: Fixture.system).isEmpty)
    }

    @Test("a patrol report has no citizen to tell; a report without a phone neither")
    func noCitizen() throws {
        var patrol = try CaseHistory(Fixture.intake(source: .patrol, photos: ["p.jpg"]))
        #expect(try notified(&patrol, .accept(), by: Fixture.dutyChief).isEmpty)

        var anonymous = Fixture.intake()
        anonymous.reporterPhone = nil
        var history = try CaseHistory(anonymous)
        _ = try history.run(.verify(real: true), by: Fixture.gridWorker)
        #expect(try notified(&history, .accept(), by: Fixture.dutyChief).isEmpty)
    }
}

@Suite("Who hears about a whistle")
struct WhistleNotificationTests {
    @Test("each summoned department hears of the whistle with its check-in time; a missed check-in reaches the department and the duty chiefs")
    func whistleAndMissedCheckIn() throws {
        var history = try WhistleTests.whistled()
        let summoned = NotificationRules.notifications(for: history.events.suffix(1), after: history.snapshot)
        #expect(summoned.map(\.kind) == [.summoned, .summoned])
        #expect(summoned.map(\.recipient.address) == ["dept:huanwei", "dept:jiaojing"])
        #expect(summoned.allSatisfy { $0.text.contains("应急处置") && $0.text.contains("报到") })
        history.wait(minutes: 31)
        let missed = try history.run(.markMissedCheckIn, by: Fixture.system)
        let told = NotificationRules.notifications(for: missed, after: history.snapshot)
        #expect(told.map(\.kind) == [.checkInMissed, .checkInMissed, .checkInMissed, .checkInMissed])
        #expect(Set(told.map(\.recipient.address)) == ["dept:huanwei", "dept:jiaojing", "role:dutyChief"])
        #expect(told.filter { $0.recipient == .role(.dutyChief) }.count == 2)
        #expect(try NotificationRules.notifications(for: history.run(.checkIn(), by: WhistleTests.huanwei), after: history.snapshot).isEmpty)
    }
}
