import Foundation
import Hummingbird
import Testing
import Xiuhua

/// The 红黑榜: preview, publication by a supervisor, and a published board that later
/// inspections do not change, on the API and the public page.
@Suite("Shop board API and page")
struct ShopBoardAPITests {
    @Test("a published board stays as published; publishing is a supervisor's act, once per month and street")
    func publishedStaysUnchanged() async throws {
        try await DemoServerFixture.withServer { api in
            let good = try await InspectionAPITests.shop(api)
            let bad = try #require(try await api.post("/api/v1/shops", as: "admin", try ShopAPITests.body(api, name: "老王烧烤", code: "92140213MA0K3XH02G"))["id"]?.stringValue)
            _ = try await api.post("/api/v1/shops/\(good)/inspections", as: "huanwei", ["template": "mqwb", "answers": InspectionAPITests.answers(failing: [:])])
            let inspection = try await InspectionAPITests.record(api, shop: bad)
            _ = try await api.post("/api/v1/inspections/\(inspection)/cases", as: "huanwei", ["item": "zhixu.outside"])

            let preview = try await api.get("/api/v1/shop-boards/preview?month=2026-11&street=\(Demo.yongtai)", as: "yongtai")
            #expect(preview.status == .ok, "\(preview.text)")
            #expect(preview["board"]?["red"]?.arrayValue?.compactMap { $0["shop_name"]?.stringValue } == ["永泰便利店"])
            #expect(preview["board"]?["black"]?.arrayValue?.compactMap { $0["score"]?.numberValue } == [54])

            let body: [String: Any] = ["month": "2026-11", "street": Demo.yongtai]
            #expect(try await api.post("/api/v1/shop-boards", as: "yongtai", body).error == "forbidden_role")
            #expect(try await api.post("/api/v1/shop-boards", as: "supervisor", ["month": "2026-12", "street": Demo.yongtai]).error == "invalid_month")
            #expect(try await api.post("/api/v1/shop-boards", as: "supervisor", ["month": "2026-11", "street": "nowhere"]).error == "unknown_street")
            let published = try await api.post("/api/v1/shop-boards", as: "supervisor", body)
            #expect(published.status == .created, "\(published.text)")
            #expect(try await api.post("/api/v1/shop-boards", as: "supervisor", body).error == "already_published")
            let before = try await api.get("/api/v1/shop-boards?month=2026-11")
            #expect(before.status == .ok, "the published boards are public")

            // Later the good shop fails badly in the same month: the preview changes, the published board does not.
            _ = try await api.post("/api/v1/shops/\(good)/inspections", as: "huanwei", ["template": "mqwb", "answers": InspectionAPITests.answers(failing: InspectionAPITests.failures)])
            let later = try await api.get("/api/v1/shop-boards/preview?month=2026-11&street=\(Demo.yongtai)", as: "admin")
            #expect(later["board"]?["red"]?.arrayValue?.isEmpty == true)
            let after = try await api.get("/api/v1/shop-boards?month=2026-11")
            #expect(after.text == before.text)
            #expect(after["items"]?.arrayValue?.first?["board"]?["red"]?.arrayValue?.count == 1)

            let page = try await api.get("/board/shops")
            #expect(page.status == .ok)
            #expect(page.text.contains("门前五包红黑榜"))
            #expect(page.text.contains("永泰便利店"))
            #expect(page.text.contains("老王烧烤"))
            #expect(page.text.contains("垃圾分类并定时定点投放，无暴露垃圾、垃圾外溢未落实"))
            #expect(page.text.contains("检查发现问题立案 1 件"))
            #expect(!page.text.contains("13812341234"))
            let english = try await api.get("/board/shops?lang=en")
            #expect(english.text.contains("Shopfront red and black lists"))
            #expect(try await api.get("/api/v1/shop-boards/preview?street=\(Demo.yongtai)&month=2026-13", as: "admin").error == "invalid_month")
            #expect(try await api.get("/api/v1/shop-boards/preview?month=2026-11", as: "admin").error == "missing_street")
            #expect(try await api.get("/api/v1/shop-boards/preview?street=\(Demo.wenyinghu)", as: "yongtai").error == "outside_scope")
        }
    }
}
