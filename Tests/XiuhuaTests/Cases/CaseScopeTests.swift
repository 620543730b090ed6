import Testing
import Xiuhua

@Suite("Case scope")
struct CaseScopeTests {
    @Test("a department handler may act only on its own department's cases")
    func otherDepartmentRefused() throws {
        let history = try CaseHistory.reaching(.dispatched, owner: .department("D1"))
        let other = Actor(id: "dh-2", name: "陈园林", role: .departmentHandler, departmentCode: "D2")
        let refusal = try #require(history.refusal(.handle(note: "已处理"), by: other))
        #expect(refusal.code == .outOfScope)
        #expect(refusal.message == "处置反馈限责任单位的处置人员，案件责任单位：部门 D1")
        #expect(Workflow.allowedActions(for: history.snapshot, by: other, at: history.now).isEmpty)
    }

    @Test("a street officer acts on its street's cases, not on another street's")
    func streetOwnership() throws {
        let history = try CaseHistory.reaching(.dispatched, owner: .street("S1"))
        #expect(history.refusal(.handle(note: "已处理"), by: Fixture.streetOfficer) == nil)
        let neighbour = Actor(id: "so-2", name: "褚街道", role: .streetOfficer, streetCodes: ["S2"])
        #expect(history.refusal(.handle(note: "已处理"), by: neighbour)?.code == .outOfScope)
    }

    @Test("a grid worker verifies only in its grids; without a grid list it verifies nowhere (fail closed)")
    func gridScope() throws {
        let history = try CaseHistory()
        let elsewhere = Actor(id: "gw-2", name: "卫网格", role: .gridWorker, gridCodes: ["G9"])
        #expect(history.refusal(.verify(real: true), by: elsewhere)?.code == .outOfScope)
        let unassigned = Actor(id: "gw-3", name: "蒋网格", role: .gridWorker)
        #expect(history.refusal(.verify(real: true), by: unassigned)?.code == .outOfScope)
        #expect(!CaseVisibility.canSee(history.snapshot, unassigned))
    }
}
