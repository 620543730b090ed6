import Foundation
import Hummingbird
import Testing
import Xiuhua

/// The console's lists of contracts and rectification notices over a real server.
@Suite("Console contract and notice lists")
struct ContractNoticeConsolePagesTests {
    typealias Pages = ShopConsolePagesTests

    @Test("contracts are listed with their status; the expiring tab finds a signed one in its last 30 days, marked")
    func contracts() async throws {
        try await DemoServerFixture.withServer { api in
            let (shop, number) = try await ContractAPITests.draft(api)
            let all = try await Pages.page(api, "/console/contracts", as: "gridworker")
            #expect(all.status == .ok)
            #expect(all.text.contains(number))
            #expect(all.text.contains("href=\"/console/shops/\(shop)\""))
            #expect(all.text.contains("href=\"/contracts/\(number)/print\""))
            #expect(all.text.contains("未签订"))
            #expect(all.text.contains("href=\"/console/shops\" aria-current=\"page\""), "the registry's pages sit under 商户管理")
            #expect(try await Pages.page(api, "/console/contracts?status=unsigned", as: "yongtai").text.contains(number))
            #expect(try await Pages.page(api, "/console/contracts?status=expiring", as: "yongtai").text.contains("没有符合条件的责任书"))

            let signed = try await api.post("/api/v1/contracts/\(number)/sign", as: "yongtai", ContractAPITests.signing)
            #expect(signed.status == .ok, "\(signed.text)")
            api.clock.set("2027-11-15T10:00:00+08:00")
            let expiring = try await Pages.page(api, "/console/contracts?status=expiring", as: "supervisor")
            #expect(expiring.text.contains(number))
            #expect(expiring.text.contains("<tr class=\"overdue\"><td><a href=\"/console/contracts/\(number)\">\(number)</a></td>"))
            #expect(try await Pages.page(api, "/console/contracts?status=expired", as: "supervisor").text.contains("没有符合条件的责任书"))
            let bad = try await Pages.page(api, "/console/contracts?status=soon", as: "supervisor")
            #expect(bad.status == .badRequest)
            #expect(bad.contentType?.hasPrefix("text/html") == true)
            #expect(try await Pages.page(api, "/console/contracts", as: "api12345").status == .forbidden)
            #expect(try await Pages.page(api, "/console/contracts", as: nil).status == .found)
        }
    }

    @Test("notices are listed with their state; one past its deadline is marked overdue; a street officer sees only its streets'")
    func notices() async throws {
        try await DemoServerFixture.withServer { api in
            let shop = try await InspectionAPITests.shop(api)
            let issued = try await api.post("/api/v1/shops/\(shop)/notices", as: "huanwei", NoticeAPITests.issue)
            let number = try #require(issued["number"]?.stringValue)
            let document = try #require(issued["document_number"]?.stringValue)
            let fresh = try await Pages.page(api, "/console/notices", as: "supervisor")
            #expect(fresh.status == .ok)
            #expect(fresh.text.contains(document))
            #expect(fresh.text.contains("href=\"/notices/\(number)/print\""))
            #expect(fresh.text.contains("已下达"))
            #expect(!fresh.text.contains("class=\"overdue\""))

            api.clock.set("2026-12-08T10:00:00+08:00")
            let late = try await Pages.page(api, "/console/notices", as: "supervisor")
            #expect(late.text.contains("<tr class=\"overdue\"><td><a href=\"/console/notices/\(number)\">\(document)</a></td>"))
            #expect(late.text.contains("逾期"))
            #expect(try await Pages.page(api, "/console/notices?state=rectified", as: "supervisor").text.contains("没有符合条件的整改通知书"))
            #expect(try await Pages.page(api, "/console/notices?state=issued", as: "yongtai").text.contains(document))
            #expect(try await Pages.page(api, "/console/notices?state=late", as: "yongtai").status == .badRequest)

            let elsewhere = try await api.post("/api/v1/shops", as: "admin", try ShopAPITests.body(api, name: "文瀛湖小卖部", code: "92140213MA0K3XH02G", grid: Demo.wenyinghuGrid))
            let other = try #require(elsewhere["id"]?.stringValue)
            let otherNotice = try await api.post("/api/v1/shops/\(other)/notices", as: "huanwei", NoticeAPITests.issue)
            let otherDocument = try #require(otherNotice["document_number"]?.stringValue)
            #expect(try await Pages.page(api, "/console/notices", as: "admin").text.contains(otherDocument))
            #expect(!(try await Pages.page(api, "/console/notices", as: "yongtai").text.contains(otherDocument)))
        }
    }
}
