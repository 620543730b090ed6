import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import Xiuhua
import XiuhuaServer

/// A person signed in to the console of a live server: the session cookie and the form token.
struct ConsoleVisitor {
    let client: any TestClientProtocol
    let session: String
    let csrf: String

    static func signIn(_ client: any TestClientProtocol, _ username: String) async throws -> ConsoleVisitor {
        let login = try await client.get("/console/login")
        let header = try #require(login.headers[values: .setCookie].first { $0.hasPrefix("xiuhua_csrf=") })
        let csrf = String(header.dropFirst("xiuhua_csrf=".count).prefix { $0 != ";" })
        let signedIn = try await ConsoleVisitor(client: client, session: "", csrf: csrf)
            .post("/console/login", [("username", username), ("password", DemoAccounts.password)])
        let session = try #require(signedIn.headers[values: .setCookie].first { $0.hasPrefix("xiuhua_session=") })
        return ConsoleVisitor(client: client, session: String(session.prefix { $0 != ";" }), csrf: csrf)
    }

    private var cookie: String { session.isEmpty ? "xiuhua_csrf=\(csrf)" : "xiuhua_csrf=\(csrf); \(session)" }

    func get(_ uri: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie])
    }

    func post(_ uri: String, _ fields: [(String, String)], token: String? = nil) async throws -> TestResponse {
        let all = [("_csrf", token ?? csrf)] + fields
        let body = all.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        return try await client.execute(
            uri: uri, method: .post,
            headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookie, .origin: "http://127.0.0.1"],
            body: ByteBuffer(string: body)
        )
    }

    /// Plans a campaign with the console's form and answers its id.
    func plan(name: String, areas: String = DemoAccounts.hongqiliCommunity, extra: [(String, String)] = []) async throws -> String {
        let response = try await post("/console/campaigns", [
            ("name", name), ("kind", "cleanUp"), ("areas", areas), ("starts_on", "2026-11-01"), ("ends_on", "2026-12-31"),
            ("targets", "清理垃圾 40\n拆除违建 5"), ("resources", "人员 保洁员 30\n车辆 清运车 4"),
        ] + extra)
        #expect(response.status == .seeOther, "\(response.status) \(response.text)")
        let location = try #require(response.headers[.location])
        #expect(location.hasSuffix("?done=plan"))
        return String(location.dropFirst("/console/campaigns/".count).prefix { $0 != "?" })
    }
}

@Suite("Campaign console pages")
struct CampaignConsoleTests {
    @Test("the campaign desk asks for sign-in first")
    func signInFirst() async throws {
        try await WritableDemoServer.run { client in
            let response = try await client.get("/console/campaigns")
            #expect(response.status == .found)
            #expect(response.headers[.location]?.hasPrefix("/console/login?next=") == true)
        }
    }

    @Test("a dispatcher plans a clean-up with the form; its page shows area, targets, resources, and the name as text")
    func planAndShow() async throws {
        try await WritableDemoServer.run { client in
            let dispatcher = try await ConsoleVisitor.signIn(client, "dispatcher")
            let list = try await dispatcher.get("/console/campaigns")
            #expect(list.status == .ok)
            #expect(list.text.contains("id=\"plan\""), "a planner gets the plan form")
            #expect(list.text.contains("aria-current=\"page\">行动办理"), "the navigation marks the desk")
            let id = try await dispatcher.plan(name: "红旗里<script>alert(1)</script>大扫除")
            let page = try await dispatcher.get("/console/campaigns/\(id)?done=plan")
            #expect(page.status == .ok)
            #expect(page.text.contains("红旗里&lt;script&gt;alert(1)&lt;/script&gt;大扫除"))
            #expect(!page.text.contains("<script>alert(1)"))
            #expect(page.text.contains("已完成：发起"))
            #expect(page.text.contains("红旗里社区"), "the area is named")
            #expect(page.text.contains("清理垃圾</td><td>0 / 40</td>"))
            #expect(page.text.contains("<progress max=\"40\" value=\"0\">"))
            #expect(page.text.contains("车辆 · 清运车 4"))
            #expect(page.text.contains("id=\"start\""), "the owner may start it")
            #expect(!page.text.contains("id=\"report\""), "no report before it runs")
            let after = try await dispatcher.get("/console/campaigns")
            #expect(after.text.contains("<a href=\"/console/campaigns/\(id)\">红旗里&lt;script&gt;"))
        }
    }

    @Test("a grid worker gets no plan form and a posted plan is refused with 403, writing nothing")
    func wrongRolePlans() async throws {
        try await WritableDemoServer.run { client in
            let grid = try await ConsoleVisitor.signIn(client, "gridworker")
            let list = try await grid.get("/console/campaigns")
            #expect(list.status == .ok)
            #expect(!list.text.contains("id=\"plan\""))
            let response = try await grid.post("/console/campaigns", [
                ("name", "网格员自发行动"), ("kind", "cleanUp"), ("areas", DemoAccounts.hongqiliCommunity),
                ("starts_on", "2026-11-01"), ("ends_on", "2026-12-31"),
            ])
            #expect(response.status == .forbidden)
            #expect(response.text.contains("无权发起专项行动"))
            let again = try await grid.get("/console/campaigns")
            #expect(!again.text.contains("网格员自发行动"), "nothing was written")
        }
    }

    @Test("a street officer planning in another street is refused as out of scope")
    func streetOutOfScope() async throws {
        try await WritableDemoServer.run { client in
            let street = try await ConsoleVisitor.signIn(client, "yongtai")
            let response = try await street.post("/console/campaigns", [
                ("name", "越界行动"), ("kind", "cleanUp"), ("areas", DemoDistrict.code + "001"),
                ("starts_on", "2026-11-01"), ("ends_on", "2026-12-31"),
            ])
            #expect(response.status == .forbidden)
            #expect(response.text.contains("只能在本街道发起专项行动"))
            let list = try await street.get("/console/campaigns")
            #expect(!list.text.contains("越界行动"))
        }
    }

    @Test("bad plan input is shown again with its specific message, what was typed kept, nothing written")
    func badPlanInput() async throws {
        try await WritableDemoServer.run { client in
            let dispatcher = try await ConsoleVisitor.signIn(client, "dispatcher")
            let backwards = try await dispatcher.post("/console/campaigns", [
                ("name", "倒序行动"), ("kind", "cleanUp"), ("areas", DemoAccounts.hongqiliCommunity),
                ("starts_on", "2026-12-31"), ("ends_on", "2026-12-01"),
            ])
            #expect(backwards.status == .badRequest)
            #expect(backwards.text.contains("结束日期早于开始日期"))
            #expect(backwards.text.contains("value=\"倒序行动\""), "the name typed is kept")
            let badTarget = try await dispatcher.post("/console/campaigns", [
                ("name", "目标错误"), ("kind", "cleanUp"), ("areas", DemoAccounts.hongqiliCommunity),
                ("starts_on", "2026-11-01"), ("ends_on", "2026-12-31"), ("targets", "清理垃圾 很多"),
            ])
            #expect(badTarget.status == .badRequest)
            #expect(badTarget.text.contains("目标每行应为“名称 数量”"))
            let badDate = try await dispatcher.post("/console/campaigns", [
                ("name", "日期错误"), ("kind", "cleanUp"), ("areas", DemoAccounts.hongqiliCommunity),
                ("starts_on", "明天"), ("ends_on", "2026-12-31"),
            ])
            #expect(badDate.status == .badRequest)
            #expect(badDate.text.contains("日期格式应为 年-月-日：开始日期"))
            let unknownRegion = try await dispatcher.post("/console/campaigns", [
                ("name", "无此区域"), ("kind", "cleanUp"), ("areas", "999999"),
                ("starts_on", "2026-11-01"), ("ends_on", "2026-12-31"),
            ])
            #expect(unknownRegion.status == .badRequest)
            #expect(unknownRegion.text.contains("本区没有这个街道、社区或网格"))
            let list = try await dispatcher.get("/console/campaigns")
            for name in ["倒序行动", "目标错误", "日期错误", "无此区域"] { #expect(!list.text.contains(name)) }
        }
    }

    @Test("a plan without the form token is refused")
    func planWithoutToken() async throws {
        try await WritableDemoServer.run { client in
            let dispatcher = try await ConsoleVisitor.signIn(client, "dispatcher")
            let response = try await dispatcher.post("/console/campaigns", [
                ("name", "无令牌"), ("kind", "cleanUp"), ("areas", DemoAccounts.hongqiliCommunity),
                ("starts_on", "2026-11-01"), ("ends_on", "2026-12-31"),
            ], token: String(repeating: "0", count: 64))
            #expect(response.status == .forbidden)
            let list = try await dispatcher.get("/console/campaigns")
            #expect(!list.text.contains("无令牌"))
        }
    }

    @Test("start, daily report and finish: only the owner starts and finishes; a grid worker reports; bad input writes nothing")
    func lifecycle() async throws {
        try await WritableDemoServer.run { client in
            let dispatcher = try await ConsoleVisitor.signIn(client, "dispatcher")
            let chief = try await ConsoleVisitor.signIn(client, "dutychief")
            let grid = try await ConsoleVisitor.signIn(client, "gridworker")
            let id = try await dispatcher.plan(name: "红旗里环境整治")

            let notOwnerPage = try await chief.get("/console/campaigns/\(id)")
            #expect(!notOwnerPage.text.contains("id=\"start\""), "no start form for someone else")
            let notOwner = try await chief.post("/console/campaigns/\(id)/start", [])
            #expect(notOwner.status == .forbidden)
            #expect(notOwner.text.contains("计划中"), "still planned")

            let early = try await grid.post("/console/campaigns/\(id)/reports", [("day", "2026-11-02"), ("progress_t1", "3")])
            #expect(early.status == .conflict, "no report before it runs")

            let started = try await dispatcher.post("/console/campaigns/\(id)/start", [])
            #expect(started.headers[.location] == "/console/campaigns/\(id)?done=start")
            let twice = try await dispatcher.post("/console/campaigns/\(id)/start", [])
            #expect(twice.status == .conflict)

            let gridPage = try await grid.get("/console/campaigns/\(id)")
            #expect(gridPage.text.contains("id=\"report\""))
            #expect(!gridPage.text.contains("id=\"finish\""), "a grid worker does not finish")
            let reported = try await grid.post("/console/campaigns/\(id)/reports", [
                ("day", "2026-11-02"), ("progress_t1", "12"), ("progress_t2", ""), ("note", "清理<b>红旗街</b>"),
            ])
            #expect(reported.headers[.location] == "/console/campaigns/\(id)?done=report", "\(reported.status) \(reported.text)")

            let notNumber = try await grid.post("/console/campaigns/\(id)/reports", [("day", "2026-11-03"), ("progress_t1", "十")])
            #expect(notNumber.status == .badRequest)
            #expect(notNumber.text.contains("进展数应为整数：t1"))
            let outside = try await grid.post("/console/campaigns/\(id)/reports", [("day", "2027-01-05"), ("progress_t1", "1")])
            #expect(outside.status == .badRequest)
            #expect(outside.text.contains("日期不在行动期内"))
            let unknown = try await grid.post("/console/campaigns/\(id)/reports", [("day", "2026-11-03"), ("progress_zz", "1")])
            #expect(unknown.status == .badRequest)
            #expect(unknown.text.contains("没有这个目标"))

            let operatorDesk = try await ConsoleVisitor.signIn(client, "operator")
            let operatorReport = try await operatorDesk.post("/console/campaigns/\(id)/reports", [("day", "2026-11-03"), ("progress_t1", "1")])
            #expect(operatorReport.status == .forbidden)

            let page = try await dispatcher.get("/console/campaigns/\(id)")
            #expect(page.text.contains("清理垃圾</td><td>12 / 40</td>"), "only the accepted report counts")
            #expect(page.text.contains("清理&lt;b&gt;红旗街&lt;/b&gt;"))
            #expect(page.text.contains("李强（网格员）"))

            let noSummary = try await dispatcher.post("/console/campaigns/\(id)/finish", [("summary", "  ")])
            #expect(noSummary.status == .badRequest)
            #expect(noSummary.text.contains("结束时须填写成效总结"))
            let chiefFinish = try await chief.post("/console/campaigns/\(id)/finish", [("summary", "代为结束")])
            #expect(chiefFinish.status == .forbidden)
            let finished = try await dispatcher.post("/console/campaigns/\(id)/finish", [("summary", "清理垃圾 12 处")])
            #expect(finished.headers[.location] == "/console/campaigns/\(id)?done=finish")
            let done = try await dispatcher.get("/console/campaigns/\(id)?done=finish")
            #expect(done.text.contains("id=\"summary\""))
            #expect(done.text.contains("清理垃圾 12 处"))
            #expect(done.text.contains("已结束"))
            #expect(!done.text.contains("代为结束"))
            #expect(!done.text.contains("id=\"report\"") && !done.text.contains("id=\"finish\""), "no forms once finished")
        }
    }

    @Test("the owner links a case by hand from the campaign page; an unknown or empty number is shown on the form; a grid worker has no form and is refused; a finished campaign takes no more")
    func linkCase() async throws {
        try await WritableDemoServer.run { client in
            let login = try await client.execute(
                uri: "/api/v1/sessions", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"username":"operator","password":"\#(DemoAccounts.password)"}"#)
            )
            let token = try #require(try JSONSerialization.jsonObject(with: Data(login.text.utf8)) as? [String: Any])["token"] as? String ?? ""
            let filed = try await client.execute(
                uri: "/api/v1/cases", method: .post, headers: [.contentType: "application/json", .authorization: "Bearer \(token)"],
                body: ByteBuffer(string: #"{"source":"hotline","category":"06010","description":"红旗街垃圾","lat":40.12234718190999,"lon":113.2818037388908,"direct_acceptance":true}"#)
            )
            let number = try #require(try JSONSerialization.jsonObject(with: Data(filed.text.utf8)) as? [String: Any])["number"] as? String ?? ""
            #expect(filed.status == .created && !number.isEmpty, "\(filed.text)")

            let dispatcher = try await ConsoleVisitor.signIn(client, "dispatcher")
            let grid = try await ConsoleVisitor.signIn(client, "gridworker")
            let id = try await dispatcher.plan(name: "红旗里垃圾清理")
            #expect((try await dispatcher.get("/console/campaigns/\(id)")).text.contains("id=\"link\""))
            #expect(!(try await grid.get("/console/campaigns/\(id)")).text.contains("id=\"link\""))
            let refused = try await grid.post("/console/campaigns/\(id)/cases", [("case_number", number)])
            #expect(refused.status == .forbidden)

            let unknown = try await dispatcher.post("/console/campaigns/\(id)/cases", [("case_number", "2099-0000-999999")])
            #expect(unknown.status == .notFound)
            #expect(unknown.text.contains("没有这个案件") && unknown.text.contains("value=\"2099-0000-999999\""))
            let empty = try await dispatcher.post("/console/campaigns/\(id)/cases", [("case_number", " ")])
            #expect(empty.status == .badRequest)
            #expect(empty.text.contains("请填写案件编号"))
            #expect((try await dispatcher.get("/console/campaigns/\(id)")).text.contains("暂无关联案件"), "nothing linked by the refused forms")

            let linked = try await dispatcher.post("/console/campaigns/\(id)/cases", [("case_number", number)])
            #expect(linked.headers[.location] == "/console/campaigns/\(id)?done=link", "\(linked.status) \(linked.text)")
            let again = try await dispatcher.post("/console/campaigns/\(id)/cases", [("case_number", number)])
            #expect(again.headers[.location] == "/console/campaigns/\(id)?done=link", "linking twice is harmless")
            let page = try await dispatcher.get("/console/campaigns/\(id)")
            #expect(page.text.components(separatedBy: number).count >= 2)
            #expect(!page.text.contains("暂无关联案件"))

            _ = try await dispatcher.post("/console/campaigns/\(id)/start", [])
            let finished = try await dispatcher.post("/console/campaigns/\(id)/finish", [("summary", "清理完毕")])
            #expect(finished.headers[.location] == "/console/campaigns/\(id)?done=finish")
            #expect(!(try await dispatcher.get("/console/campaigns/\(id)")).text.contains("id=\"link\""))
            let late = try await dispatcher.post("/console/campaigns/\(id)/cases", [("case_number", number)])
            #expect(late.status == .conflict)
        }
    }

    @Test("an unknown campaign is a 404 page")
    func unknownCampaign() async throws {
        try await WritableDemoServer.run { client in
            let dispatcher = try await ConsoleVisitor.signIn(client, "dispatcher")
            let page = try await dispatcher.get("/console/campaigns/cp-nothere")
            #expect(page.status == .notFound)
            let start = try await dispatcher.post("/console/campaigns/cp-nothere/start", [])
            #expect(start.status == .notFound)
        }
    }
}
