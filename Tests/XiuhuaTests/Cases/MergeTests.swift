import Foundation
import Testing
import Xiuhua

/// 合并: a duty chief merges a duplicate into another open case; the duplicate ends pointing
/// at the survivor, whose reporters now include the duplicate's.
@Suite("Merging duplicates (合并)")
struct MergeTests {
    static func survivor(_ number: String = "XH-2026-000002", ticket: String = "T7Q2K8") throws -> CaseHistory {
        try CaseHistory(Fixture.intake(number: number, ticketCode: ticket))
    }

    @Test("the duplicate ends merged, pointing at the survivor, which takes its reporter as a follower; both histories grow by one event")
    func mergeRecordsBothSides() throws {
        var duplicate = try CaseHistory.reaching(.awaitingDispatch)
        var survivor = try Self.survivor()
        let before = (duplicate.events.count, survivor.events.count)
        try duplicate.merge(into: &survivor, note: "同一处建筑垃圾")
        #expect(duplicate.snapshot.state == .merged)
        #expect(!duplicate.snapshot.state.isOpen)
        #expect(duplicate.snapshot.mergedInto == "XH-2026-000002")
        #expect(duplicate.events.count == before.0 + 1)
        #expect(duplicate.events.last?.change == .merged(into: "XH-2026-000002"))
        #expect(duplicate.events.last?.note == "同一处建筑垃圾")
        #expect(survivor.events.count == before.1 + 1)
        #expect(survivor.snapshot.followerList == [
            CaseFollower(number: "XH-2026-000001", ticketCode: "T7Q2K9", source: .hotline, reporterPhone: "13812345678"),
        ])
        #expect(survivor.snapshot.state == .reported)
        #expect(CaseSnapshot.replay(duplicate.events) == duplicate.snapshot)
        #expect(CaseSnapshot.replay(survivor.events) == survivor.snapshot)
        // A merged case is done: nothing but merging rules apply to it any more.
        #expect(duplicate.refusal(.urge(), by: Fixture.dispatcher)?.code == .wrongState)
    }

    @Test("only a duty chief merges, and only an open case")
    func roleAndState() throws {
        let open = try CaseHistory.reaching(.dispatched)
        let survivor = try Self.survivor()
        #expect(open.mergeRefusal(into: survivor.snapshot, by: Fixture.dispatcher)?.code == .forbiddenRole)
        #expect(open.mergeRefusal(into: survivor.snapshot, by: Fixture.operatorActor)?.code == .forbiddenRole)
        #expect(open.mergeRefusal(into: survivor.snapshot) == nil)
        let closed = try CaseHistory.reaching(.closed)
        #expect(closed.mergeRefusal(into: survivor.snapshot)?.code == .wrongState)
        // Without the survivor (as `decide` alone is) the merge is refused, not half-done.
        #expect(open.refusal(.merge(into: "XH-2026-000002"), by: Fixture.dutyChief)?.code == .invalidInput)
    }

    @Test("not into itself, a missing case, a closed case, or a case already merged (no cycles)")
    func targetRules() throws {
        var a = try CaseHistory.reaching(.awaitingDispatch)
        #expect(a.mergeRefusal(into: a.snapshot)?.code == .invalidInput)
        #expect(a.mergeRefusal(into: nil)?.code == .invalidInput)
        var cancelled = try CaseHistory(Fixture.intake(number: "XH-2026-000009", ticketCode: "T7Q2K7"))
        try cancelled.run(.verify(real: true), by: Fixture.gridWorker)
        try cancelled.run(.approveCancel(reason: "重复"), by: Fixture.dutyChief)
        #expect(cancelled.snapshot.state == .cancelled)
        let refusal = try #require(a.mergeRefusal(into: cancelled.snapshot))
        #expect(refusal.code == .wrongState)
        #expect(refusal.message.contains("XH-2026-000009"))

        var b = try Self.survivor()
        try a.merge(into: &b)
        // b → a would close a cycle: a is merged already, so it is no target.
        let cycle = try #require(b.mergeRefusal(into: a.snapshot))
        #expect(cycle.code == .wrongState)
        #expect(cycle.message.contains("循环"))
    }

    @Test("merging a case that has followers hands them on; departments still owed block the merge")
    func followersMoveOnAndSummonsBlock() throws {
        var first = try CaseHistory.reaching(.awaitingDispatch)
        var middle = try Self.survivor()
        var last = try Self.survivor("XH-2026-000003", ticket: "T7Q2K6")
        try first.merge(into: &middle)
        try middle.merge(into: &last)
        #expect(last.snapshot.followerList.map(\.number) == ["XH-2026-000002", "XH-2026-000001"])

        let whistled = try WhistleTests.whistled()
        let target = try Self.survivor("XH-2026-000004", ticket: "T7Q2K5")
        #expect(whistled.mergeRefusal(into: target.snapshot)?.code == .summonsOutstanding)
    }

    @Test("when the survivor closes, each public follower is asked to rate by their own ticket; a merged case leaves the evaluation cohorts")
    func followersHearOfClosure() throws {
        var duplicate = try CaseHistory.reaching(.awaitingDispatch)
        var survivor = try Self.survivor()
        let path: [(CaseAction, Actor)] = [
            (.verify(real: true), Fixture.gridWorker), (.accept(), Fixture.dutyChief), (.dispatch(to: .department("D1")), Fixture.dispatcher),
            (.handle(note: "已清理", photos: ["after.jpg"]), Fixture.departmentHandler), (.check(passed: true), Fixture.gridWorker),
        ]
        for (action, actor) in path {
            survivor.wait(minutes: 5)
            try survivor.run(action, by: actor)
        }
        try duplicate.merge(into: &survivor)
        let closed = try survivor.run(.close(), by: Fixture.dutyChief)
        let told = NotificationRules.notifications(for: closed, after: survivor.snapshot)
        #expect(told.map(\.kind) == [.citizenClosed, .citizenClosed])
        #expect(told.map(\.ticketCode) == ["T7Q2K8", "T7Q2K9"])
        #expect(told.last?.text.contains("T7Q2K9") == true)
        #expect(told.last?.text.contains("合并") == true)

        let facts = try #require(CaseFacts.replay(duplicate.events))
        #expect(facts.cancelledAt == duplicate.events.last?.at)
    }
}
