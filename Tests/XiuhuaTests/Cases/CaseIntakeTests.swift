import Foundation
import Testing
import Xiuhua

@Suite("Case intake")
struct CaseIntakeTests {
    func report(_ intake: CaseIntake, by actor: Actor?) -> Result<CaseEvent, WorkflowRefusal> {
        Workflow.report(intake, by: actor, at: Fixture.start, clock: Fixture.clock)
    }

    @Test("public reports wait for verification within two hours")
    func publicReportsAreVerifiedFirst() throws {
        for source in [CaseSource.hotline, .web, .api] {
            let history = try CaseHistory(Fixture.intake(source: source))
            #expect(history.snapshot.state == .reported)
            #expect(history.snapshot.stageDeadline == Fixture.start.addingTimeInterval(2 * 3600))
        }
    }

    @Test("a patrol report goes straight to acceptance, in ten minutes when urgent")
    func patrolGoesToAcceptance() throws {
        let normal = try CaseHistory(Fixture.intake(source: .patrol, photos: ["p.jpg"]))
        #expect(normal.snapshot.state == .awaitingAcceptance)
        #expect(normal.snapshot.stageDeadline == Fixture.start.addingTimeInterval(30 * 60))
        let urgent = try CaseHistory(Fixture.intake(source: .patrol, urgency: .urgent, photos: ["p.jpg"]))
        #expect(urgent.snapshot.stageDeadline == Fixture.start.addingTimeInterval(10 * 60))
    }

    @Test("an operator may send a trusted caller's report straight to acceptance")
    func directAcceptance() throws {
        let history = try CaseHistory(Fixture.intake(directAcceptance: true))
        #expect(history.snapshot.state == .awaitingAcceptance)
        let refusal = report(Fixture.intake(source: .web, directAcceptance: true), by: Fixture.citizen)
        #expect(refusal.failure?.code == .invalidInput)
    }

    @Test("a self-handled patrol report is reviewed: approved closes it, rejected takes the normal path")
    func selfHandling() throws {
        var approved = try CaseHistory.reaching(.selfHandledReview)
        try approved.run(.approveSelfHandling(), by: Fixture.dutyChief)
        #expect(approved.snapshot.state == .closed)
        #expect(approved.snapshot.selfHandled)

        var rejected = try CaseHistory.reaching(.selfHandledReview)
        try rejected.run(.rejectSelfHandling(note: "问题未解决"), by: Fixture.dutyChief)
        #expect(rejected.snapshot.state == .awaitingAcceptance)
        #expect(rejected.snapshot.stage == .accept)
    }

    @Test("each channel is filed by its own role; an anonymous web report is allowed")
    func channelRoles() {
        #expect(report(Fixture.intake(source: .web), by: nil).failure == nil)
        #expect(report(Fixture.intake(source: .web), by: Fixture.operatorActor).failure?.code == .forbiddenRole)
        #expect(report(Fixture.intake(source: .hotline), by: Fixture.citizen).failure?.code == .forbiddenRole)
        #expect(report(Fixture.intake(source: .api), by: nil).failure?.code == .forbiddenRole)
    }

    @Test("bad intakes are refused with a specific message")
    func badIntakes() {
        #expect(report(Fixture.intake(source: .patrol), by: Fixture.gridWorker).failure?.message == "巡查上报需要定位和至少一张照片")
        var blank = Fixture.intake()
        blank.description = " "
        #expect(report(blank, by: Fixture.operatorActor).failure?.message == "上报需要填写问题描述")
        var farAway = Fixture.intake()
        farAway.location.latitude = 123
        #expect(report(farAway, by: Fixture.operatorActor).failure?.code == .invalidInput)
        #expect(report(Fixture.intake(selfHandled: true), by: Fixture.operatorActor).failure?.code == .invalidInput)
    }
}

extension Result {
    /// The error, or nil on success.
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
