import Foundation
import Hummingbird
import Testing
import Xiuhua
import XiuhuaServer
import XiuhuaStore

/// Every route that reads or acts on one record, as every role, on a record inside and a
/// record outside the account's scope, against one declared table of answers: the scope
/// rule (`AccessPolicy`, `CaseVisibility`) as the API and the console apply it.
///
/// The "inside" records lie in 红旗里社区's first grid (永泰街道, on `gridworker`'s patrol);
/// the "outside" ones in 文瀛湖街道. `nogrids` is a grid worker whose grids were never
/// filled in: it must see nothing, not everything.
@Suite("Access scope: route × role × in / out of scope")
struct AccessScopeTableTests {
    /// The callers: every demo account, a grid worker without grids, and nobody.
    static let callers = Demo.usernames + ["nogrids", "anonymous"]

    /// The answer of one route for each caller, on the record in scope and the one outside.
    struct Row {
        let route: String
        let method: HTTPRequest.Method
        let body: [String: Any]?
        let expected: [String: (inside: Int, outside: Int)]
    }

    /// Same answer for every caller but the ones named.
    static func answers(_ all: (Int, Int), except: [String: (Int, Int)]) -> [String: (inside: Int, outside: Int)] {
        var table: [String: (inside: Int, outside: Int)] = [:]
        for caller in callers { table[caller] = except[caller] ?? all }
        table["anonymous"] = except["anonymous"] ?? (401, 401)
        return table
    }

    /// The records a row is tried on.
    struct Records {
        var caseNumber: (String, String)
        var resident: (String, String)
        var shop: (String, String)
        var idleSpace: (String, String)
        var campaign: (String, String)
        var inspection: (String, String)
        var contract: (String, String)
        var notice: (String, String)
    }

    /// The shop register's territory: grid and street officers their own, health workers and
    /// client systems none (403 `outside_scope` or the role's refusal).
    static let shopExceptions: [String: (Int, Int)] = [
        "gridworker": (200, 403), "yongtai": (200, 403), "health": (403, 403), "nogrids": (403, 403), "api12345": (403, 403),
    ]

    /// The same on the console's pages, which send the signed-out to sign in.
    static var consoleShopExceptions: [String: (Int, Int)] {
        shopExceptions.merging(["anonymous": (302, 302)]) { _, new in new }
    }

    static func rows(_ r: Records) -> [(Row, (String, String))] {
        [
            // Cases: the command centre sees all; a street its street; a grid worker its
            // grids; a department what it owns (neither here); others nothing (404 hides it).
            (Row(route: "/api/v1/cases/{}", method: .get, body: nil, expected: answers((200, 200), except: [
                "gridworker": (200, 404), "yongtai": (200, 404), "huanwei": (404, 404), "health": (404, 404), "nogrids": (404, 404),
            ])), r.caseNumber),
            (Row(route: "/console/cases/{}", method: .get, body: nil, expected: answers((200, 200), except: [
                "gridworker": (200, 404), "yongtai": (200, 404), "huanwei": (404, 404), "health": (404, 404), "nogrids": (404, 404),
                "anonymous": (302, 302),
            ])), r.caseNumber),
            // The roster: health workers and the command centre everywhere; grid and street
            // their own territory; departments, client systems and grid workers without grids never.
            (Row(route: "/api/v1/vaccination/residents/{}", method: .get, body: nil, expected: answers((200, 200), except: [
                "gridworker": (200, 404), "yongtai": (200, 404), "huanwei": (404, 404), "api12345": (404, 404), "nogrids": (404, 404),
            ])), r.resident),
            (Row(route: "/console/vaccination/residents/{}", method: .get, body: nil, expected: answers((200, 200), except: [
                "gridworker": (200, 404), "yongtai": (200, 404), "huanwei": (404, 404), "api12345": (404, 404), "nogrids": (404, 404),
                "anonymous": (302, 302),
            ])), r.resident),
            (Row(route: "/api/v1/vaccination/residents/{}/visits", method: .post, body: ["result": "away", "note": "不在家"], expected: answers((403, 403), except: [
                "gridworker": (201, 404), "health": (201, 201), "nogrids": (404, 404),
            ])), r.resident),
            // Shops (and their inspections): the register's territory; health workers none.
            (Row(route: "/api/v1/shops/{}", method: .get, body: nil, expected: answers((200, 200), except: shopExceptions)), r.shop),
            (Row(route: "/api/v1/shops/{}/inspections", method: .get, body: nil, expected: answers((200, 200), except: shopExceptions)), r.shop),
            (Row(route: "/api/v1/inspections/{}", method: .get, body: nil, expected: answers((200, 200), except: shopExceptions)), r.inspection),
            (Row(route: "/api/v1/contracts/{}", method: .get, body: nil, expected: answers((200, 200), except: shopExceptions)), r.contract),
            (Row(route: "/api/v1/notices/{}", method: .get, body: nil, expected: answers((200, 200), except: shopExceptions)), r.notice),
            (Row(route: "/console/shops/{}", method: .get, body: nil, expected: answers((200, 200), except: consoleShopExceptions)), r.shop),
            (Row(route: "/console/inspections/{}", method: .get, body: nil, expected: answers((200, 200), except: consoleShopExceptions)), r.inspection),
            (Row(route: "/console/contracts/{}", method: .get, body: nil, expected: answers((200, 200), except: consoleShopExceptions)), r.contract),
            (Row(route: "/console/notices/{}", method: .get, body: nil, expected: answers((200, 200), except: consoleShopExceptions)), r.notice),
            (Row(route: "/console/idle-spaces/{}", method: .get, body: nil, expected: answers((200, 200), except: consoleShopExceptions)), r.idleSpace),
            (Row(route: "/api/v1/idle-spaces/{}", method: .get, body: nil, expected: answers((200, 200), except: shopExceptions)), r.idleSpace),
            // Campaigns: anyone whose territory overlaps the campaign's regions.
            (Row(route: "/api/v1/campaigns/{}", method: .get, body: nil, expected: answers((200, 200), except: [
                "gridworker": (200, 404), "yongtai": (200, 404), "nogrids": (404, 404),
            ])), r.campaign),
            (Row(route: "/console/campaigns/{}", method: .get, body: nil, expected: answers((200, 200), except: [
                "gridworker": (200, 404), "yongtai": (200, 404), "nogrids": (404, 404), "anonymous": (302, 302),
            ])), r.campaign),
            // A report on a planned campaign: out of scope it is absent (404); in scope the
            // role is checked (403), then the state (409: not running yet).
            (Row(route: "/api/v1/campaigns/{}/reports", method: .post, body: ["day": "2026-11-30", "progress": [String: Int]()], expected: answers((409, 409), except: [
                "gridworker": (409, 404), "yongtai": (409, 404), "nogrids": (404, 404),
                "operator": (403, 403), "huanwei": (403, 403), "api12345": (403, 403),
            ])), r.campaign),
        ]
    }

    @Test("every route answers each role on a record inside and outside its scope as the table declares")
    func table() async throws {
        try await DemoServerFixture.withServer { api in
            try await Self.addGridWorkerWithoutGrids(api)
            let records = try await Self.records(api)
            var mismatches: [String] = []
            for (row, ids) in Self.rows(records) {
                for caller in Self.callers {
                    let expected = try #require(row.expected[caller])
                    for (id, want, side) in [(ids.0, expected.inside, "inside"), (ids.1, expected.outside, "outside")] {
                        let path = row.route.replacingOccurrences(of: "{}", with: id)
                        let body = row.body.map(DemoAPI.jsonText)
                        let got = try await api.send(row.method, path, as: caller == "anonymous" ? nil : caller, body: body)
                        if Int(got.status.code) != want {
                            mismatches.append("\(row.method) \(row.route) as \(caller) \(side): \(got.status.code), declared \(want) — \(got.text.prefix(120))")
                        }
                    }
                }
            }
            #expect(mismatches.isEmpty, "\(mismatches.count) answers differ from the table:\n\(mismatches.joined(separator: "\n"))")
        }
    }

    @Test("lists hold only what the account's scope holds; a grid worker without grids lists nothing")
    func lists() async throws {
        try await DemoServerFixture.withServer { api in
            try await Self.addGridWorkerWithoutGrids(api)
            let records = try await Self.records(api)
            func ids(_ path: String, as caller: String, key: String = "id") async throws -> Set<String> {
                let answer = try await api.get(path, as: caller)
                try #require(answer.status == .ok, "\(path) as \(caller): \(answer.status) \(answer.text.prefix(200))")
                return Set((answer["items"]?.arrayValue ?? []).compactMap { $0[key]?.stringValue })
            }
            #expect(try await ids("/api/v1/cases", as: "nogrids", key: "number").isEmpty)
            #expect(try await ids("/api/v1/cases", as: "gridworker", key: "number").contains(records.caseNumber.0))
            #expect(try await !ids("/api/v1/cases", as: "gridworker", key: "number").contains(records.caseNumber.1))
            #expect(try await ids("/api/v1/vaccination/residents", as: "nogrids").isEmpty)
            #expect(try await ids("/api/v1/vaccination/residents", as: "gridworker") == [records.resident.0])
            #expect(try await ids("/api/v1/vaccination/residents", as: "huanwei").isEmpty)
            #expect(try await ids("/api/v1/vaccination/residents?region=\(Demo.wenyinghu)", as: "yongtai").isEmpty)
            #expect(try await ids("/api/v1/vaccination/residents", as: "health") == [records.resident.0, records.resident.1])
            #expect(try await ids("/api/v1/shops", as: "gridworker") == [records.shop.0])
            #expect(try await ids("/api/v1/shops", as: "nogrids").isEmpty)
            #expect(try await ids("/api/v1/shops", as: "supervisor") == [records.shop.0, records.shop.1])
            #expect(try await ids("/api/v1/idle-spaces", as: "yongtai") == [records.idleSpace.0])
            #expect(try await ids("/api/v1/idle-spaces", as: "nogrids").isEmpty)
            let campaigns = try await api.get("/api/v1/campaigns", as: "gridworker")
            let seen = Set((campaigns["items"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue })
            #expect(seen.contains(records.campaign.0) && !seen.contains(records.campaign.1), "\(campaigns.text.prefix(600))")
        }
    }

    @Test("health data (visit notes, screening answers, reactions) only for health workers and the resident's own grid worker")
    func healthData() async throws {
        try await DemoServerFixture.withServer { api in
            let records = try await Self.records(api)
            let path = "/api/v1/vaccination/residents/\(records.resident.0)"
            for (caller, sees) in [("health", true), ("gridworker", true), ("dispatcher", false), ("yongtai", false), ("supervisor", false)] {
                let answer = try await api.get(path, as: caller)
                try #require(answer.status == .ok, "\(caller): \(answer.text)")
                let note = answer["visits"]?.arrayValue?.first?["note"]?.stringValue
                #expect((note == "对青霉素过敏") == sees, "\(caller) sees the visit note: \(note ?? "nil")")
            }
        }
    }

    @Test("a grid worker without grids finds no case and no resident, in the API and on the console")
    func emptyScopeFailsClosed() async throws {
        try await DemoServerFixture.withServer { api in
            try await Self.addGridWorkerWithoutGrids(api)
            _ = try await Self.records(api)
            let cases = try await api.get("/api/v1/cases", as: "nogrids")
            #expect(cases["total"]?.intValue == 0)
            let roster = try await api.get("/console/vaccination?region=\(DemoDistrict.code)", as: "nogrids")
            #expect(roster.status == .ok)
            #expect(!roster.text.contains("/console/vaccination/residents/"), "the console roster lists no one")
        }
    }

    // MARK: - Set-up

    static func addGridWorkerWithoutGrids(_ api: DemoAPI) async throws {
        let account = Account(id: "test-nogrids", username: "nogrids", name: "空网格员", role: .gridWorker, passwordHash: "-")
        try await api.services.store.addAccount(account, at: api.clock.now)
        try await api.services.store.addSession(
            token: Demo.token(for: "nogrids"), accountID: account.id, at: api.clock.now, expiresAt: DemoTemplate.sessionExpiry
        )
    }

    /// One record of each kind in 红旗里's first grid and one in 文瀛湖街道.
    static func records(_ api: DemoAPI) async throws -> Records {
        let inside = try await api.file(grid: Demo.hongqiliGrid).number
        let outside = try await api.file(grid: Demo.wenyinghuGrid).number
        let residents = [Demo.hongqiliGrid, Demo.wenyinghuGrid].enumerated().map { index, grid in
            Resident(
                id: "rs-scope-\(index)", gridCode: grid, household: "测试户 \(index)", name: "居民\(index)",
                idNumber: .synthetic(area: "140213", birth: LocalDate(year: 1960, month: 5, day: 1 + index)!, sequence: index),
                phone: "1381234000\(index)"
            )
        }
        try await api.services.store.addResidents(residents, at: api.clock.now)
        let visit = try await api.post("/api/v1/vaccination/residents/\(residents[0].id)/visits", as: "health", ["result": "contraindication", "note": "对青霉素过敏"])
        try #require(visit.status == .created, "\(visit.text)")
        var shops: [String] = []
        var spaces: [String] = []
        var inspections: [String] = []
        var contracts: [String] = []
        var notices: [String] = []
        for (index, grid) in [Demo.hongqiliGrid, Demo.wenyinghuGrid].enumerated() {
            let code = ["91140213MA0K3XH01G", "91140213MA0K3XH05W"][index]
            let shop = try await api.post("/api/v1/shops", as: "admin", try ShopAPITests.body(api, name: "商户\(index)", code: code, grid: grid))
            try #require(shop.status == .created, "\(shop.text)")
            let id = try #require(shop["id"]?.stringValue)
            shops.append(id)
            inspections.append(try await InspectionAPITests.record(api, shop: id))
            let contract = try await api.post("/api/v1/shops/\(id)/contracts", as: "huanwei", ContractAPITests.terms)
            try #require(contract.status == .created, "\(contract.text)")
            contracts.append(try #require(contract["contract"]?["number"]?.stringValue))
            notices.append(try await NoticeDeskPagesTests.issue(api, shop: id, as: "huanwei"))
            let space = try await api.post("/api/v1/idle-spaces", as: "admin", try IdleSpaceAPITests.body(api, grid: grid))
            try #require(space.status == .created, "\(space.text)")
            spaces.append(try #require(space["id"]?.stringValue))
        }
        let campaigns = [
            try await CampaignAPITests.plan(api, as: "admin", kind: "cleanUp", area: Demo.hongqili),
            try await CampaignAPITests.plan(api, as: "admin", kind: "cleanUp", area: Demo.wenyinghu),
        ]
        return Records(
            caseNumber: (inside, outside), resident: (residents[0].id, residents[1].id), shop: (shops[0], shops[1]),
            idleSpace: (spaces[0], spaces[1]), campaign: (campaigns[0], campaigns[1]), inspection: (inspections[0], inspections[1]),
            contract: (contracts[0], contracts[1]), notice: (notices[0], notices[1])
        )
    }
}
