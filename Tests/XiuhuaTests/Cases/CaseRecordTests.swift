import Foundation
import Testing
import Xiuhua

@Suite("Case records")
struct CaseRecordTests {
    /// A history touching most event kinds.
    func richHistory() throws -> CaseHistory {
        var history = try CaseHistory.reaching(.dispatched, supervised: true)
        try history.run(.urge(), by: Fixture.dispatcher)
        try history.run(.return(reason: "非本单位职责"), by: Fixture.departmentHandler)
        try history.run(.dispatch(to: .street("S1")), by: Fixture.dispatcher)
        try history.run(.requestSuspension(reason: "需要资金"), by: Fixture.streetOfficer)
        try history.run(.approveSuspension(), by: Fixture.dispatcher)
        history.wait(minutes: 90)
        try history.run(.resume(), by: Fixture.dispatcher)
        try history.run(.requestExtension(.extraTime(.hours(1)), reason: "需要机械"), by: Fixture.streetOfficer)
        try history.run(.approveExtension(), by: Fixture.dispatcher)
        try history.run(.replySupervision(reply: "已安排"), by: Fixture.streetOfficer)
        history.wait(minutes: 600)
        try history.run(.markOverdue, by: Fixture.system)
        try history.run(.handle(note: "已清理"), by: Fixture.streetOfficer)
        try history.run(.check(passed: false, note: "未清理干净"), by: Fixture.gridWorker)
        try history.run(.handle(note: "再次清理"), by: Fixture.streetOfficer)
        try history.run(.check(passed: true), by: Fixture.gridWorker)
        try history.run(.close(), by: Fixture.dutyChief)
        try history.run(.rate(Rating(satisfaction: .basicallySatisfied, fixed: true)), by: Fixture.citizen)
        return history
    }

    @Test("replaying the events reproduces the snapshot, also after a trip through JSON")
    func replay() throws {
        let history = try richHistory()
        #expect(CaseSnapshot.replay(history.events) == history.snapshot)
        #expect(history.snapshot.version == history.events.count)
        let stored = try history.events.map { try CaseEvent(canonicalJSON: $0.canonicalJSON()) }
        #expect(stored == history.events)
        #expect(CaseSnapshot.replay(stored) == history.snapshot)
        let snapshotJSON = try CanonicalJSON.encode(history.snapshot)
        #expect(try CanonicalJSON.decode(CaseSnapshot.self, from: snapshotJSON) == history.snapshot)
    }

    @Test("a history must start with the report, and only once")
    func replayRefusesBadHistories() throws {
        let history = try richHistory()
        #expect(CaseSnapshot.replay([]) == nil)
        #expect(CaseSnapshot.replay(history.events.dropFirst()) == nil)
        #expect(CaseSnapshot.replay(history.events + [history.events[0]]) == nil)
    }

    @Test("canonical JSON has a stable shape: sorted keys, kind, epoch milliseconds")
    func canonicalJSON() throws {
        let event = CaseEvent(
            change: .dispatched(owner: .street("S1"), isRedispatch: true),
            actorID: "dp-1",
            actorRole: .dispatcher,
            actorName: "钱派遣",
            at: Date(timeIntervalSince1970: 1_790_000_000.123),
            note: "请属地处理",
            stage: StageClock(
                stage: .disposal,
                startedAt: Date(timeIntervalSince1970: 1_790_000_000.123),
                limit: .workingHours(4),
                deadline: Date(timeIntervalSince1970: 1_790_014_400.123)
            )
        )
        let json = try #require(String(data: try event.canonicalJSON(), encoding: .utf8))
        #expect(json == """
            {"actorID":"dp-1","actorName":"钱派遣","actorRole":"dispatcher","at":1790000000123,"attachments":[],\
            "change":{"dispatched":{"isRedispatch":true,"owner":{"code":"S1","kind":"street"}}},"kind":"dispatched",\
            "note":"请属地处理","stage":{"deadline":1790014400123,"extraTime":[],"limit":{"workingHours":{"_0":4}},\
            "stage":"disposal","startedAt":1790000000123}}
            """)
        #expect(try event.canonicalJSON() == (try CaseEvent(canonicalJSON: event.canonicalJSON()).canonicalJSON()))
    }

    @Test("an event whose kind disagrees with its change is refused as altered")
    func tamperedKind() throws {
        let event = try #require(try richHistory().events.last)
        let json = try #require(String(data: try event.canonicalJSON(), encoding: .utf8))
        let altered = json.replacingOccurrences(of: "\"kind\":\"rated\"", with: "\"kind\":\"closed\"")
        #expect(altered != json)
        #expect(throws: DecodingError.self) { try CaseEvent(canonicalJSON: Data(altered.utf8)) }
    }

    @Test("events carry who acted, when, and are recorded to the millisecond")
    func actorFields() throws {
        var history = try CaseHistory()
        history.now = history.now.addingTimeInterval(0.000_4)
        let verified = try #require(try history.run(.verify(real: true, note: " 属实 ", photos: ["v.jpg"]), by: Fixture.gridWorker).first)
        #expect(verified.actorID == "gw-1")
        #expect(verified.actorRole == .gridWorker)
        #expect(verified.actorName == "李网格")
        #expect(verified.note == "属实")
        #expect(verified.attachments == ["v.jpg"])
        #expect(verified.at == Fixture.start)
    }
}
