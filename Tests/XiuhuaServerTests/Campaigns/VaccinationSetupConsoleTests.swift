import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import Xiuhua
import XiuhuaServer

/// Setting the drive up from the console over a live demo server: a resident put on the
/// roster, a site opened, a mobile team's day planned — each through the same desk step as
/// the API, refused with the reason and nothing written when the input or the role is wrong.
@Suite("Vaccination console: roster, sites and mobile teams")
struct VaccinationSetupConsoleTests {
    static let grid = DemoAccounts.hongqiliCommunity + "001"

    static func idNumber(_ sequence: Int) -> String {
        ResidentIDNumber.synthetic(area: "140213", birth: LocalDate(year: 1975, month: 3, day: 9)!, sequence: sequence).text
    }

    @Test("the health worker registers a resident from the desk; the resident's page opens with their data and the roster finds them")
    func registerResident() async throws {
        try await WritableDemoServer.run { client in
            let health = try await ConsoleVisitor.signIn(client, "health")
            let desk = try await health.get("/console/vaccination")
            #expect(desk.text.contains("id=\"register\"") && desk.text.contains("id=\"new-site\""))
            let posted = try await health.post("/console/vaccination/residents", [
                ("name", "赵春梅"), ("id_number", Self.idNumber(31)), ("grid_code", Self.grid), ("household", "红旗街 8 号"), ("phone", "13900001111"),
            ])
            let location = try #require(posted.headers[.location], "\(posted.status) \(posted.text)")
            #expect(location.hasPrefix("/console/vaccination/residents/rs"))
            #expect(location.hasSuffix("?done=register"))
            let page = try await health.get(location)
            #expect(page.status == .ok)
            #expect(page.text.contains("已登记到台账") && page.text.contains("赵春梅") && page.text.contains("13900001111"))
            let found = try await health.get("/console/vaccination?name=%E8%B5%B5%E6%98%A5%E6%A2%85")
            #expect(found.text.contains("赵春梅"))
        }
    }

    @Test("a bad ID number, an unknown grid, an ID number already on the roster: the form comes back filled in with the reason, and the roster is unchanged")
    func registerRefusals() async throws {
        try await WritableDemoServer.run { client in
            let health = try await ConsoleVisitor.signIn(client, "health")
            var wrongCheckDigit = Self.idNumber(32)
            let last = wrongCheckDigit.removeLast()
            wrongCheckDigit.append(last == "1" ? "2" : "1")
            let badID = try await health.post("/console/vaccination/residents", [
                ("name", "钱多多"), ("id_number", wrongCheckDigit), ("grid_code", Self.grid), ("household", "红旗街 9 号"),
            ])
            #expect(badID.status == .badRequest)
            #expect(badID.text.contains("id=\"flash\""))
            #expect(badID.text.contains("value=\"钱多多\""), "the form keeps what was typed")
            let badGrid = try await health.post("/console/vaccination/residents", [
                ("name", "钱多多"), ("id_number", Self.idNumber(32)), ("grid_code", "999999999999999"), ("household", "红旗街 9 号"),
            ])
            #expect(badGrid.status == .badRequest)
            #expect(badGrid.text.contains("本区没有这个网格"))
            let first = try await health.post("/console/vaccination/residents", [
                ("name", "钱多多"), ("id_number", Self.idNumber(32)), ("grid_code", Self.grid), ("household", "红旗街 9 号"),
            ])
            #expect(first.headers[.location] != nil, "\(first.status) \(first.text)")
            let again = try await health.post("/console/vaccination/residents", [
                ("name", "钱多多二"), ("id_number", Self.idNumber(32)), ("grid_code", Self.grid), ("household", "红旗街 10 号"),
            ])
            #expect(again.status == .conflict)
            #expect(again.text.contains("该身份证号已在台账中"))
            let roster = try await health.get("/console/vaccination?name=%E9%92%B1%E5%A4%9A%E5%A4%9A")
            #expect(roster.text.components(separatedBy: "钱多多</a>").count == 2, "exactly one 钱多多 on the roster")
            #expect(!roster.text.contains("钱多多二"))
        }
    }

    @Test("a grid worker registers only in their own grids and has no site form; a dispatcher has neither form and is refused")
    func registerRoles() async throws {
        try await WritableDemoServer.run { client in
            let grid = try await ConsoleVisitor.signIn(client, "gridworker")
            let desk = try await grid.get("/console/vaccination")
            #expect(desk.text.contains("id=\"register\"") && !desk.text.contains("id=\"new-site\""))
            #expect(desk.text.contains("<select id=\"new-grid\" name=\"grid_code\">"))
            let elsewhere = DemoAccounts.hongqiliCommunity.dropLast(3) + "002001"
            let outside = try await grid.post("/console/vaccination/residents", [
                ("name", "孙立"), ("id_number", Self.idNumber(33)), ("grid_code", String(elsewhere)), ("household", "某街 1 号"),
            ])
            #expect(outside.status == .forbidden || outside.status == .badRequest, "\(outside.status)")
            let site = try await grid.post("/console/vaccination/sites", [
                ("name", "网格员的点"), ("kind", "fixed"), ("community_code", DemoAccounts.hongqiliCommunity),
                ("opens_at", "08:00"), ("closes_at", "12:00"), ("slot_minutes", "30"), ("capacity_per_slot", "10"),
            ])
            #expect(site.status == .forbidden)
            #expect(site.text.contains("无权设立接种点"))

            let dispatcher = try await ConsoleVisitor.signIn(client, "dispatcher")
            let dispatcherDesk = try await dispatcher.get("/console/vaccination")
            #expect(!dispatcherDesk.text.contains("id=\"register\"") && !dispatcherDesk.text.contains("id=\"new-site\""))
            let refused = try await dispatcher.post("/console/vaccination/residents", [
                ("name", "孙立"), ("id_number", Self.idNumber(33)), ("grid_code", Self.grid), ("household", "红旗街 1 号"),
            ])
            #expect(refused.status == .forbidden)
            let health = try await ConsoleVisitor.signIn(client, "health")
            let roster = try await health.get("/console/vaccination?name=%E5%AD%99%E7%AB%8B")
            #expect(!roster.text.contains("孙立</a>"), "no refused registration was written")
        }
    }

    @Test("the health worker opens a mobile site and plans its days; bad hours, a bad number and an unknown community are refused and write nothing")
    func siteAndRoving() async throws {
        try await WritableDemoServer.run { client in
            let health = try await ConsoleVisitor.signIn(client, "health")
            let base: [(String, String)] = [
                ("name", "红旗里流动接种队"), ("kind", "mobile"), ("community_code", DemoAccounts.hongqiliCommunity), ("address", "红旗街"),
                ("opens_at", "09:00"), ("closes_at", "11:00"), ("slot_minutes", "30"), ("capacity_per_slot", "12"),
            ]
            func with(_ name: String, _ value: String) -> [(String, String)] { base.map { $0.0 == name ? (name, value) : $0 } }
            let badHours = try await health.post("/console/vaccination/sites", with("closes_at", "08:00"))
            #expect(badHours.status == .badRequest)
            #expect(badHours.text.contains("value=\"红旗里流动接种队\""))
            let badNumber = try await health.post("/console/vaccination/sites", with("capacity_per_slot", "很多"))
            #expect(badNumber.status == .badRequest)
            #expect(badNumber.text.contains("应为整数"))
            let badCommunity = try await health.post("/console/vaccination/sites", with("community_code", "140213999999"))
            #expect(badCommunity.status == .badRequest)
            #expect(badCommunity.text.contains("本区没有这个社区"))
            let before = try await health.get("/console/vaccination")
            #expect(!before.text.contains(">红旗里流动接种队</a>"), "no refused site was written")

            let opened = try await health.post("/console/vaccination/sites", base)
            let location = try #require(opened.headers[.location], "\(opened.status) \(opened.text)")
            #expect(location.hasSuffix("?done=site"))
            let sitePath = String(location.prefix { $0 != "?" })
            let page = try await health.get(location)
            #expect(page.text.contains("接种点已设立") && page.text.contains("<td>09:00</td>") && page.text.contains("<td>10:30</td>"))
            #expect(page.text.contains("id=\"roving-form\"") && page.text.contains("尚未排班"))

            let badDay = try await health.post(sitePath + "/roving", [("day", "明天"), ("community_code", DemoAccounts.hongqiliCommunity)])
            #expect(badDay.status == .badRequest)
            let planned = try await health.post(sitePath + "/roving", [("day", "2026-12-03"), ("community_code", DemoAccounts.hongqiliCommunity)])
            #expect(planned.headers[.location] == sitePath + "?done=rove", "\(planned.status) \(planned.text)")
            let plan = try await health.get(sitePath)
            #expect(plan.text.contains("<td>2026-12-03</td>"))

            let grid = try await ConsoleVisitor.signIn(client, "gridworker")
            let gridView = try await grid.get(sitePath)
            #expect(gridView.text.contains("<td>2026-12-03</td>") && !gridView.text.contains("id=\"roving-form\""))
            let refused = try await grid.post(sitePath + "/roving", [("day", "2026-12-04"), ("community_code", DemoAccounts.hongqiliCommunity)])
            #expect(refused.status == .forbidden)
        }
    }

    @Test("a form without its token is refused and writes nothing")
    func csrf() async throws {
        try await WritableDemoServer.run { client in
            let health = try await ConsoleVisitor.signIn(client, "health")
            let forged = try await health.post("/console/vaccination/residents", [
                ("name", "周无令"), ("id_number", Self.idNumber(34)), ("grid_code", Self.grid), ("household", "红旗街 3 号"),
            ], token: "forged")
            #expect(forged.status == .forbidden)
            let roster = try await health.get("/console/vaccination?name=%E5%91%A8%E6%97%A0%E4%BB%A4")
            #expect(!roster.text.contains("周无令</a>"))
        }
    }
}
