import Foundation
import Hummingbird
import Testing
import Xiuhua

/// The shop records' pages and lists over a real server: the shop's monthly score, case
/// numbers linked only for those who may open the case, paging, and values shown in words.
@Suite("Shop record pages: score, case links, paging, labels")
struct ShopRecordPagesTests {
    typealias Pages = ShopConsolePagesTests

    @Test("the shop page shows this month's score and grade as the 红黑榜 preview computes it, and earlier months as not inspected")
    func monthlyScore() async throws {
        try await DemoServerFixture.withServer { api in
            let shop = try await InspectionAPITests.shop(api)
            let id = try await InspectionAPITests.record(api, shop: shop)
            #expect(try await api.post("/api/v1/inspections/\(id)/cases", as: "huanwei", ["item": "zhixu.outside"]).status == .created)
            let preview = try await api.get("/api/v1/shop-boards/preview?month=2026-11&street=\(Demo.yongtai)", as: "supervisor")
            let scores = try #require(preview["scores"]?.arrayValue, "\(preview.text)")
            let score = try #require(scores.first { $0["shop_id"]?.stringValue == shop }?["score"]?.numberValue)
            #expect(score == 54, "59 less 5 for the case opened")

            let page = try await Pages.page(api, "/console/shops/\(shop)", as: "supervisor")
            #expect(page.text.contains("id=\"monthly-scores\""))
            #expect(page.text.contains("<tr data-month=\"2026-11\"><td>2026-11</td><td>1</td><td>1</td><td class=\"score\">54</td><td class=\"grade-poor\">差</td></tr>"))
            #expect(page.text.contains("<tr data-month=\"2026-10\"><td>2026-10</td><td colspan=\"4\" class=\"hint\">本月未检查</td></tr>"))
            #expect(page.text.contains("data-month=\"2026-06\""), "six months back")
            #expect(!page.text.contains("data-month=\"2026-05\""))
            let english = try await Pages.page(api, "/console/shops/\(shop)?lang=en", as: "supervisor")
            #expect(english.text.contains("<td class=\"grade-poor\">Poor</td>"))
            #expect(english.text.contains("Not inspected"))
            let desk = try await Pages.page(api, "/console/shop-boards?street=\(Demo.yongtai)&month=2026-11&lang=en", as: "supervisor")
            #expect(desk.text.contains("<td>54</td><td>Poor</td>"), "the board desk shows the same score, its grade in the page's language")
        }
    }

    @Test("a case opened from an inspection is a link for a reader who may open it and plain text for one who may not")
    func caseLinks() async throws {
        try await DemoServerFixture.withServer { api in
            let shop = try await InspectionAPITests.shop(api)
            let id = try await InspectionAPITests.record(api, shop: shop)
            let opened = try await api.post("/api/v1/inspections/\(id)/cases", as: "huanwei", ["item": "zhixu.outside"])
            let number = try #require(opened["case_number"]?.stringValue, "\(opened.text)")
            // 环卫处 filed it, but a reported case is not theirs to open until it is dispatched to them.
            #expect(try await Pages.page(api, "/console/cases/\(number)", as: "huanwei").status == .notFound)
            for path in ["/console/shops/\(shop)", "/console/inspections/\(id)"] {
                let unseen = try await Pages.page(api, path, as: "huanwei")
                #expect(unseen.status == .ok)
                #expect(unseen.text.contains(number), "\(path)")
                #expect(!unseen.text.contains("href=\"/console/cases/\(number)\""), "\(path): no dead link")
                let seen = try await Pages.page(api, path, as: "supervisor")
                #expect(seen.text.contains("href=\"/console/cases/\(number)\""), "\(path)")
            }
            #expect(try await Pages.page(api, "/console/cases/\(number)", as: "supervisor").status == .ok)
        }
    }

    @Test("API lists page by page or offset; page past the end is empty with the total; zero, words and mixed styles are 400s")
    func apiPaging() async throws {
        try await DemoServerFixture.withServer { api in
            let shop = try await InspectionAPITests.shop(api)
            for _ in 0..<3 { _ = try await InspectionAPITests.record(api, shop: shop, as: "gridworker") }
            for _ in 0..<3 { _ = try await api.post("/api/v1/shops/\(shop)/contracts", as: "yongtai", ContractAPITests.terms) }
            for _ in 0..<3 { _ = try await api.post("/api/v1/idle-spaces", as: "yongtai", try IdleSpaceAPITests.body(api)) }
            for _ in 0..<3 { _ = try await api.post("/api/v1/shops/\(shop)/notices", as: "huanwei", NoticeAPITests.issue) }
            for list in ["/api/v1/contracts", "/api/v1/notices", "/api/v1/idle-spaces", "/api/v1/shops/\(shop)/inspections"] {
                let all = try await api.get(list, as: "admin")
                #expect(all["total"]?.intValue == 3, "\(list): \(all.text)")
                let second = try await api.get("\(list)?page=2&page_size=2", as: "admin")
                #expect(second["items"]?.arrayValue?.count == 1, "\(list)")
                #expect(second["total"]?.intValue == 3)
                let offset = try await api.get("\(list)?offset=1&limit=1", as: "admin")
                #expect(offset["items"]?.arrayValue?.count == 1, "\(list)")
                let past = try await api.get("\(list)?page=9&page_size=2", as: "admin")
                #expect(past.status == .ok)
                #expect(past["items"]?.arrayValue?.count == 0)
                #expect(past["total"]?.intValue == 3)
                #expect(try await api.get("\(list)?page=0", as: "admin").error == "invalid_page", "\(list)")
                #expect(try await api.get("\(list)?page=two", as: "admin").error == "invalid_page")
                #expect(try await api.get("\(list)?page_size=1001", as: "admin").error == "invalid_page_size")
                #expect(try await api.get("\(list)?limit=-1", as: "admin").error == "invalid_limit")
                #expect(try await api.get("\(list)?page=1&offset=0", as: "admin").error == "invalid_paging")
                let bad = try await api.get("\(list)?page=0", as: "admin")
                #expect(bad.status == .badRequest)
                #expect(bad.text.contains("page must be a whole number in 1…1000000"))
            }
            #expect(try await api.get("/api/v1/shops?page=1&page_size=1", as: "admin")["items"]?.arrayValue?.count == 1)
            #expect(try await api.get("/api/v1/shops?page=0", as: "admin").error == "invalid_page")
        }
    }

    @Test("console lists show the total and previous/next links; page past the end is empty, page=0 or a word is a 400 page")
    func consolePaging() async throws {
        try await DemoServerFixture.withServer { api in
            let shop = try await InspectionAPITests.shop(api)
            for _ in 0..<51 { _ = try await api.post("/api/v1/shops/\(shop)/contracts", as: "yongtai", ContractAPITests.terms) }
            let first = try await Pages.page(api, "/console/contracts", as: "supervisor")
            #expect(first.text.contains("第 1 / 2 页，共 51 条"))
            #expect(first.text.contains("href=\"/console/contracts?page=2\" rel=\"next\""))
            #expect(!first.text.contains("rel=\"prev\""))
            #expect(first.text.components(separatedBy: "href=\"/console/contracts/MQWB-").count - 1 == 50)
            let second = try await Pages.page(api, "/console/contracts?status=unsigned&page=2", as: "supervisor")
            #expect(second.text.contains("MQWB-2026-0001"), "newest first: the oldest is on the last page")
            #expect(second.text.contains("href=\"/console/contracts?status=unsigned&amp;page=1\" rel=\"prev\""), "the filter is kept")
            #expect(!second.text.contains("rel=\"next\""))
            let past = try await Pages.page(api, "/console/contracts?page=7", as: "supervisor")
            #expect(past.status == .ok)
            #expect(past.text.contains("没有符合条件的责任书"))
            #expect(past.text.contains("rel=\"prev\""), "a way back")
            for bad in ["0", "two", "-1", ""] {
                let refused = try await Pages.page(api, "/console/contracts?page=\(bad)", as: "supervisor")
                #expect(refused.status == (bad.isEmpty ? .ok : .badRequest), "page=\(bad)")
            }
            let refused = try await Pages.page(api, "/console/shops?page=0", as: "supervisor")
            #expect(refused.status == .badRequest)
            #expect(refused.contentType?.hasPrefix("text/html") == true)
            #expect(refused.text.contains("page 应为 1…1000000 的整数"))
            #expect(try await Pages.page(api, "/console/idle-spaces?page=x", as: "supervisor").status == .badRequest)
            #expect(try await Pages.page(api, "/console/notices?page=x", as: "supervisor").status == .badRequest)
            let notices = try await Pages.page(api, "/console/notices?state=issued&page=3", as: "supervisor")
            #expect(notices.status == .ok)
            #expect(notices.text.contains("href=\"/console/notices?state=issued&amp;page=1\" rel=\"prev\""), "the notice list pages too: past the end, a way back to its last page")
            #expect(try await Pages.page(api, "/console/shops/\(shop)?page=x", as: "supervisor").status == .badRequest)
            let english = try await Pages.page(api, "/console/contracts?lang=en", as: "supervisor")
            #expect(english.text.contains("Page 1 of 2, 51 in all"))
        }
    }

    @Test("idle-space kinds, statuses and hazards and contract states are shown in words, Chinese first and English on request")
    func labels() async throws {
        try await DemoServerFixture.withServer { api in
            let space = try await api.post("/api/v1/idle-spaces", as: "yongtai", try IdleSpaceAPITests.body(api))
            let id = try #require(space["id"]?.stringValue, "\(space.text)")
            let zh = try await Pages.page(api, "/console/idle-spaces", as: "supervisor")
            for text in ["桥下空间", "已登记", "<td>中</td>"] { #expect(zh.text.contains(text), "\(text)") }
            let en = try await Pages.page(api, "/console/idle-spaces?lang=en", as: "supervisor")
            for text in ["Under-bridge space", "Registered", "<td>Medium</td>"] { #expect(en.text.contains(text), "\(text)") }
            #expect(!en.text.contains("<td>medium</td>"))
            let page = try await Pages.page(api, "/console/idle-spaces/\(id)?lang=en", as: "yongtai")
            #expect(page.text.contains("<dd id=\"space-status\">Registered</dd>"))
            #expect(page.text.contains("Move to: Planned"))

            let (_, number) = try await ContractAPITests.draft(api)
            let print = try await api.get("/contracts/\(number)/print", as: "supervisor")
            #expect(print.text.contains("状态：未签订"))
            let printEnglish = try await api.get("/contracts/\(number)/print?lang=en", as: "supervisor")
            #expect(printEnglish.text.contains("Status：Unsigned"))
            #expect(!printEnglish.text.contains("：unsigned"))
            let contract = try await Pages.page(api, "/console/contracts/\(number)?lang=en", as: "supervisor")
            #expect(contract.text.contains(">Unsigned</dd>"))
        }
    }
}
