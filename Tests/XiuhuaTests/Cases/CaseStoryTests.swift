import Foundation
import Testing
import Xiuhua

@Suite("Case story")
struct CaseStoryTests {
    @Test("a hotline report goes through verify, accept, dispatch, handle, check, close and rating")
    func fullStory() throws {
        var history = try CaseHistory()
        #expect(history.snapshot.state == .reported)
        #expect(history.snapshot.stage == .verify)

        history.wait(minutes: 30)
        try history.run(.verify(real: true, photos: ["verify.jpg"]), by: Fixture.gridWorker)
        #expect(history.snapshot.state == .awaitingAcceptance)
        #expect(history.snapshot.verifiedReal == true)

        history.wait(minutes: 10)
        try history.run(.accept(), by: Fixture.dutyChief)
        #expect(history.snapshot.acceptedAt == history.now)

        history.wait(minutes: 10)
        try history.run(.dispatch(to: .street("S1")), by: Fixture.dispatcher)
        #expect(history.snapshot.state == .dispatched)
        #expect(history.snapshot.currentOwner == .street("S1"))
        #expect(history.snapshot.stageDeadline == history.now.addingTimeInterval(4 * 3600))

        history.wait(minutes: 120)
        try history.run(.handle(note: "已清运", photos: ["after.jpg"]), by: Fixture.streetOfficer)
        #expect(history.snapshot.state == .handled)

        history.wait(minutes: 30)
        try history.run(.check(passed: true, note: "现场已清理"), by: Fixture.gridWorker)
        #expect(history.snapshot.state == .checkPassed)

        history.wait(minutes: 20)
        try history.run(.close(), by: Fixture.dutyChief)
        #expect(history.snapshot.state == .closed)
        #expect(history.snapshot.closedAt == history.now)
        #expect(history.snapshot.stageClock == nil)

        history.wait(minutes: 60 * 24)
        try history.run(.rate(Rating(satisfaction: .satisfied, fixed: true)), by: Fixture.citizen)
        #expect(history.snapshot.state == .rated)
        #expect(history.snapshot.rating == Rating(satisfaction: .satisfied, fixed: true))
        #expect(history.snapshot.version == 8)
        #expect(history.events.map(\.kind) == [.reported, .verified, .accepted, .dispatched, .handled, .checked, .closed, .rated])
        #expect(history.snapshot.reworkCount == 0)
        #expect(history.snapshot.dispatchCount == 1)
    }

    @Test("a failed check sends the case back to the same owner and counts the rework")
    func reworkLoop() throws {
        var history = try CaseHistory.reaching(.handled)
        let owner = history.snapshot.currentOwner
        #expect(history.refusal(.check(passed: false), by: Fixture.gridWorker)?.code == .invalidInput)

        history.wait(minutes: 30)
        let events = try history.run(.check(passed: false, note: "仍有残留垃圾"), by: Fixture.gridWorker)
        #expect(events.map(\.kind) == [.checked, .reworked])
        #expect(history.snapshot.state == .dispatched)
        #expect(history.snapshot.currentOwner == owner)
        #expect(history.snapshot.reworkCount == 1)
        #expect(history.snapshot.stage == .disposal)
        #expect(history.snapshot.stageStartedAt == history.now)

        try history.run(.handle(note: "再次清理"), by: Fixture.departmentHandler)
        try history.run(.check(passed: false, note: "仍未清理干净"), by: Fixture.gridWorker)
        #expect(history.snapshot.reworkCount == 2)
        #expect(history.snapshot.currentOwner == owner)
        #expect(history.snapshot.dispatchCount == 1)
    }

    @Test("a return goes back to the dispatch queue and a dispatch to another owner is flagged")
    func returnAndRedispatch() throws {
        var history = try CaseHistory.reaching(.dispatched)
        #expect(history.refusal(.return(reason: "  "), by: Fixture.departmentHandler)?.message == "回退需要填写原因")

        let returned = try history.run(.return(reason: "属于园林部门职责"), by: Fixture.departmentHandler)
        #expect(returned.first?.change == .returned(owner: .department("D1"), reason: "属于园林部门职责"))
        #expect(history.snapshot.state == .awaitingDispatch)
        #expect(history.snapshot.stage == .dispatch)
        #expect(history.snapshot.currentOwner == nil)
        #expect(history.snapshot.previousOwners == [.department("D1")])

        let redispatched = try history.run(.dispatch(to: .department("D2")), by: Fixture.dispatcher)
        #expect(redispatched.first?.change == .dispatched(owner: .department("D2"), isRedispatch: true))
        #expect(history.snapshot.dispatchCount == 2)
        #expect(history.snapshot.currentOwner == .department("D2"))
        #expect(history.refusal(.handle(note: "x"), by: Fixture.departmentHandler)?.code == .outOfScope)

        var sameOwner = try CaseHistory.reaching(.dispatched)
        try sameOwner.run(.return(reason: "地址不清"), by: Fixture.departmentHandler)
        let again = try sameOwner.run(.dispatch(to: .department("D1")), by: Fixture.dispatcher)
        #expect(again.first?.change == .dispatched(owner: .department("D1"), isRedispatch: false))
    }

    @Test("a 'not fixed' rating reopens the case to the same owner")
    func notFixedReopens() throws {
        var history = try CaseHistory.reaching(.closed)
        history.wait(minutes: 60)
        let events = try history.run(.rate(Rating(satisfaction: .unsatisfied, fixed: false), note: "垃圾又堆回来了"), by: Fixture.operatorActor)
        #expect(events.map(\.kind) == [.rated, .reopened])
        #expect(events.last?.change == .reopened(owner: .department("D1"), reopenedCount: 1))
        #expect(history.snapshot.state == .dispatched)
        #expect(history.snapshot.currentOwner == .department("D1"))
        #expect(history.snapshot.reopenedCount == 1)
        #expect(history.snapshot.closedAt == nil)
        #expect(history.snapshot.stage == .disposal)
        #expect(Workflow.allowedActions(for: history.snapshot, by: Fixture.departmentHandler, at: history.now).contains(.handle))
    }

    @Test("an untrue report needs the grid worker's note and waits for the duty chief")
    func untrueReport() throws {
        var history = try CaseHistory()
        #expect(history.refusal(.verify(real: false), by: Fixture.gridWorker)?.code == .invalidInput)
        try history.run(.verify(real: false, note: "现场未发现垃圾"), by: Fixture.gridWorker)
        #expect(history.snapshot.state == .awaitingAcceptance)
        #expect(history.snapshot.verifiedReal == false)
        try history.run(.reject(reason: "核实不属实"), by: Fixture.dutyChief)
        #expect(history.snapshot.state == .rejected)
        #expect(history.snapshot.stageClock == nil)
    }

    @Test("a cancel request waits for the duty chief, who denies it or cancels with its reason")
    func cancelRequest() throws {
        var denied = try CaseHistory.reaching(.cancelRequested)
        #expect(denied.snapshot.pendingRequest?.returnState == .awaitingDispatch)
        try denied.run(.denyCancel(note: "并非重复"), by: Fixture.dutyChief)
        #expect(denied.snapshot.state == .awaitingDispatch)
        #expect(denied.snapshot.pendingRequest == nil)

        var approved = try CaseHistory.reaching(.cancelRequested)
        let events = try approved.run(.approveCancel(), by: Fixture.dutyChief)
        #expect(events.first?.change == .cancelled(reason: "重复案件"))
        #expect(approved.snapshot.state == .cancelled)

        let direct = try CaseHistory.reaching(.awaitingDispatch)
        #expect(direct.refusal(.approveCancel(), by: Fixture.dutyChief)?.code == .invalidInput)
    }

    @Test("a supervision order is answered by the owner and only then leaves the owner's menu")
    func supervision() throws {
        var history = try CaseHistory.reaching(.dispatched)
        #expect(history.refusal(.supervise(level: 4, order: "限期办结"), by: Fixture.supervisor)?.code == .invalidInput)
        try history.run(.supervise(level: 3, order: "今日内办结"), by: Fixture.supervisor)
        #expect(Workflow.allowedActions(for: history.snapshot, by: Fixture.departmentHandler, at: history.now).contains(.replySupervision))
        try history.run(.replySupervision(reply: "已安排两名保洁员"), by: Fixture.departmentHandler)
        #expect(history.snapshot.supervisions.first?.reply == "已安排两名保洁员")
        #expect(history.snapshot.supervisions.first?.level == 3)
        #expect(history.refusal(.replySupervision(reply: "再次回复"), by: Fixture.departmentHandler)?.code == .wrongState)
        try history.run(.urge(note: "请加快"), by: Fixture.system)
        #expect(history.snapshot.urgeCount == 1)
    }
}
