import Foundation
import Hummingbird
import Testing
import Xiuhua
import XiuhuaGeo

/// Checklist inspections and the cases their failed items open, over a real server.
@Suite("Inspection API")
struct InspectionAPITests {
    /// Registers a shop in 红旗里社区 and returns its id.
    static func shop(_ api: DemoAPI) async throws -> String {
        let created = try await api.post("/api/v1/shops", as: "admin", try ShopAPITests.body(api))
        try #require(created.status == .created, "\(created.text)")
        return try #require(created["id"]?.stringValue)
    }

    static func answers(failing failed: [String: Int], template: ChecklistTemplate = .shopFrontage) -> [[String: Any]] {
        template.items.map { item in
            if let findings = failed[item.code] {
                return ["item": item.code, "passed": false, "findings": findings, "note": "门口摆放货架", "photos": ["0a1b"]]
            }
            return ["item": item.code, "passed": true]
        }
    }

    /// The sheet of `InspectionSheetTests.frontageSheet`: 59 points.
    static let failures = [
        "jinghua.litter": 2, "jinghua.refuse": 1, "jinghua.snow": 1, "meihua.awning": 1,
        "zhixu.outside": 3, "zhixu.piling": 1, "zhixu.parking": 1,
    ]

    static func record(_ api: DemoAPI, shop: String, as username: String = "huanwei") async throws -> String {
        let recorded = try await api.post("/api/v1/shops/\(shop)/inspections", as: username, [
            "template": "mqwb", "answers": answers(failing: failures), "lat": 40.0, "lon": 113.3,
        ])
        try #require(recorded.status == .created, "\(recorded.text)")
        return try #require(recorded["id"]?.stringValue)
    }

    @Test("an inspection is scored as the hand-computed sheet and listed under its shop")
    func scored() async throws {
        try await DemoServerFixture.withServer { api in
            let shop = try await Self.shop(api)
            let id = try await Self.record(api, shop: shop, as: "gridworker")
            let shown = try await api.get("/api/v1/inspections/\(id)", as: "supervisor")
            #expect(shown["score"]?.intValue == 59)
            #expect(shown["maximum"]?.intValue == 100)
            #expect(shown["sections"]?.arrayValue?.compactMap { $0["score"]?.intValue } == [2, 20, 20, 17, 0])
            #expect(shown["officer_name"]?.stringValue == "李强（网格员）")
            #expect(shown["at"]?.stringValue == "2026-11-30T09:00:00+08:00")
            let listed = try await api.get("/api/v1/shops/\(shop)/inspections", as: "yongtai")
            #expect(listed["items"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == [id])
            let checklists = try await api.get("/api/v1/checklists", as: "supervisor")
            #expect(checklists["items"]?.arrayValue?.compactMap { $0["code"]?.stringValue } == ["mqwb", "scaq"])
        }
    }

    @Test("wrong role, unknown template, incomplete answers, a future time and an unknown shop are refused without writing")
    func refused() async throws {
        try await DemoServerFixture.withServer { api in
            let shop = try await Self.shop(api)
            let path = "/api/v1/shops/\(shop)/inspections"
            let good: [String: Any] = ["template": "mqwb", "answers": Self.answers(failing: [:])]
            #expect(try await api.post(path, as: "supervisor", good).error == "forbidden_role")
            #expect(try await api.post(path, as: "dispatcher", good).status == .forbidden)
            #expect(try await api.post(path, as: "admin", ["template": "xyz", "answers": Self.answers(failing: [:])]).error == "unknown_template")
            let partial = try await api.post(path, as: "admin", ["template": "scaq", "answers": Self.answers(failing: [:])])
            #expect(partial.error == "invalid_answers")
            #expect(partial["message"]?.stringValue?.contains("permits.licence") == true || partial["message"]?.stringValue?.contains("jinghua") == true)
            #expect(try await api.post(path, as: "admin", good.merging(["at": "2026-12-01T09:00:00+08:00"]) { $1 }).error == "invalid_at")
            #expect(try await api.post(path, as: "admin", good.merging(["lat": 95.0, "lon": 113.0]) { $1 }).error == "invalid_lat")
            #expect(try await api.post("/api/v1/shops/SH0/inspections", as: "admin", good).error == "shop_not_found")
            #expect(try await api.get(path, as: "admin")["items"]?.arrayValue?.count == 0)
            #expect(try await api.get("/api/v1/inspections/IN0", as: "admin").error == "inspection_not_found")
        }
    }

    @Test("a failed item opens the case of its catalog category in one step, linked both ways; only once")
    func failedItemOpensCase() async throws {
        try await DemoServerFixture.withServer { api in
            let shop = try await Self.shop(api)
            let id = try await Self.record(api, shop: shop)
            let opened = try await api.post("/api/v1/inspections/\(id)/cases", as: "huanwei", ["item": "zhixu.outside"])
            #expect(opened.status == .created, "\(opened.text)")
            #expect(opened["category"]?.stringValue == "09005")
            let number = try #require(opened["case_number"]?.stringValue)

            let filed = try await api.caseView(number, as: "dutychief")
            #expect(filed["category"]?["code"]?.stringValue == "09005")
            #expect(filed["state"]?.stringValue == "reported")
            #expect(filed["source"]?.stringValue == "api")
            #expect(filed["location"]?["grid"]?["code"]?.stringValue == Demo.hongqiliGrid)
            #expect(filed["description"]?.stringValue?.contains(id) == true)
            #expect(filed["description"]?.stringValue?.contains("（3 处）") == true)
            #expect(filed["photos"]?.arrayValue?.count == 1)

            let inspection = try await api.get("/api/v1/inspections/\(id)", as: "admin")
            let line = inspection["lines"]?.arrayValue?.first { $0["item"]?.stringValue == "zhixu.outside" }
            #expect(line?["case_number"]?.stringValue == number)

            let again = try await api.post("/api/v1/inspections/\(id)/cases", as: "huanwei", ["item": "zhixu.outside"])
            #expect(again.status == .conflict)
            #expect(again.error == "case_already_opened")
            #expect(try await api.post("/api/v1/inspections/\(id)/cases", as: "huanwei", ["item": "lvhua.trees"]).error == "item_passed")
            #expect(try await api.post("/api/v1/inspections/\(id)/cases", as: "huanwei", ["item": "jinghua.snow"]).error == "no_case_category")
            #expect(try await api.post("/api/v1/inspections/\(id)/cases", as: "huanwei", ["item": "nope"]).error == "unknown_item")
            #expect(try await api.post("/api/v1/inspections/\(id)/cases", as: "supervisor", ["item": "zhixu.piling"]).status == .forbidden)

            let refuse = try await api.post("/api/v1/inspections/\(id)/cases", as: "gridworker", ["item": "jinghua.refuse"])
            #expect(refuse["category"]?.stringValue == "06010")
            #expect(try await api.send(.delete, "/api/v1/shops/\(shop)", as: "admin").error == "shop_has_records")
        }
    }

    @Test("two officers opening the same item at once: one case, one 409")
    func concurrentOpen() async throws {
        try await DemoServerFixture.withServer { api in
            let shop = try await Self.shop(api)
            let id = try await Self.record(api, shop: shop)
            let responses = try await CaseConcurrencyTests.race(api, [
                (username: "huanwei", path: "/api/v1/inspections/\(id)/cases", body: DemoAPI.jsonText(["item": "zhixu.piling"])),
                (username: "admin", path: "/api/v1/inspections/\(id)/cases", body: DemoAPI.jsonText(["item": "zhixu.piling"])),
            ])
            #expect(responses.map(\.status.code).sorted() == [201, 409], "\(responses.map(\.text))")
            let cases = try await api.listed("category=06036", as: "dispatcher")
            #expect(cases.count == 1, "\(cases)")
        }
    }
}
