import Foundation
import Hummingbird
import Testing
import Xiuhua

/// Campaigns over HTTP against a real server on the demo district.
@Suite("Campaigns over HTTP")
struct CampaignAPITests {
    static func plan(_ api: DemoAPI, as username: String = "yongtai", kind: String = "rectification", area: String = Demo.hongqili) async throws -> String {
        var body: [String: Any] = [
            "name": "红旗里占道经营专项整治", "kind": kind, "area_codes": [area],
            "starts_on": "2026-11-30", "ends_on": "2026-12-30",
            "targets": [["key": "stalls", "name": "清理摊点", "goal": 40]],
            "resources": [["kind": "people", "name": "执法队员", "count": 30], ["kind": "vehicles", "name": "执法车", "count": 3]],
        ]
        if kind == "rectification" { body["category_code"] = "06010" }
        let response = try await api.post("/api/v1/campaigns", as: username, body)
        try #require(response.status == .created, "\(response.text)")
        return try #require(response["campaign"]?["id"]?.stringValue)
    }

    @Test("lifecycle over HTTP: plan, start, report, file a tagged case, finish with a summary")
    func lifecycle() async throws {
        try await DemoServerFixture.withServer { api in
            let id = try await Self.plan(api)
            let planned = try await api.get("/api/v1/campaigns/\(id)", as: "supervisor")
            #expect(planned["campaign"]?["state"]?.stringValue == "planned")
            #expect(planned["campaign"]?["owner_name"]?.stringValue == "陈静（永泰街道）")
            #expect(planned["campaign"]?["resources"]?.arrayValue?.count == 2)

            let early = try await api.post("/api/v1/campaigns/\(id)/reports", as: "yongtai", ["day": "2026-11-30", "progress": ["stalls": 5]])
            #expect(early.status == .conflict && early.error == "wrong_state")

            let started = try await api.post("/api/v1/campaigns/\(id)/start", as: "yongtai", [:])
            #expect(started.status == .ok && started["campaign"]?["state"]?.stringValue == "running", "\(started.text)")

            let filed = try await api.file()
            let report = try await api.post("/api/v1/campaigns/\(id)/reports", as: "gridworker", ["day": "2026-11-30", "progress": ["stalls": 12], "note": "清理红旗街摊点"])
            #expect(report.status == .created, "\(report.text)")
            #expect(report["totals"]?["stalls"]?.intValue == 12)
            #expect(report["case_numbers"]?.arrayValue?.compactMap(\.stringValue) == [filed.number])

            let finished = try await api.post("/api/v1/campaigns/\(id)/finish", as: "yongtai", ["summary": "清理摊点 42 处，完成目标"])
            #expect(finished["campaign"]?["state"]?.stringValue == "finished", "\(finished.text)")
            #expect(finished["campaign"]?["summary"]?.stringValue == "清理摊点 42 处，完成目标")
            let again = try await api.post("/api/v1/campaigns/\(id)/start", as: "yongtai", [:])
            try again.expectError(.conflict, "wrong_state")

            let page = try await api.get("/campaigns", as: "supervisor")
            #expect(page.status == .ok && page.contentType?.hasPrefix("text/html") == true)
            #expect(page.text.contains("红旗里占道经营专项整治") && page.text.contains("已结束") && page.text.contains("12 / 40"), "\(page.text)")
            #expect(page.text.contains("清理摊点 42 处，完成目标") && page.text.contains("执法队员 30"))
            let english = try await api.get("/campaigns?lang=en", as: "supervisor")
            #expect(english.text.contains("Finished") && english.text.contains("Rectification"))
            #expect(try await api.get("/campaigns", as: nil).status == .unauthorized)
            let listed = try await api.get("/api/v1/campaigns?state=finished", as: "dispatcher")
            #expect(listed["items"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == [id])
        }
    }

    @Test("wrong role, wrong owner, bad input and unknown ids get clear 4xx answers and write nothing")
    func refusals() async throws {
        try await DemoServerFixture.withServer { api in
            let citizenPlan = try await api.post("/api/v1/campaigns", as: nil, ["name": "x"])
            #expect(citizenPlan.status == .unauthorized)
            let outOfStreet = try await api.post("/api/v1/campaigns", as: "yongtai", [
                "name": "越界", "kind": "cleanUp", "area_codes": [Demo.wenyinghu], "starts_on": "2026-12-01", "ends_on": "2026-12-02",
            ])
            try outOfStreet.expectError(.forbidden, "out_of_scope")
            let handler = try await api.post("/api/v1/campaigns", as: "huanwei", [
                "name": "部门", "kind": "cleanUp", "area_codes": [Demo.hongqili], "starts_on": "2026-12-01", "ends_on": "2026-12-02",
            ])
            try handler.expectError(.forbidden, "forbidden_role")
            let unknownRegion = try await api.post("/api/v1/campaigns", as: "admin", [
                "name": "无此区", "kind": "cleanUp", "area_codes": ["999999999"], "starts_on": "2026-12-01", "ends_on": "2026-12-02",
            ])
            try unknownRegion.expectError(.badRequest, "unknown_region")
            let badDate = try await api.post("/api/v1/campaigns", as: "admin", [
                "name": "日期", "kind": "cleanUp", "area_codes": [Demo.hongqili], "starts_on": "2026-13-01", "ends_on": "2026-12-02",
            ])
            try badDate.expectError(.badRequest, "invalid_body")
            let unknownCategory = try await api.post("/api/v1/campaigns", as: "admin", [
                "name": "类别", "kind": "rectification", "category_code": "77777", "area_codes": [Demo.hongqili], "starts_on": "2026-12-01", "ends_on": "2026-12-02",
            ])
            try unknownCategory.expectError(.badRequest, "unknown_category")

            let id = try await Self.plan(api, kind: "cleanUp")
            let notOwner = try await api.post("/api/v1/campaigns/\(id)/start", as: "dispatcher", [:])
            try notOwner.expectError(.forbidden, "not_owner")
            #expect(try await api.get("/api/v1/campaigns/\(id)", as: "admin")["campaign"]?["state"]?.stringValue == "planned")
            let byAdmin = try await api.post("/api/v1/campaigns/\(id)/start", as: "admin", [:])
            #expect(byAdmin.status == .ok)
            let unknownTarget = try await api.post("/api/v1/campaigns/\(id)/reports", as: "yongtai", ["day": "2026-12-01", "progress": ["trees": 1]])
            try unknownTarget.expectError(.badRequest, "unknown_target")
            let noSummary = try await api.post("/api/v1/campaigns/\(id)/finish", as: "yongtai", ["summary": ""])
            try noSummary.expectError(.badRequest, "missing_summary")
            let unknownCase = try await api.post("/api/v1/campaigns/\(id)/cases", as: "yongtai", ["case_number": "PC2026113099999"])
            try unknownCase.expectError(.notFound, "case_not_found")
            let missing = try await api.get("/api/v1/campaigns/cp-nothing", as: "admin")
            try missing.expectError(.notFound, "campaign_not_found")
            let badState = try await api.get("/api/v1/campaigns?state=paused", as: "admin")
            try badState.expectError(.badRequest, "invalid_state")
        }
    }

    @Test("two owners' start requests at once: one 200, one 409")
    func concurrentStart() async throws {
        try await DemoServerFixture.withServer { api in
            let id = try await Self.plan(api, kind: "cleanUp")
            let responses = try await CaseConcurrencyTests.race(api, [
                (username: "yongtai", path: "/api/v1/campaigns/\(id)/start", body: "{}"),
                (username: "admin", path: "/api/v1/campaigns/\(id)/start", body: "{}"),
            ])
            #expect(responses.map(\.status.code).sorted() == [200, 409], "\(responses.map(\.text))")
        }
    }
}
