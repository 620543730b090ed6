import Foundation
import Hummingbird
import Testing
import Xiuhua

/// The console's 红黑榜 desk over a real server: preview a street's month, publish once.
@Suite("Console shop board desk")
struct ShopBoardConsolePageTests {
    typealias Pages = ShopConsolePagesTests

    static func publishedCount(_ api: DemoAPI) async throws -> Int? {
        try await api.get("/api/v1/shop-boards?month=2026-11")["items"]?.arrayValue?.count
    }

    @Test("a supervisor previews a street's month with its scores and publishes it once; the page then says so")
    func previewAndPublish() async throws {
        try await DemoServerFixture.withServer { api in
            let shop = try await InspectionAPITests.shop(api)
            _ = try await InspectionAPITests.record(api, shop: shop)
            let empty = try await Pages.page(api, "/console/shop-boards", as: "supervisor")
            #expect(empty.status == .ok)
            #expect(empty.text.contains("请选择街道和月份"))
            let path = "/console/shop-boards?street=\(Demo.yongtai)&month=2026-11"
            let preview = try await Pages.page(api, path, as: "supervisor")
            #expect(preview.status == .ok)
            #expect(preview.text.contains("href=\"/console/shops/\(shop)\""))
            #expect(preview.text.contains("<td>59</td>"))
            #expect(preview.text.contains("id=\"publish\""))

            let published = try await Pages.post(api, "/console/shop-boards", as: "supervisor", [("street", Demo.yongtai), ("month", "2026-11")])
            #expect(published.status == .seeOther, "\(published.text)")
            #expect(try await Self.publishedCount(api) == 1)
            let after = try await Pages.page(api, try #require(published.location), as: "supervisor")
            #expect(after.text.contains("红黑榜已发布"))
            #expect(after.text.contains("id=\"published\""))
            #expect(!after.text.contains("id=\"publish\""))

            let again = try await Pages.post(api, "/console/shop-boards", as: "supervisor", [("street", Demo.yongtai), ("month", "2026-11")])
            #expect(again.status == .conflict)
            #expect(again.text.contains("该街道红黑榜已发布"))
            #expect(try await Self.publishedCount(api) == 1)
        }
    }

    @Test("a street officer previews only its street and cannot publish; bad months are refused with a message and publish nothing")
    func refusals() async throws {
        try await DemoServerFixture.withServer { api in
            let own = try await Pages.page(api, "/console/shop-boards?street=\(Demo.yongtai)&month=2026-11", as: "yongtai")
            #expect(own.status == .ok)
            #expect(!own.text.contains("id=\"publish\""))
            #expect(try await Pages.page(api, "/console/shop-boards?street=\(Demo.wenyinghu)&month=2026-11", as: "yongtai").status == .forbidden)
            let refused = try await Pages.post(api, "/console/shop-boards", as: "yongtai", [("street", Demo.yongtai), ("month", "2026-11")])
            #expect(refused.status == .forbidden)

            let badMonth = try await Pages.post(api, "/console/shop-boards", as: "supervisor", [("street", Demo.yongtai), ("month", "2026-13")])
            #expect(badMonth.status == .badRequest)
            #expect(badMonth.text.contains("month 应写作 YYYY-MM"))
            let future = try await Pages.post(api, "/console/shop-boards", as: "supervisor", [("street", Demo.yongtai), ("month", "2027-01")])
            #expect(future.status == .badRequest)
            #expect(future.text.contains("不能发布尚未开始的月份"))
            let noStreet = try await Pages.post(api, "/console/shop-boards", as: "supervisor", [("street", "<b>x</b>"), ("month", "2026-11")])
            #expect(noStreet.status == .badRequest)
            #expect(noStreet.text.contains("没有这个街道"))
            #expect(noStreet.text.contains("&lt;b&gt;x&lt;/b&gt;"))
            #expect(!noStreet.text.contains("<b>x</b>"))
            #expect(try await Self.publishedCount(api) == 0)
            #expect(try await Pages.page(api, "/console/shop-boards?month=soon", as: "supervisor").status == .badRequest)
        }
    }
}
