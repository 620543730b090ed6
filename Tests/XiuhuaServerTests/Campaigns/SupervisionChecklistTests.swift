import Foundation
import Hummingbird
import Testing
import Xiuhua
import XiuhuaServer

/// Supervision groups' site inspections scored by the shop-duty checklist engine, with
/// inspections on the first simple checklist still accepted and read back as they were.
@Suite("Supervision inspections on the checklist engine")
struct SupervisionChecklistTests {
    static func items(failing: [String: Int] = [:]) -> [[String: Any]] {
        ChecklistTemplate.vaccinationSite.items.map { item in
            if let findings = failing[item.code] { return ["item": item.code, "passed": false, "findings": findings, "note": "缺记录"] }
            return ["item": item.code, "passed": true]
        }
    }

    @Test("an inspection with the template's items is scored by deductions per finding; an incomplete sheet is 400 and writes nothing; the old checklist stays readable")
    func scoredByTheEngine() async throws {
        try await DemoServerFixture.withServer { api in
            let site = try await VaccinationAPITests.site(api, capacity: 5)
            let created = try await api.post("/api/v1/vaccination/supervision-groups", as: "supervisor", [
                "name": "第二督导组", "members": ["supervisor"], "site_ids": [site],
            ])
            #expect(created.status == .created, "\(created.text)")
            let group = try #require(created["group"]?["id"]?.stringValue)
            let path = "/api/v1/vaccination/supervision-groups/\(group)/inspections"

            let checklist = try await api.get("/api/v1/vaccination/supervision-checklist", as: "supervisor")
            #expect(checklist.status == .ok)
            #expect(checklist["template"]?.stringValue == "jzdd")
            #expect(checklist["sections"]?.arrayValue?.count == 5)

            let incomplete = try await api.post(path, as: "supervisor", ["site_id": site, "items": Array(Self.items().dropLast())])
            try incomplete.expectError(.badRequest, "checklist_incomplete")
            #expect(incomplete.text.contains("staff.trained"))
            let unknown = try await api.post(path, as: "supervisor", ["site_id": site, "items": Self.items() + [["item": "nope", "passed": true]]])
            try unknown.expectError(.badRequest, "invalid_checklist")
            try await api.post(path, as: "dispatcher", ["site_id": site, "items": Self.items()]).expectError(.forbidden, "not_member")
            let empty = try await api.get("/api/v1/vaccination/supervision-groups/\(group)", as: "supervisor")
            #expect(empty["inspections"]?.arrayValue?.count == 0, "refused inspections wrote nothing")

            // Cold-chain records missing twice (2 × 10) and no emergency plan (10): 70 of 100.
            let scored = try await api.post(path, as: "supervisor", [
                "site_id": site, "items": Self.items(failing: ["coldchain.records": 2, "emergency.plan": 1]), "note": "冷链记录缺两天",
            ])
            #expect(scored.status == .created, "\(scored.text)")
            #expect(scored["score"]?.intValue == 70)
            #expect(scored["findings"]?.arrayValue?.compactMap(\.stringValue) == ["coldchain.records", "emergency.plan"])
            #expect(scored["inspection"]?["sheet"]?["template"]?.stringValue == "jzdd")

            var old: [String: Bool] = Dictionary(uniqueKeysWithValues: SiteChecklist.items.map { ($0.key, true) })
            old["emergency_kit"] = false
            let legacy = try await api.post(path, as: "supervisor", ["site_id": site, "answers": old])
            #expect(legacy.status == .created, "\(legacy.text)")
            #expect(legacy["score"]?.intValue == 88)

            let read = try await api.get("/api/v1/vaccination/supervision-groups/\(group)", as: "health")
            let inspections = try #require(read["inspections"]?.arrayValue)
            #expect(inspections.count == 2)
            #expect(Set(inspections.compactMap { $0["score"]?.intValue }) == [70, 88], "\(read.text)")
            #expect(inspections.contains { $0["findings"]?.arrayValue?.compactMap(\.stringValue) == ["emergency_kit"] })
        }
    }
}
