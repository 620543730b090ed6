import Foundation
import Testing
import Xiuhua
import XiuhuaStore

/// Seven cases played through the real store in November 2026 (one accepted in October),
/// every indicator checked against numbers worked out by hand in the comments.
@Suite("Evaluation indicators on a hand-computed fixture")
struct EvaluationFixtureTests {
    static let november2026 = try! EvaluationPeriod("2026-11")

    /// A: on time everywhere, satisfied.  B: everything late, one rework, basically satisfied.
    /// C: patrol, extended, never handled (overdue at month end).  D: returned by D2,
    /// re-dispatched to D1, suspended at month end.  E: anonymous web report found untrue.
    /// F: patrol, accepted then cancelled.  G: accepted 30 October, closed 2 November.
    static func play(_ store: Store) async throws {
        let v = People.self
        var a = try await CaseScript(store, .hotline, at: november())
        try await a.then(60, .verify(real: true), by: v.gridWorker)
        try await a.then(10, .accept(), by: v.dutyChief)
        try await a.then(10, .dispatch(to: .department("D1")), by: v.dispatcher)
        try await a.then(120, .handle(note: "已清理"), by: v.handler("D1"))
        try await a.then(60, .check(passed: true), by: v.gridWorker)
        try await a.then(10, .close(), by: v.dutyChief)
        try await a.then(60, .rate(Rating(satisfaction: .satisfied, fixed: true)), by: v.citizen)

        var b = try await CaseScript(store, .hotline, at: november(10))
        try await b.then(180, .verify(real: true), by: v.gridWorker)          // 2 h limit: late
        try await b.then(40, .accept(), by: v.dutyChief)                       // 30 min: late
        try await b.then(10, .dispatch(to: .department("D1")), by: v.dispatcher)
        try await b.then(300, .handle(note: "已清理"), by: v.handler("D1"))      // 4 h: late
        try await b.then(60, .check(passed: false, note: "未清理干净"), by: v.gridWorker)
        try await b.then(60, .handle(note: "返工完成"), by: v.handler("D1"))
        try await b.then(60, .check(passed: true), by: v.gridWorker)
        try await b.then(120, .close(), by: v.dutyChief)                        // 1 h: late
        try await b.then(60, .rate(Rating(satisfaction: .basicallySatisfied, fixed: true)), by: v.citizen)

        var c = try await CaseScript(store, .patrol, at: november(20))
        try await c.then(10, .accept(), by: v.dutyChief)
        try await c.then(10, .dispatch(to: .department("D1")), by: v.dispatcher)
        try await c.then(60, .requestExtension(.extraTime(.hours(2)), reason: "需调机械"), by: v.handler("D1"))
        try await c.then(10, .approveExtension(), by: v.dispatcher)

        var d = try await CaseScript(store, .hotline, at: november(30), grid: "G2", community: "C1")
        try await d.then(30, .verify(real: true), by: v.gridWorker)
        try await d.then(10, .accept(), by: v.dutyChief)
        try await d.then(10, .dispatch(to: .department("D2")), by: v.dispatcher)
        try await d.then(30, .return(reason: "非本部门职责"), by: v.handler("D2"))
        try await d.then(10, .dispatch(to: .department("D1")), by: v.dispatcher)
        try await d.then(60, .requestSuspension(reason: "需专项资金"), by: v.handler("D1"))
        try await d.then(10, .approveSuspension(), by: v.dispatcher)

        var e = try await CaseScript(store, .web, at: november(40), grid: "G3", community: "C2", street: "S2")
        try await e.then(60, .verify(real: false, note: "现场无此问题"), by: v.gridWorker)
        try await e.then(10, .reject(reason: "核实不属实"), by: v.dutyChief)

        var f = try await CaseScript(store, .patrol, at: november(50))
        try await f.then(10, .accept(), by: v.dutyChief)
        try await f.then(60, .approveCancel(reason: "重复案件"), by: v.dutyChief)

        // 30 October 09:00 Beijing time.
        var g = try await CaseScript(store, .patrol, at: november(-11 * 24 * 60))
        try await g.then(10, .accept(), by: v.dutyChief)
        try await g.then(10, .dispatch(to: .department("D1")), by: v.dispatcher)
        try await g.then(60, .handle(note: "已处理"), by: v.handler("D1"))
        try await g.then(60, .check(passed: true), by: v.gridWorker)
        // Closed 2 November, on time from the passed check? No: the close stage started
        // 30 October, so closing three days later is late.
        try await g.then(3 * 24 * 60, .close(), by: v.dutyChief)
    }

    static func district(_ store: Store) async throws -> Tally {
        try #require(try await store.evaluationTallies([.district], in: november2026)[.district]?[""])
    }

    @Test("counts: reported, accepted, closed, disposal, rework, extension, overdue", arguments: Backend.all)
    func counts(backend: Backend) async throws {
        try await withTemporaryStore(backend: backend) { store, _ in
            try await Self.play(store)
            let t = try await Self.district(store)
            #expect(t[.reported] == 6)            // A–F; G was reported in October
            #expect(t[.reportedValid] == 5)       // all but E
            #expect(t[.accepted] == 5)            // A, B, C, D, F
            #expect(t[.acceptedOnTime] == 4)      // B late
            #expect(t[.cancelled] == 1)           // F
            #expect(t[.suspendedAtEnd] == 1)      // D
            #expect(t[.closed] == 2)              // A, B
            #expect(t[.closedOnTime] == 1)        // A
            #expect(t[.dueForDisposal] == 3)      // A, B, C (D suspended, F cancelled)
            #expect(t[.handled] == 2)
            #expect(t[.handledOnTime] == 1)
            #expect(t[.overdueUnhandled] == 1)    // C
            #expect(t[.reworked] == 1)            // B
            #expect(t[.extended] == 1)            // C
            #expect(t[.publicConfirmed] == 3)     // A, B, D
            #expect(t[.verified] == 4)            // A, B, D, E
            #expect(t[.verifiedOnTime] == 3)      // B late
            #expect(t[.checked] == 2)             // first checks of A, B
            #expect(t[.checkedOnTime] == 2)
            #expect(t[.dispatches] == 4)          // first dispatches of A–D
            #expect(t[.dispatchesOnTime] == 4)
            #expect(t[.dispatchesAccurate] == 3)  // D returned
            #expect(t[.closings] == 3)            // A, B and G (closed 2 November)
            #expect(t[.closingsOnTime] == 1)      // A
        }
    }

    @Test("rates: 结案率, 按期结案率, 按期处置率, 返工率, 延期率, 监督举报率, 有效上报率 and stage rates", arguments: Backend.all)
    func rates(backend: Backend) async throws {
        try await withTemporaryStore(backend: backend) { store, _ in
            try await Self.play(store)
            let t = try await Self.district(store)
            func rate(_ indicator: Indicator) -> Double? { indicator.value(t).rate }
            #expect(rate(.closingRate) == 2.0 / 3)            // 应结案 = 5 − 1 cancelled − 1 suspended
            #expect(rate(.onTimeClosingRate) == 1.0 / 3)
            #expect(rate(.onTimeDisposalRate) == 1.0 / 3)
            #expect(rate(.reworkRate) == 1.0 / 3)
            #expect(rate(.extensionRate) == 1.0 / 3)
            #expect(rate(.overdueUnhandledCount) == 1)
            #expect(rate(.publicReportRate) == 3.0 / 4)       // over 立案 − 作废
            #expect(rate(.validReportRate) == 5.0 / 6)
            #expect(rate(.onTimeVerificationRate) == 3.0 / 4)
            #expect(rate(.onTimeCheckRate) == 1)
            #expect(rate(.onTimeAcceptanceRate) == 4.0 / 5)
            #expect(rate(.accurateAcceptanceRate) == 4.0 / 5)
            #expect(rate(.accurateDispatchRate) == 3.0 / 4)
            #expect(rate(.onTimeClosingActionRate) == 1.0 / 3)
            #expect(rate(.whistleCheckInRate) == nil)
        }
    }

    @Test("12345 三率: 满意率 = (满意 + 0.9 × 基本满意) / 有效回访数", arguments: Backend.all)
    func hotline(backend: Backend) async throws {
        try await withTemporaryStore(backend: backend) { store, _ in
            try await Self.play(store)
            let t = try await Self.district(store)
            #expect(t[.rated] == 2)
            #expect(Indicator.responseRate.value(t).rate == 0.5)    // B's first response was late
            #expect(Indicator.solutionRate.value(t).rate == 1)
            #expect(abs(Indicator.satisfactionRate.value(t).rate! - 0.95) < 1e-12)
        }
    }

    @Test("regions, departments and posts each get their share", arguments: Backend.all)
    func units(backend: Backend) async throws {
        try await withTemporaryStore(backend: backend) { store, _ in
            try await Self.play(store)
            let all = try await store.evaluationTallies([.street, .grid, .department, .post], in: Self.november2026)
            #expect(all[.street]?["S2"]?[.reported] == 1)
            #expect(all[.street]?["S1"]?[.accepted] == 5)
            #expect(all[.grid]?["G2"]?[.suspendedAtEnd] == 1)
            #expect(all[.department]?["D1"]?[.dueForDisposal] == 3)
            #expect(all[.department]?["D2"] == nil)               // D ended up with D1
            let posts = try #require(all[.post])
            #expect(posts["operator:op-1"]?[.reported] == 3)       // A, B, D
            #expect(posts["gridWorker:gw-1"]?[.reported] == 2)     // C, F
            #expect(posts["gridWorker:gw-1"]?[.verifiedOnTime] == 3)
            #expect(posts["dutyChief:dc-1"]?[.accepted] == 5)
            #expect(posts["dutyChief:dc-1"]?[.closings] == 3)
            #expect(posts["dispatcher:dp-1"]?[.dispatchesAccurate] == 3)
        }
    }

    @Test("October is frozen: G counts there, accepted but not closed by 31 October", arguments: Backend.all)
    func october(backend: Backend) async throws {
        try await withTemporaryStore(backend: backend) { store, _ in
            try await Self.play(store)
            let october = try EvaluationPeriod("2026-10")
            let t = try #require(try await store.evaluationTallies([.district], in: october)[.district]?[""])
            #expect(t[.accepted] == 1)
            #expect(t[.closed] == 0)
            #expect(t[.handled] == 1)
            let quarter = try #require(try await store.evaluationTallies([.district], in: try EvaluationPeriod("2026-Q4"))[.district]?[""])
            #expect(quarter[.accepted] == 6)
            #expect(quarter[.closed] == 3)    // G closes within the quarter
        }
    }
}
