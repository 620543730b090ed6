import Foundation
import Hummingbird
import Testing
import Xiuhua

/// The console's inspection pages over a real server: tick, submit, score, open a case.
@Suite("Console inspection pages")
struct InspectionConsolePagesTests {
    typealias Pages = ShopConsolePagesTests

    /// Every item of 门前五包 ticked, `failed` ones failed with their findings and a note.
    static func ticks(failing failed: [String: String], note: String = "门口摆放货架") -> [(String, String)] {
        [("template", "mqwb")] + ChecklistTemplate.shopFrontage.items.flatMap { item -> [(String, String)] in
            if let findings = failed[item.code] {
                return [("result.\(item.code)", "fail"), ("findings.\(item.code)", findings), ("note.\(item.code)", note)]
            }
            return [("result.\(item.code)", "pass"), ("findings.\(item.code)", "1"), ("note.\(item.code)", "")]
        }
    }

    static func inspections(_ api: DemoAPI, shop: String) async throws -> Int? {
        try await api.get("/api/v1/shops/\(shop)/inspections", as: "admin")["items"]?.arrayValue?.count
    }

    @Test("a grid worker inspects from the shop page, sees the score, and opens the case of a failed item once")
    func inspectAndOpenCase() async throws {
        try await DemoServerFixture.withServer { api in
            let shop = try await InspectionAPITests.shop(api)
            let shopPage = try await Pages.page(api, "/console/shops/\(shop)", as: "gridworker")
            #expect(shopPage.text.contains("href=\"/console/shops/\(shop)/inspect?template=mqwb\""))
            #expect(shopPage.text.contains("href=\"/console/shops/\(shop)/inspect?template=\(ChecklistTemplate.marketSafety.code)\""))
            let form = try await Pages.page(api, "/console/shops/\(shop)/inspect?template=mqwb", as: "gridworker")
            #expect(form.status == .ok)
            #expect(form.text.contains("门前无垃圾、灰尘、污水、痰迹、油污"))
            #expect(form.text.contains("name=\"_csrf\""))

            let submitted = try await Pages.post(api, "/console/shops/\(shop)/inspections", as: "gridworker",
                                                 Self.ticks(failing: ["jinghua.litter": "2", "jinghua.snow": "1"]))
            #expect(submitted.status == .seeOther, "\(submitted.text)")
            let location = try #require(submitted.location)
            #expect(location.hasPrefix("/console/inspections/IN"))
            let id = String(location.dropFirst("/console/inspections/".count).prefix { $0 != "?" })
            let result = try await Pages.page(api, location, as: "gridworker")
            #expect(result.text.contains("得分 87 / 100"), "20 − 2×5 − 3 in 包净化: 7 of 20")
            #expect(result.text.contains("id=\"open-jinghua.litter\""))
            #expect(!result.text.contains("id=\"open-jinghua.snow\""), "an item without a case category has no button")
            #expect(result.text.contains("请以整改通知处理"))

            let opened = try await Pages.post(api, "/console/inspections/\(id)/cases", as: "gridworker", [("item", "jinghua.litter")])
            #expect(opened.status == .seeOther, "\(opened.text)")
            let back = try #require(opened.location)
            #expect(back.contains("opened="))
            let number = String(back.split(separator: "=").last ?? "")
            let shown = try await Pages.page(api, back, as: "gridworker")
            #expect(shown.text.contains("href=\"/console/cases/\(number)\""))
            #expect(!shown.text.contains("id=\"open-jinghua.litter\""))
            #expect(try await api.get("/api/v1/cases/\(number)", as: "admin").status == .ok)

            let again = try await Pages.post(api, "/console/inspections/\(id)/cases", as: "gridworker", [("item", "jinghua.litter")])
            #expect(again.status == .conflict)
            #expect(again.text.contains("该项已立案"))
            let passed = try await Pages.post(api, "/console/inspections/\(id)/cases", as: "gridworker", [("item", "lvhua.trees")])
            #expect(passed.status == .conflict)
            #expect(passed.text.contains("该项检查合格"))
        }
    }

    @Test("a supervisor reads an inspection but has no form and no case button, and its posts are refused")
    func wrongRole() async throws {
        try await DemoServerFixture.withServer { api in
            let shop = try await InspectionAPITests.shop(api)
            let id = try await InspectionAPITests.record(api, shop: shop)
            #expect(try await Pages.page(api, "/console/shops/\(shop)/inspect?template=mqwb", as: "supervisor").status == .forbidden)
            let page = try await Pages.page(api, "/console/inspections/\(id)", as: "supervisor")
            #expect(page.status == .ok)
            #expect(page.text.contains("得分 59 / 100"))
            #expect(!page.text.contains("id=\"open-"))
            let refused = try await Pages.post(api, "/console/inspections/\(id)/cases", as: "supervisor", [("item", "jinghua.litter")])
            #expect(refused.status == .forbidden)
            let notRecorded = try await Pages.post(api, "/console/shops/\(shop)/inspections", as: "supervisor", Self.ticks(failing: [:]))
            #expect(notRecorded.status == .forbidden)
            #expect(try await Self.inspections(api, shop: shop) == 1)
            let still = try await Pages.page(api, "/console/inspections/\(id)", as: "admin")
            #expect(still.text.contains("id=\"open-jinghua.litter\""), "no case was opened")
        }
    }

    @Test("bad ticks show the form again with the item named and what was typed, and record nothing")
    func badInput() async throws {
        try await DemoServerFixture.withServer { api in
            let shop = try await InspectionAPITests.shop(api)
            let badFindings = try await Pages.post(api, "/console/shops/\(shop)/inspections", as: "huanwei",
                                                   Self.ticks(failing: ["jinghua.litter": "many"]))
            #expect(badFindings.status == .badRequest)
            #expect(badFindings.text.contains("问题处数应为 1–20 的整数"))
            #expect(badFindings.text.contains("门前无垃圾、灰尘、污水、痰迹、油污"))
            #expect(badFindings.text.contains("value=\"many\""), "what was typed is kept")

            let unanswered = try await Pages.post(api, "/console/shops/\(shop)/inspections", as: "huanwei",
                                                  Self.ticks(failing: [:]).filter { $0.0 != "result.zhixu.carwash" })
            #expect(unanswered.status == .badRequest)
            #expect(unanswered.text.contains("检查项未填写"))
            #expect(unanswered.text.contains("zhixu.carwash"))
            #expect(try await Self.inspections(api, shop: shop) == 0)
            #expect(try await Pages.page(api, "/console/shops/\(shop)/inspect?template=nosuch", as: "huanwei").status == .notFound)
        }
    }

    @Test("a note typed on the sheet renders escaped on the inspection page")
    func escaping() async throws {
        try await DemoServerFixture.withServer { api in
            let shop = try await InspectionAPITests.shop(api)
            let submitted = try await Pages.post(api, "/console/shops/\(shop)/inspections", as: "admin",
                                                 Self.ticks(failing: ["zhixu.outside": "1"], note: "<img src=x onerror=alert(1)>"))
            let page = try await Pages.page(api, try #require(submitted.location), as: "admin")
            #expect(page.text.contains("&lt;img src=x onerror=alert(1)&gt;"))
            #expect(!page.text.contains("<img src=x"))
        }
    }
}
