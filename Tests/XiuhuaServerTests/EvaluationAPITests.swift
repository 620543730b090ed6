import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import Xiuhua
import XiuhuaServer
import XiuhuaStore

/// The evaluation API, CSV export, monthly report and hotspots, on a real server over a
/// real demo store holding a few cases filed and closed in November 2026.
@Suite("Evaluation API")
struct EvaluationAPITests {
    /// Runs `body` against a live server whose store has three closed 暴露垃圾 cases in
    /// one grid of 永泰街道 and one open case.
    static func withEvaluationServer(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await withTemporaryDataDirectory { directory in
            let store = try await Store.openSQLite(dataDirectory: directory, logger: ServerFixture.logger)
            do {
                try await DemoSeeder.seedIfNeeded(store, logger: ServerFixture.logger)
                let services = try await XiuhuaServices.load(store: store, catalog: .national, calendar: .chinaDefault)
                try await fileCases(services)
                let app = buildApplication(services: services, host: "127.0.0.1", port: 0, overdueScanInterval: nil, logger: ServerFixture.logger)
                try await app.test(.live, body)
                await store.close()
            } catch {
                await store.close()
                throw error
            }
        }
    }

    static func fileCases(_ services: XiuhuaServices) async throws {
        let tree = try #require(services.regions)
        let people = try await services.store.accounts()
        func actor(_ username: String) throws -> Actor { try #require(people.first { $0.username == username }).actor }
        // A grid the demo grid worker patrols, so that the on-site check is theirs to do.
        let patrolled = try actor("gridworker").gridCodes.first ?? tree.regions(at: .grid)[0].code
        let grid = try #require(tree[patrolled])
        let street = try #require(tree.ancestor(of: grid.code, at: .street))
        let start = ISO8601Instant.parse("2026-11-10T09:00:00+08:00")!
        for i in 0..<4 {
            let intake = CaseIntake(
                number: "", ticketCode: "", source: .patrol, categoryCode: "06010", disposalLimit: .hours(4),
                location: CaseLocation(latitude: 40.1, longitude: 113.3, address: "测试", gridCode: grid.code,
                                       communityCode: grid.parentCode, streetCode: street.code),
                description: "暴露垃圾", photos: ["p.jpg"]
            )
            var now = start.addingTimeInterval(Double(i) * 86_400)
            let snapshot = try await services.store.createCase(intake, by: try actor("gridworker"), at: now, numbering: services.numbering, clock: services.calendar)
            let steps: [(CaseAction, String)] = [
                (.accept(), "dutychief"), (.dispatch(to: .department("huanwei")), "dispatcher"),
                (.handle(note: "已清理"), "huanwei"), (.check(passed: true), "gridworker"), (.close(), "dutychief"),
            ]
            for (action, username) in steps.prefix(i == 3 ? 2 : 5) {
                now = now.addingTimeInterval(600)
                _ = try await services.store.act(on: snapshot.number, action, by: try actor(username), at: now, clock: services.calendar)
            }
        }
    }

    static func login(_ client: some TestClientProtocol, _ username: String) async throws -> String {
        let body = ByteBuffer(string: #"{"username":"\#(username)","password":"\#(DemoAccounts.password)"}"#)
        let response = try await client.execute(uri: "/api/v1/sessions", method: .post, headers: [.contentType: "application/json"], body: body)
        return try #require(try response.object()["token"] as? String)
    }

    static func get(_ client: some TestClientProtocol, _ uri: String, as username: String?) async throws -> TestResponse {
        var headers = HTTPFields()
        if let username { headers[.authorization] = "Bearer \(try await login(client, username))" }
        return try await client.execute(uri: uri, method: .get, headers: headers)
    }

    @Test("a dispatcher reads the street ranking with raw rates, sample sizes, scores and grades")
    func streets() async throws {
        try await Self.withEvaluationServer { client in
            let response = try await Self.get(client, "/api/v1/evaluation?period=2026-11&level=street", as: "dispatcher")
            #expect(response.status == .ok)
            let object = try response.object()
            #expect(object["ranking_method"] as? String == "wilson_lower_bound_95")
            let rows = try #require(object["rows"] as? [[String: Any]])
            #expect(rows.count == 18)
            let first = rows[0]
            #expect(first["rank"] as? Int == 1)
            #expect(first["sample_size"] as? Int == 4)
            #expect(["A", "B", "C", "D", "E"].contains(first["grade"] as? String ?? ""))
            let closing = try #require((first["indicators"] as? [String: Any])?["closing_rate"] as? [String: Any])
            #expect(closing["value"] as? Double == 0.75)
            #expect(closing["denominator"] as? Int == 4)
            #expect(closing["label"] as? String == "结案率")
        }
    }

    @Test("roles outside supervision get 403, anonymous 401, bad input 400 — all in the error shape")
    func refusals() async throws {
        try await Self.withEvaluationServer { client in
            try await Self.get(client, "/api/v1/evaluation?period=2026-11", as: "gridworker").expectError(.forbidden, "forbidden_role")
            try await Self.get(client, "/api/v1/evaluation?period=2026-11", as: nil).expectError(.unauthorized, "unauthenticated")
            try await Self.get(client, "/api/v1/evaluation?period=2026-13", as: "supervisor").expectError(.badRequest, "invalid_period")
            try await Self.get(client, "/api/v1/evaluation", as: "supervisor").expectError(.badRequest, "missing_period")
            try await Self.get(client, "/api/v1/evaluation?period=2026-11&level=planet", as: "admin").expectError(.badRequest, "invalid_level")
            try await Self.get(client, "/api/v1/hotspots?period=2026-11&min_cases=x", as: "admin").expectError(.badRequest, "invalid_min_cases")
        }
    }

    @Test("the CSV starts with a byte-order mark, has Chinese column names and one line per department")
    func csv() async throws {
        try await Self.withEvaluationServer { client in
            let response = try await Self.get(client, "/api/v1/evaluation.csv?period=2026-11&level=department", as: "dutychief")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
            let bytes = Array(response.body.readableBytesView)
            #expect(bytes.prefix(3) == [0xEF, 0xBB, 0xBF])
            let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
            let lines = text.split(separator: "\r\n").map(String.init)
            let header = lines[0].split(separator: ",").map(String.init)
            #expect(header.prefix(5) == ["周期", "层级", "排名", "编码", "名称"])
            #expect(header.contains("结案率(%)"))
            #expect(header.contains("满意率(%)"))
            #expect(lines.count == 1 + 20)
            #expect(lines.contains { $0.contains("huanwei") && $0.contains("环卫") && $0.contains(",75.00,") })
        }
    }

    @Test("the monthly report is a printable Chinese page with totals, rankings and grades")
    func report() async throws {
        try await Self.withEvaluationServer { client in
            let response = try await Self.get(client, "/reports/monthly?period=2026-11", as: "supervisor")
            #expect(response.status == .ok)
            let page = response.text
            for text in ["考核通报", "一、总体情况", "分渠道", "分指挥部", "高发问题前三位", "街道排名", "部门排名", "红榜", "暴露垃圾"] {
                #expect(page.contains(text), "missing \(text)")
            }
            // The print layout is a style sheet of its own: the content security policy
            // forbids inline styles.
            #expect(page.contains("<link rel=\"stylesheet\" href=\"/assets/monthly-report.css\">"))
            #expect(try await client.get("/assets/monthly-report.css").text.contains("@media print"))
            #expect(!page.contains("<script"))
            #expect(!page.contains("http://") && !page.contains("https://"))
        }
    }

    @Test("hotspots list the grid × category that recurs, new against October")
    func hotspots() async throws {
        try await Self.withEvaluationServer { client in
            let response = try await Self.get(client, "/api/v1/hotspots?period=2026-11&min_cases=3", as: "admin")
            #expect(response.status == .ok)
            let object = try response.object()
            #expect(object["previous_period"] as? String == "2026-10")
            let items = try #require(object["items"] as? [[String: Any]])
            #expect(items.count == 1)
            #expect(items.first?["count"] as? Int == 4)
            #expect(items.first?["trend"] as? String == "new")
            #expect(items.first?["category_name"] as? String == "暴露垃圾")
        }
    }
}
