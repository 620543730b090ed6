import Foundation
import Testing
@testable import Xiuhua

@Suite("Supervision groups")
struct SupervisionGroupTests {
    static let member = Actor(id: "demo-supervisor", name: "孙敏", role: .supervisor)
    static let outsider = Actor(id: "demo-dispatcher", name: "刘洋", role: .dispatcher)
    static let group = SupervisionGroup(id: "sg-1", name: "第一督导组", memberIDs: [member.id], siteIDs: ["vs-1"], createdAt: Date())

    static func allMet() -> [String: Bool] {
        Dictionary(uniqueKeysWithValues: SiteChecklist.items.map { ($0.key, true) })
    }

    @Test("only members inspect, and only the group's sites")
    func whoInspects() {
        #expect(Self.group.inspectionProblem(by: Self.member, site: "vs-1") == nil)
        #expect(Self.group.inspectionProblem(by: Self.outsider, site: "vs-1")?.code == "not_member")
        #expect(Self.group.inspectionProblem(by: Self.member, site: "vs-2")?.code == "site_not_assigned")
    }

    @Test("the checklist must be answered in full; the score is the share met and the findings list what was not")
    func checklist() {
        #expect(SiteChecklist.problem(Self.allMet()) == nil)
        var missing = Self.allMet()
        missing["emergency_kit"] = nil
        #expect(SiteChecklist.problem(missing)?.code == "checklist_incomplete")
        var unknown = Self.allMet()
        unknown["paint_colour"] = true
        #expect(SiteChecklist.problem(unknown)?.code == "unknown_checklist_item")
        var answers = Self.allMet()
        answers["cold_chain_logged"] = false
        answers["observation_30min"] = false
        let inspection = SiteInspection(
            id: "si", groupID: "sg-1", siteID: "vs-1", inspectorID: Self.member.id, inspectorName: Self.member.name,
            inspectedAt: Date(), answers: answers, note: ""
        )
        #expect(inspection.score == 75)
        #expect(inspection.findings == ["cold_chain_logged", "observation_30min"])
    }

    @Test("a group needs a name, a member and a site")
    func fields() {
        var group = Self.group
        group.memberIDs = []
        #expect(group.problem()?.code == "no_members")
        group = Self.group
        group.siteIDs = []
        #expect(group.problem()?.code == "no_sites")
        group = Self.group
        group.name = " "
        #expect(group.problem()?.code == "invalid_name")
    }
}
