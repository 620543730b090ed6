import Foundation
import Hummingbird
import Testing
import Xiuhua
@testable import XiuhuaServer

/// The console's notice desk over a real server: a notice issued, served, re-inspected and
/// escalated through the forms, every refusal shown on the page, and escalation acting —
/// one penalty case however many press at once, the black list of the next unpublished
/// board — kept across a restart.
@Suite("Console notice desk")
struct NoticeDeskPagesTests {
    typealias Pages = ShopConsolePagesTests

    static let issueFields: [(String, String)] = [
        ("found_at", "2026-11-30T08:30"), ("place", ""), ("facts", "门前堆放货物占用人行道约 6 平方米"),
        ("law", "《城市市容和环境卫生管理条例》"), ("article", "第十四条"), ("clause", ""),
        ("requirements", "清除门前堆放物，恢复人行道通行"), ("deadline_working_days", "5"),
        ("officer1_name", "赵磊"), ("officer1_certificate", "14020001"), ("officer2_name", "钱明"), ("officer2_certificate", "14020002"),
    ]

    static func with(_ name: String, _ value: String) -> [(String, String)] {
        issueFields.map { $0.0 == name ? (name, value) : $0 }
    }

    static func noticeCount(_ api: DemoAPI) async throws -> Int? {
        try await api.get("/api/v1/notices", as: "admin")["items"]?.arrayValue?.count
    }

    /// Issues a notice through the console form; returns its number.
    static func issue(_ api: DemoAPI, shop: String, as username: String = "yongtai") async throws -> String {
        let issued = try await Pages.post(api, "/console/shops/\(shop)/notices", as: username, issueFields)
        try #require(issued.status == .seeOther, "\(issued.text)")
        let location = try #require(issued.location)
        return String(location.dropFirst("/console/notices/".count).prefix { $0 != "?" })
    }

    /// A notice issued and served on Monday 2026-11-30, made overdue by the scan on 2026-12-08.
    static func overdueNotice(_ fixture: DemoServerFixture, _ api: DemoAPI) async throws -> (shop: String, number: String) {
        let shop = try await InspectionAPITests.shop(api)
        let number = try await issue(api, shop: shop)
        let served = try await Pages.post(api, "/console/notices/\(number)/serve", as: "yongtai", [("received_at", "2026-11-30T09:00"), ("signer", "王五")])
        try #require(served.status == .seeOther, "\(served.text)")
        fixture.clock.set("2026-12-08T10:00:00+08:00")
        #expect(await NoticeOverdueScan(services: fixture.services, logger: .quiet).tick() == [number])
        return (shop, number)
    }

    @Test("the catalog has every text in both languages")
    func catalogComplete() {
        #expect(NoticeConsoleText.missingKeys.isEmpty)
    }

    @Test("a street officer issues from the shop, serves, re-inspects (failed, then passed) through the forms; the list, the page and the print follow")
    func lifecycle() async throws {
        try await DemoServerFixture.withServer { api in
            let shop = try await InspectionAPITests.shop(api)
            let shopPage = try await Pages.page(api, "/console/shops/\(shop)", as: "yongtai")
            #expect(shopPage.text.contains("href=\"/console/shops/\(shop)/notices/new\""))
            #expect(!(try await Pages.page(api, "/console/shops/\(shop)", as: "gridworker").text.contains("id=\"issue-notice\"")), "only the roles that issue see the way in")
            let form = try await Pages.page(api, "/console/shops/\(shop)/notices/new", as: "yongtai")
            #expect(form.status == .ok)
            #expect(form.text.contains("id=\"issue-form\""))
            #expect(form.text.contains("name=\"_csrf\""))
            #expect(form.text.contains("name=\"officer2_certificate\""))

            let number = try await Self.issue(api, shop: shop)
            #expect(number == "ZG-2026-0001")
            let issued = try await Pages.page(api, "/console/notices/\(number)?done=issued", as: "yongtai")
            #expect(issued.status == .ok)
            for text in ["通知书已下达", "平城区城管责改〔2026〕第0001号", "已下达", "《城市市容和环境卫生管理条例》第十四条", "赵磊（14020001）", "2026-12-07 09:00", "永泰南路 12 号", "id=\"serve-form\""] {
                #expect(issued.text.contains(text), "\(text)")
            }
            #expect(!issued.text.contains("id=\"reinspect-form\""), "not before it is served")
            #expect(!issued.text.contains("id=\"escalate-form\""), "not before it is overdue")

            let served = try await Pages.post(api, "/console/notices/\(number)/serve", as: "yongtai", [("received_at", "2026-11-30T09:00"), ("signer", "王五")])
            #expect(served.status == .seeOther, "\(served.text)")
            #expect(served.location == "/console/notices/\(number)?done=served")
            let page = try await Pages.page(api, "/console/notices/\(number)", as: "yongtai")
            #expect(page.text.contains("已送达"))
            #expect(page.text.contains("2026-11-30 09:00 · 王五"))
            #expect(page.text.contains("id=\"reinspect-form\""))
            #expect(!page.text.contains("id=\"serve-form\""))

            let failed = try await Pages.post(api, "/console/notices/\(number)/reinspect", as: "yongtai", [("passed", "false"), ("note", "仍有货架")])
            #expect(failed.status == .seeOther, "\(failed.text)")
            #expect(try await api.get("/api/v1/notices/\(number)", as: "admin")["state"]?.stringValue == "served", "a failed re-inspection before the deadline leaves it served")
            let passed = try await Pages.post(api, "/console/notices/\(number)/reinspect", as: "yongtai", [("passed", "true"), ("note", "")])
            #expect(passed.status == .seeOther, "\(passed.text)")
            let done = try await Pages.page(api, "/console/notices/\(number)", as: "supervisor")
            #expect(done.text.contains("id=\"state\">已整改"))
            for kind in ["下达", "送达", "复查", "整改完成"] { #expect(done.text.contains("<td>\(kind)</td>"), "\(kind)") }
            #expect(done.text.contains("复查不合格：仍有货架"))
            #expect(!done.text.contains("<form method=\"post\" action=\"/console/notices/"), "a rectified notice offers no act")

            let english = try await Pages.page(api, "/console/notices/\(number)?lang=en", as: "supervisor")
            #expect(english.text.contains("id=\"state\">Rectified"))
            #expect(english.text.contains("<td>Re-inspected</td>"))
            let fromShop = try await Pages.page(api, "/console/shops/\(shop)", as: "yongtai")
            #expect(fromShop.text.contains("href=\"/console/notices/\(number)\""))
            #expect(fromShop.text.contains("已整改"))
            let list = try await Pages.page(api, "/console/notices", as: "supervisor")
            #expect(list.text.contains("href=\"/console/notices/\(number)\""))
            #expect(list.text.contains("已整改"))
            #expect(try await Pages.page(api, "/console/notices?lang=en", as: "supervisor").text.contains("Rectified"))
            let printed = try await api.get("/notices/\(number)/print", as: "supervisor")
            #expect(printed.text.contains("状态：已整改"))
            #expect(printed.text.contains("王五"))
        }
    }

    @Test("wrong role, bad input and wrong state each get a page saying why, and nothing is written")
    func refusals() async throws {
        try await DemoServerFixture.withServer { api in
            let shop = try await InspectionAPITests.shop(api)
            let path = "/console/shops/\(shop)/notices"
            // Wrong role.
            let gridForm = try await Pages.page(api, "\(path)/new", as: "gridworker")
            #expect(gridForm.status == .forbidden)
            #expect(gridForm.text.contains("不能下达整改通知书"))
            let gridPost = try await Pages.post(api, path, as: "gridworker", Self.issueFields)
            #expect(gridPost.status == .forbidden)
            #expect(try await Self.noticeCount(api) == 0)
            // No form token.
            #expect(try await Pages.post(api, path, as: "yongtai", token: "forged", Self.issueFields).status == .forbidden)

            // Bad input: the form again, with what was typed and the reason.
            let cases: [([(String, String)], String)] = [
                (Self.with("facts", " "), "请填写违法事实。"),
                (Self.with("article", ""), "请填写条文。"),
                (Self.with("officer2_certificate", "14020001"), "应有两名执法人员，各有不同的执法证号。"),
                (Self.with("deadline_working_days", "0"), "整改期限应为 1–60 个工作日。"),
                (Self.with("deadline_working_days", "五"), "整改期限应为 1–60 个工作日。"),
                (Self.with("found_at", "昨天"), "检查时间应为日期和时间"),
                (Self.with("found_at", "2026-12-30T10:00"), "检查时间不能在将来。"),
            ]
            for (fields, message) in cases {
                let refused = try await Pages.post(api, path, as: "yongtai", fields)
                #expect(refused.status == .badRequest, "\(message)")
                #expect(refused.text.contains(message), "\(message)")
                #expect(refused.text.contains("id=\"issue-form\""))
                #expect(refused.text.contains("清除门前堆放物，恢复人行道通行"), "what was typed is kept")
            }
            let english = try await Pages.post(api, "\(path)?lang=en", as: "yongtai", Self.with("facts", ""))
            #expect(english.text.contains("Facts is required."))
            #expect(try await Self.noticeCount(api) == 0, "no refused form wrote a notice")

            // Wrong state.
            let number = try await Self.issue(api, shop: shop)
            let early = try await Pages.post(api, "/console/notices/\(number)/reinspect", as: "yongtai", [("passed", "true")])
            #expect(early.status == .conflict)
            #expect(early.text.contains("通知书当前为“已下达”，不能复查。"))
            let noResult = try await Pages.post(api, "/console/notices/\(number)/serve", as: "yongtai", [("received_at", "今天"), ("signer", "王五")])
            #expect(noResult.status == .badRequest)
            #expect(noResult.text.contains("签收时间应为日期和时间"))
            let beforeIssue = try await Pages.post(api, "/console/notices/\(number)/serve", as: "yongtai", [("received_at", "2026-11-29T10:00"), ("signer", "王五")])
            #expect(beforeIssue.status == .badRequest)
            #expect(beforeIssue.text.contains("签收时间不能早于下达时间"))
            let bySupervisor = try await Pages.post(api, "/console/notices/\(number)/serve", as: "supervisor", [("received_at", "2026-11-30T09:00"), ("signer", "王五")])
            #expect(bySupervisor.status == .forbidden)
            #expect(bySupervisor.text.contains("督导"))
            #expect(try await api.get("/api/v1/notices/\(number)", as: "admin")["state"]?.stringValue == "issued")

            #expect(try await Pages.post(api, "/console/notices/\(number)/serve", as: "yongtai", [("received_at", "2026-11-30T09:00"), ("signer", "王五")]).status == .seeOther)
            let twice = try await Pages.post(api, "/console/notices/\(number)/serve", as: "yongtai", [("received_at", "2026-11-30T09:00"), ("signer", "李四")])
            #expect(twice.status == .conflict)
            #expect(twice.text.contains("通知书当前为“已送达”，不能送达。"))
            let tooEarly = try await Pages.post(api, "/console/notices/\(number)/escalate", as: "supervisor", [("to", "penalty")])
            #expect(tooEarly.status == .conflict)
            #expect(tooEarly.text.contains("整改期限未到，不能移交。"))
            let noTarget = try await Pages.post(api, "/console/notices/\(number)/escalate", as: "supervisor", [("to", "")])
            #expect(noTarget.text.contains("请选择移交方式。"))
            #expect(try await Pages.post(api, "/console/notices/\(number)/reinspect", as: "yongtai", [("passed", "true")]).status == .seeOther)
            let rectified = try await Pages.post(api, "/console/notices/\(number)/escalate", as: "supervisor", [("to", "black_list")])
            #expect(rectified.status == .conflict)
            #expect(rectified.text.contains("通知书当前为“已整改”，不能移交。"))
            let englishState = try await Pages.post(api, "/console/notices/\(number)/escalate?lang=en", as: "supervisor", [("to", "black_list")])
            #expect(englishState.text.contains("The notice is Rectified; it cannot be escalated."))
            let notice = try await api.get("/api/v1/notices/\(number)", as: "admin")
            #expect(notice["state"]?.stringValue == "rectified")
            #expect(notice["received_by"]?.stringValue == "王五", "the second serve changed nothing")
        }
    }

    @Test("ten officers escalating to a penalty at once open exactly one case, linked both ways, kept across a restart")
    func penaltyOnce() async throws {
        try await DemoServerFixture.with { fixture in
            let (number, caseNumber) = try await fixture.serve { api in
                let (_, number) = try await Self.overdueNotice(fixture, api)
                let before = try #require(try await api.get("/api/v1/cases", as: "admin")["total"]?.intValue)
                let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                    for _ in 0..<10 {
                        group.addTask {
                            try await Pages.post(api, "/console/notices/\(number)/escalate", as: "supervisor", [("to", "penalty"), ("category", ""), ("note", "拒不整改")]).status
                        }
                    }
                    return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
                }
                #expect(statuses.filter { $0 == .seeOther }.count == 1, "\(statuses)")
                #expect(statuses.filter { $0 == .conflict }.count == 9, "\(statuses)")
                #expect(try await api.get("/api/v1/cases", as: "admin")["total"]?.intValue == before + 1, "one case, not ten")

                let notice = try await api.get("/api/v1/notices/\(number)", as: "admin")
                #expect(notice["state"]?.stringValue == "escalated")
                let caseNumber = try #require(notice["case_number"]?.stringValue)
                let page = try await Pages.page(api, "/console/notices/\(number)", as: "supervisor")
                #expect(page.text.contains("href=\"/console/cases/\(caseNumber)\""))
                #expect(page.text.contains("移交执法立案处罚"))
                let filed = try await api.get("/api/v1/cases/\(caseNumber)", as: "admin")
                #expect(filed.status == .ok)
                #expect(filed.text.contains("\"09005\""), "filed as 店外经营 by default")
                #expect(filed.text.contains(number), "the case's history names the notice")
                #expect(filed.text.contains("平城区城管责改〔2026〕第0001号"))
                let printed = try await api.get("/notices/\(number)/print", as: "admin")
                #expect(printed.text.contains(caseNumber))
                return (number, caseNumber)
            }
            try await fixture.restart()
            try await fixture.serve { api in
                let notice = try await api.get("/api/v1/notices/\(number)", as: "admin")
                #expect(notice["state"]?.stringValue == "escalated")
                #expect(notice.text.contains(caseNumber))
                #expect(try await api.get("/api/v1/cases/\(caseNumber)", as: "admin").text.contains(number))
            }
        }
    }

    @Test("an unknown case category is refused and leaves the notice overdue, with no case")
    func penaltyWithBadCategory() async throws {
        try await DemoServerFixture.with { fixture in
            try await fixture.serve { api in
                let (_, number) = try await Self.overdueNotice(fixture, api)
                let before = try await api.get("/api/v1/cases", as: "admin")["total"]?.intValue
                let refused = try await Pages.post(api, "/console/notices/\(number)/escalate", as: "supervisor", [("to", "penalty"), ("category", "99999")])
                #expect(refused.status == .badRequest)
                #expect(refused.text.contains("99999"))
                #expect(try await api.get("/api/v1/notices/\(number)", as: "admin")["state"]?.stringValue == "overdue")
                #expect(try await api.get("/api/v1/cases", as: "admin")["total"]?.intValue == before)
                // The API names another 事项 the same way.
                let viaAPI = try await api.post("/api/v1/notices/\(number)/escalate", as: "supervisor", ["to": "penalty", "category": "06036"])
                #expect(viaAPI["state"]?.stringValue == "escalated", "\(viaAPI.text)")
                let caseNumber = try #require(viaAPI["case_number"]?.stringValue)
                #expect(try await api.get("/api/v1/cases/\(caseNumber)", as: "admin").text.contains("\"06036\""))
            }
        }
    }

    @Test("escalated to the black list, the shop is on the next unpublished board's black list with the notice and rule; the published board is unchanged, also after a restart")
    func blackList() async throws {
        try await DemoServerFixture.with { fixture in
            let street = Demo.yongtai
            try await fixture.serve { api in
                let (shop, number) = try await Self.overdueNotice(fixture, api)
                // December has begun and its board is published before the escalation.
                let published = try await api.post("/api/v1/shop-boards", as: "supervisor", ["month": "2026-12", "street": street])
                #expect(published.status == .created, "\(published.text)")
                let frozen = try await api.get("/api/v1/shop-boards?month=2026-12&street=\(street)").text

                let escalated = try await Pages.post(api, "/console/notices/\(number)/escalate", as: "yongtai", [("to", "black_list"), ("note", "")])
                #expect(escalated.status == .seeOther, "\(escalated.text)")
                let page = try await Pages.page(api, "/console/notices/\(number)", as: "yongtai")
                #expect(page.text.contains("已列入 2027-01 黑榜"))
                #expect(page.text.contains("列入黑榜"))

                let preview = try await api.get("/api/v1/shop-boards/preview?month=2027-01&street=\(street)", as: "supervisor")
                let black = try #require(preview["board"]?["black"]?.arrayValue)
                let entry = try #require(black.first { $0["shop_id"]?.stringValue == shop })
                let reason = try #require(entry["reason"]?.stringValue)
                #expect(reason.contains("平城区城管责改〔2026〕第0001号"))
                #expect(reason.contains("《城市市容和环境卫生管理条例》第十四条"))
                #expect(try await api.get("/api/v1/shop-boards?month=2026-12&street=\(street)").text == frozen, "the published board is frozen")
                #expect(!frozen.contains("第0001号"))
                let console = try await Pages.page(api, "/console/shop-boards?street=\(street)&month=2027-01", as: "supervisor")
                #expect(console.text.contains("平城区城管责改〔2026〕第0001号"))
            }
            try await fixture.restart()
            try await fixture.serve { api in
                let preview = try await api.get("/api/v1/shop-boards/preview?month=2027-01&street=\(street)", as: "supervisor")
                #expect(preview.text.contains("平城区城管责改〔2026〕第0001号"))
                #expect(try await api.get("/api/v1/notices/ZG-2026-0001", as: "admin")["state"]?.stringValue == "escalated")
                #expect(!(try await api.get("/api/v1/shop-boards?month=2026-12&street=\(street)").text.contains("第0001号")))
            }
        }
    }

    @Test("a board published while a notice lists the shop either shows the shop or leaves it to the next month — never loses it")
    func publishWhileListing() async throws {
        try await DemoServerFixture.with { fixture in
            let street = Demo.yongtai
            try await fixture.serve { api in
                let (shop, number) = try await Self.overdueNotice(fixture, api)
                async let published = api.post("/api/v1/shop-boards", as: "supervisor", ["month": "2026-12", "street": street])
                async let escalated = api.post("/api/v1/notices/\(number)/escalate", as: "supervisor", ["to": "black_list"])
                let (board, notice) = try await (published, escalated)
                #expect(board.status == .created, "\(board.text)")
                #expect(notice.status == .ok, "\(notice.text)")
                let month = try #require(notice["board_month"]?.stringValue)
                let onBoard = board["board"]?["black"]?.arrayValue?.contains { $0["shop_id"]?.stringValue == shop } == true
                #expect(onBoard == (month == "2026-12"), "listed for \(month); on the published board: \(onBoard)")
                if month == "2027-01" {
                    let next = try await api.get("/api/v1/shop-boards/preview?month=2027-01&street=\(street)", as: "supervisor")
                    #expect(next.text.contains("第0001号"))
                }
            }
        }
    }
}
