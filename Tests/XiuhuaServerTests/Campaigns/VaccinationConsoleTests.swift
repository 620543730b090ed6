import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import Xiuhua
import XiuhuaServer

/// The console's vaccination desk over a live demo server: the roster masked for roles
/// without need, the canvass, booking, cancel and no-show forms, and the dose at the site.
@Suite("Vaccination console pages")
struct VaccinationConsoleTests {
    static let grid = DemoAccounts.hongqiliCommunity + "001"

    /// Puts 王建明 (born 1980) on the roster through the API as the health worker; answers the resident's id.
    static func register(_ client: any TestClientProtocol, name: String = "王建明", sequence: Int = 7) async throws -> String {
        let login = try await client.execute(
            uri: "/api/v1/sessions", method: .post, headers: [.contentType: "application/json"],
            body: ByteBuffer(string: #"{"username":"health","password":"\#(DemoAccounts.password)"}"#)
        )
        let token = try #require(try JSONSerialization.jsonObject(with: Data(login.text.utf8)) as? [String: Any])["token"] as? String
        let idNumber = ResidentIDNumber.synthetic(area: "140213", birth: LocalDate(year: 1980, month: 5, day: 1)!, sequence: sequence).text
        let body: [String: Any] = ["grid_code": grid, "household": "红旗街 12 号", "name": name, "id_number": idNumber, "phone": "13812345678"]
        let response = try await client.execute(
            uri: "/api/v1/vaccination/residents", method: .post,
            headers: [.contentType: "application/json", .authorization: "Bearer \(token ?? "")"],
            body: ByteBuffer(data: try JSONSerialization.data(withJSONObject: body))
        )
        #expect(response.status == .created, "\(response.text)")
        return try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])["id"] as? String ?? ""
    }

    /// Opens a site of 红旗里 through the API as the health worker (08:00–12:00, half-hour slots of 20); answers its id.
    static func site(_ client: any TestClientProtocol, name: String = "红旗里社区卫生服务站") async throws -> String {
        let login = try await client.execute(
            uri: "/api/v1/sessions", method: .post, headers: [.contentType: "application/json"],
            body: ByteBuffer(string: #"{"username":"health","password":"\#(DemoAccounts.password)"}"#)
        )
        let token = try #require(try JSONSerialization.jsonObject(with: Data(login.text.utf8)) as? [String: Any])["token"] as? String
        let body: [String: Any] = [
            "name": name, "kind": "fixed", "community_code": DemoAccounts.hongqiliCommunity, "address": "红旗街 1 号",
            "opens_at": "08:00", "closes_at": "12:00", "slot_minutes": 30, "capacity_per_slot": 20,
        ]
        let response = try await client.execute(
            uri: "/api/v1/vaccination/sites", method: .post,
            headers: [.contentType: "application/json", .authorization: "Bearer \(token ?? "")"],
            body: ByteBuffer(data: try JSONSerialization.data(withJSONObject: body))
        )
        #expect(response.status == .created, "\(response.text)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
        return try #require((object["site"] as? [String: Any])?["id"] as? String)
    }

    /// Tomorrow in the district's time zone, so a booking's day has not passed.
    static var tomorrow: String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        let date = calendar.date(byAdding: .day, value: 1, to: Date())!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    static func free(_ page: TestResponse, at slot: String) -> Int? {
        guard let range = page.text.range(of: "<tr><td>\(slot)</td>") else { return nil }
        let rest = page.text[range.upperBound...]
        guard let cell = rest.range(of: "<td class=\"free\">") else { return nil }
        return Int(rest[cell.upperBound...].prefix { $0.isNumber })
    }

    static let clearScreening: [(String, String)] = Screening.questions.map { ("screening_\($0.key)", "no") }

    @Test("personal data: the health and grid workers read it in full; a dispatcher reads it masked, cannot search by name, and gets no forms")
    func masking() async throws {
        try await WritableDemoServer.run { client in
            let id = try await Self.register(client)
            let health = try await ConsoleVisitor.signIn(client, "health")
            let full = try await health.get("/console/vaccination?name=%E7%8E%8B%E5%BB%BA%E6%98%8E")
            #expect(full.status == .ok)
            #expect(full.text.contains("<a href=\"/console/vaccination/residents/\(id)\">王建明</a>"))
            #expect(full.text.contains("13812345678"))
            let dispatcher = try await ConsoleVisitor.signIn(client, "dispatcher")
            let byName = try await dispatcher.get("/console/vaccination?name=%E7%8E%8B%E5%BB%BA%E6%98%8E")
            #expect(!byName.text.contains("id=\"roster\""), "a masked role cannot look a name up")
            let byRegion = try await dispatcher.get("/console/vaccination?region=\(Self.grid)")
            #expect(byRegion.text.contains("<a href=\"/console/vaccination/residents/\(id)\">王*明</a>"))
            #expect(!byRegion.text.contains("王建明") && !byRegion.text.contains("13812345678"))
            #expect(byRegion.text.contains("138****5678"))
            let page = try await dispatcher.get("/console/vaccination/residents/\(id)")
            #expect(page.status == .ok)
            #expect(page.text.contains("id=\"masked\""))
            #expect(!page.text.contains("王建明") && !page.text.contains("13812345678"))
            #expect(!page.text.contains("id=\"visit\"") && !page.text.contains("id=\"book\"") && !page.text.contains("id=\"dose\""))
            let visit = try await dispatcher.post("/console/vaccination/residents/\(id)/visits", [("result", "willing")])
            #expect(visit.status == .forbidden)
            #expect(visit.text.contains("无权记录敲门走访"))
            let booking = try await dispatcher.post("/console/vaccination/residents/\(id)/appointments", [
                ("site", "vs-demo-fixed"), ("day", Self.tomorrow), ("slot", "09:00"), ("vaccine", "inactivated-vero"),
            ])
            #expect(booking.status == .forbidden)
            let after = try await health.get("/console/vaccination/residents/\(id)")
            #expect(after.text.contains("尚无走访记录") && after.text.contains("尚无预约"), "the refused forms wrote nothing")
        }
    }

    @Test("a grid worker visits and books (the seat is counted); the health worker records the dose at the site after the checks, with the observation end shown")
    func visitBookAndDose() async throws {
        try await WritableDemoServer.run { client in
            let id = try await Self.register(client)
            let site = try await Self.site(client, name: "红旗里<b>卫生站</b>")
            let grid = try await ConsoleVisitor.signIn(client, "gridworker")
            let desk = try await grid.get("/console/vaccination")
            #expect(desk.text.contains("<a href=\"/console/vaccination/sites/\(site)\">红旗里&lt;b&gt;卫生站&lt;/b&gt;</a>"))
            let visited = try await grid.post("/console/vaccination/residents/\(id)/visits", [("result", "willing"), ("note", "<script>alert(1)</script>")])
            #expect(visited.headers[.location] == "/console/vaccination/residents/\(id)?done=visit", "\(visited.status) \(visited.text)")

            let before = try await grid.get("/console/vaccination/sites/\(site)?day=\(Self.tomorrow)")
            let freeBefore = try #require(Self.free(before, at: "09:00"))
            let badSlot = try await grid.post("/console/vaccination/residents/\(id)/appointments", [
                ("site", site), ("day", Self.tomorrow), ("slot", "9点"), ("vaccine", "inactivated-vero"),
            ])
            #expect(badSlot.status == .badRequest)
            #expect(badSlot.text.contains("slot 应为 HH:MM"))
            #expect(badSlot.text.contains("尚无预约"), "nothing was booked")
            let booked = try await grid.post("/console/vaccination/residents/\(id)/appointments", [
                ("site", site), ("day", Self.tomorrow), ("slot", "09:00"), ("vaccine", "inactivated-vero"),
            ])
            #expect(booked.headers[.location] == "/console/vaccination/residents/\(id)?done=book", "\(booked.status) \(booked.text)")
            let after = try await grid.get("/console/vaccination/sites/\(site)?day=\(Self.tomorrow)")
            #expect(Self.free(after, at: "09:00") == freeBefore - 1)
            let again = try await grid.post("/console/vaccination/residents/\(id)/appointments", [
                ("site", site), ("day", Self.tomorrow), ("slot", "10:00"), ("vaccine", "inactivated-vero"),
            ])
            #expect(again.status == .conflict, "one live booking at a time")

            let gridPage = try await grid.get("/console/vaccination/residents/\(id)")
            #expect(gridPage.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!gridPage.text.contains("<script>alert(1)"))
            #expect(!gridPage.text.contains("id=\"dose\""), "a grid worker does not vaccinate")

            let health = try await ConsoleVisitor.signIn(client, "health")
            let page = try await health.get("/console/vaccination/residents/\(id)")
            let appointment = try #require(page.text.range(of: "data-appointment=\"").map { String(page.text[$0.upperBound...].prefix { $0 != "\"" }) })
            let base: [(String, String)] = [("appointment", appointment), ("site", site), ("vaccine", "inactivated-vero"), ("lot", "202611A")]
            let noConsent = try await health.post("/console/vaccination/residents/\(id)/doses", base + [("identity_checked", "true")] + Self.clearScreening)
            #expect(noConsent.status == .badRequest)
            #expect(noConsent.text.contains("须签署知情同意书"))
            #expect(noConsent.text.contains("value=\"202611A\""), "what was typed is kept")
            let incomplete = try await health.post("/console/vaccination/residents/\(id)/doses", base + [("identity_checked", "true"), ("consent_signed", "true")] + Array(Self.clearScreening.dropLast()))
            #expect(incomplete.status == .badRequest)
            #expect(incomplete.text.contains("禁忌核查未完成"))
            var fever = Self.clearScreening
            fever[1].1 = "yes"
            let contraindicated = try await health.post("/console/vaccination/residents/\(id)/doses", base + [("identity_checked", "true"), ("consent_signed", "true")] + fever)
            #expect(contraindicated.status == .conflict)
            #expect(contraindicated.text.contains("存在接种禁忌"))
            #expect(contraindicated.text.contains("尚无接种记录"), "no dose written by a refused form")

            let given = try await health.post("/console/vaccination/residents/\(id)/doses", base + [("identity_checked", "true"), ("consent_signed", "true")] + Self.clearScreening)
            #expect(given.headers[.location] == "/console/vaccination/residents/\(id)?done=dose", "\(given.status) \(given.text)")
            let done = try await health.get("/console/vaccination/residents/\(id)?done=dose")
            #expect(done.text.contains("已完成：登记接种"))
            #expect(done.text.contains("已接种"), "the booking is attended")
            #expect(done.text.contains("202611A"))
            let pattern = /<td>(\d{4}-\d\d-\d\d \d\d:\d\d)<\/td>\s*<td class="observation">(\d{4}-\d\d-\d\d \d\d:\d\d)<\/td>/
            let match = try #require(done.text.firstMatch(of: pattern))
            let formatter = DateFormatter()
            formatter.dateFormat = "yyyy-MM-dd HH:mm"
            formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
            let given_ = try #require(formatter.date(from: String(match.output.1)))
            let ends = try #require(formatter.date(from: String(match.output.2)))
            #expect(ends.timeIntervalSince(given_) == 30 * 60, "30 minutes of observation")
        }
    }

    @Test("cancelling frees the seat; a no-show before the slot is over is refused with its message")
    func cancelAndNoShow() async throws {
        try await WritableDemoServer.run { client in
            let id = try await Self.register(client)
            let site = try await Self.site(client)
            let grid = try await ConsoleVisitor.signIn(client, "gridworker")
            let before = try await grid.get("/console/vaccination/sites/\(site)?day=\(Self.tomorrow)")
            let freeBefore = try #require(Self.free(before, at: "10:00"))
            _ = try await grid.post("/console/vaccination/residents/\(id)/appointments", [
                ("site", site), ("day", Self.tomorrow), ("slot", "10:00"), ("vaccine", "inactivated-vero"),
            ])
            let page = try await grid.get("/console/vaccination/residents/\(id)")
            let appointment = try #require(page.text.range(of: "data-appointment=\"").map { String(page.text[$0.upperBound...].prefix { $0 != "\"" }) })
            let noShow = try await grid.post("/console/vaccination/appointments/\(appointment)/no-show", [])
            #expect(noShow.status == .conflict)
            #expect(noShow.text.contains("时段尚未结束"))
            let dispatcher = try await ConsoleVisitor.signIn(client, "dispatcher")
            let refused = try await dispatcher.post("/console/vaccination/appointments/\(appointment)/cancel", [])
            #expect(refused.status == .forbidden)
            let cancelled = try await grid.post("/console/vaccination/appointments/\(appointment)/cancel", [])
            #expect(cancelled.headers[.location] == "/console/vaccination/residents/\(id)?done=cancel")
            let after = try await grid.get("/console/vaccination/sites/\(site)?day=\(Self.tomorrow)")
            #expect(Self.free(after, at: "10:00") == freeBefore)
            let resident = try await grid.get("/console/vaccination/residents/\(id)")
            #expect(resident.text.contains("已取消"))
        }
    }

    @Test("a health worker, who has no case queues, is sent from /console to the vaccination desk and the server stays up")
    func healthWorkerConsole() async throws {
        try await WritableDemoServer.run { client in
            let health = try await ConsoleVisitor.signIn(client, "health")
            let console = try await health.get("/console")
            #expect(console.status == .found)
            #expect(console.headers[.location] == "/console/vaccination")
            let desk = try await health.get("/console/vaccination")
            #expect(desk.status == .ok)
            #expect(desk.text.contains("aria-current=\"page\">接种工作台"))
        }
    }

    @Test("the desk asks for sign-in, and a form without its token is refused")
    func signInAndToken() async throws {
        try await WritableDemoServer.run { client in
            let anonymous = try await client.get("/console/vaccination")
            #expect(anonymous.status == .found)
            let id = try await Self.register(client)
            let grid = try await ConsoleVisitor.signIn(client, "gridworker")
            let forged = try await grid.post("/console/vaccination/residents/\(id)/visits", [("result", "willing")], token: String(repeating: "0", count: 64))
            #expect(forged.status == .forbidden)
            let page = try await grid.get("/console/vaccination/residents/\(id)")
            #expect(page.text.contains("尚无走访记录"))
        }
    }
}

@Suite("Supervision console page")
struct SupervisionConsoleTests {
    @Test("a member records an inspection item by item and sees its checklist-engine score; an incomplete sheet is refused; a non-member has no group")
    func inspectFromTheConsole() async throws {
        try await WritableDemoServer.run { client in
            let site = try await VaccinationConsoleTests.site(client)
            let login = try await client.execute(
                uri: "/api/v1/sessions", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"username":"supervisor","password":"\#(DemoAccounts.password)"}"#)
            )
            let token = try #require(try JSONSerialization.jsonObject(with: Data(login.text.utf8)) as? [String: Any])["token"] as? String
            let created = try await client.execute(
                uri: "/api/v1/vaccination/supervision-groups", method: .post,
                headers: [.contentType: "application/json", .authorization: "Bearer \(token ?? "")"],
                body: ByteBuffer(string: #"{"name":"第三督导组","members":["supervisor"],"site_ids":["\#(site)"]}"#)
            )
            #expect(created.status == .created, "\(created.text)")
            let group = try #require(((try JSONSerialization.jsonObject(with: Data(created.text.utf8)) as? [String: Any])?["group"] as? [String: Any])?["id"] as? String)

            let supervisor = try await ConsoleVisitor.signIn(client, "supervisor")
            let page = try await supervisor.get("/console/vaccination/supervision")
            #expect(page.text.contains("data-group=\"\(group)\""))
            #expect(page.text.contains("冷链温度每日两次记录完整"))
            var fields: [(String, String)] = [("site", site), ("note", "冷链<script>x</script>")]
            for item in ChecklistTemplate.vaccinationSite.items {
                fields.append(("item_\(item.code)", item.code == "coldchain.records" ? "fail" : "pass"))
            }
            fields.append(("findings_coldchain.records", "2"))
            let incomplete = try await supervisor.post("/console/vaccination/supervision/\(group)/inspections", Array(fields.dropLast(2)))
            #expect(incomplete.status == .badRequest)
            #expect(incomplete.text.contains("检查项未填写"))
            let recorded = try await supervisor.post("/console/vaccination/supervision/\(group)/inspections", fields)
            #expect(recorded.headers[.location] == "/console/vaccination/supervision?done=1", "\(recorded.status) \(recorded.text)")
            let after = try await supervisor.get("/console/vaccination/supervision?done=1")
            #expect(after.text.contains("<td class=\"score\">80</td>"))
            #expect(after.text.contains("coldchain.records"))
            #expect(after.text.contains("冷链&lt;script&gt;x&lt;/script&gt;"))

            let dispatcher = try await ConsoleVisitor.signIn(client, "dispatcher")
            let none = try await dispatcher.get("/console/vaccination/supervision")
            #expect(none.text.contains("您不在任何督导组中"))
            let refused = try await dispatcher.post("/console/vaccination/supervision/\(group)/inspections", fields)
            #expect(refused.status == .forbidden)
            let still = try await supervisor.get("/console/vaccination/supervision")
            #expect(still.text.components(separatedBy: "<td class=\"score\">").count == 2, "only the one inspection was written")
        }
    }
}
