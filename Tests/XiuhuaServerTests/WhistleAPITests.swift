import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import Xiuhua
import XiuhuaServer

/// 吹哨报到 over HTTP: the street whistles, departments check in, the scheduler records
/// who did not, and the case view shows it.
@Suite("Whistle API")
struct WhistleAPITests {
    /// A case of 永泰街道 dispatched to the street itself.
    static func streetCase(_ demo: LiveDemo) async throws -> String {
        let number = try await demo.file()
        try await demo.act(number, as: "dutychief", #"{"action":"accept"}"#)
        let dispatched = try await demo.act(number, as: "dispatcher", #"{"action":"dispatch","owner":"street:\#(DemoAccounts.yongtaiStreet)"}"#)
        #expect(dispatched.status == .ok, "\(dispatched.text)")
        return number
    }

    @Test("an emergency whistle: check-in deadline, missed check-in marked by the scheduler and shown on the case")
    func missedCheckIn() async throws {
        try await LiveDemo.run { demo in
            let number = try await Self.streetCase(demo)
            let whistled = try await demo.act(
                number, as: "yongtai", #"{"action":"whistle","kind":"emergency","departments":["huanwei","jiaojing"],"reason":"暴雨积水，需多部门到场"}"#
            )
            #expect(whistled.status == .ok, "\(whistled.text)")
            let view = try #require(try whistled.object()["case"] as? [String: Any])
            let whistle = try #require((view["whistles"] as? [[String: Any]])?.first)
            #expect(whistle["kind_label"] as? String == "应急处置")
            #expect(whistle["check_in_deadline"] as? String == "2026-10-14T10:30:00+08:00")
            #expect((whistle["summons"] as? [[String: Any]])?.map { $0["status"] as? String } == ["待报到", "待报到"])

            demo.clock.advance(minutes: 10)
            let checkedIn = try await demo.act(number, as: "huanwei", #"{"action":"checkIn"}"#)
            #expect(checkedIn.status == .ok, "\(checkedIn.text)")
            let again = try await demo.act(number, as: "huanwei", #"{"action":"checkIn"}"#)
            // A conflict also carries the case's current state (see docs/API.md).
            #expect(again.status == .conflict)
            #expect(try again.object()["error"] as? String == "already_recorded")

            demo.clock.advance(minutes: 25)
            let report = await OverdueScheduler(services: demo.services, logger: ServerFixture.logger).tick()
            #expect(report.missedCheckIns == 1)
            #expect(await OverdueScheduler(services: demo.services, logger: ServerFixture.logger).tick().missedCheckIns == 0)

            let shown = try await demo.send(.get, "/api/v1/cases/\(number)", token: try await demo.token("dispatcher"))
            let object = try shown.object()
            #expect(object["missed_check_ins"] as? Int == 1)
            let summons = try #require(((object["whistles"] as? [[String: Any]])?.first?["summons"]) as? [[String: Any]])
            #expect(summons.map { $0["status"] as? String } == ["已报到", "未按时报到"])
            #expect(summons.last?["check_in_missed"] as? Bool == true)
            let kinds = (object["events"] as? [[String: Any]])?.compactMap { $0["kind"] as? String } ?? []
            #expect(kinds.contains("checkInMissed"))

            // The command centre's wall shows it: nobody else awaited, one missed this month.
            let cookie = "xiuhua_session=\(try await demo.token("dispatcher"))"
            let wall = try await demo.client.execute(uri: "/dashboard", method: .get, headers: [.cookie: cookie]).text
            #expect(wall.contains(#"id="missed-check-ins">1<"#))
            #expect(wall.contains(#"id="awaiting-check-in">0<"#))
        }
    }

    @Test("a joint whistle shares one id across cases; an unknown department or a foreign case writes nothing")
    func joint() async throws {
        try await LiveDemo.run { demo in
            let first = try await Self.streetCase(demo)
            let second = try await Self.streetCase(demo)
            let token = try await demo.token("yongtai")
            let unknown = try await demo.send(
                .post, "/api/v1/whistles", #"{"cases":["\#(first)","\#(second)"],"kind":"enforcement","departments":["nosuch"],"reason":"联合整治"}"#,
                token: token
            )
            try unknown.expectError(.badRequest, "unknown_department")
            let badKind = try await demo.send(
                .post, "/api/v1/whistles", #"{"cases":["\#(first)"],"kind":"party","departments":["chengguan"],"reason":"联合整治"}"#, token: token
            )
            try badKind.expectError(.badRequest, "invalid_whistle_kind")
            let byDispatcher = try await demo.send(
                .post, "/api/v1/whistles", #"{"cases":["\#(first)"],"kind":"enforcement","departments":["chengguan"],"reason":"x"}"#,
                token: try await demo.token("dispatcher")
            )
            try byDispatcher.expectError(.forbidden, "forbidden_role")

            let response = try await demo.send(
                .post, "/api/v1/whistles", #"{"cases":["\#(first)","\#(second)"],"kind":"enforcement","departments":["chengguan","shichang"],"reason":"背街小巷联合整治"}"#,
                token: token
            )
            #expect(response.status == .created, "\(response.text)")
            let object = try response.object()
            let id = try #require(object["whistle_id"] as? String)
            let cases = try #require(object["cases"] as? [[String: Any]])
            #expect(cases.count == 2)
            for view in cases {
                let whistle = try #require((view["whistles"] as? [[String: Any]])?.first)
                #expect(whistle["id"] as? String == id)
                #expect((whistle["joint_cases"] as? [String])?.count == 1)
            }
        }
    }

    @Test("a summoned department finds the street's case in its list and its 吹哨报到 queue until it reports; other departments do not")
    func summonedDepartmentsList() async throws {
        try await LiveDemo.run { demo in
            let number = try await Self.streetCase(demo)
            func listed(_ user: String, _ query: String = "") async throws -> [String] {
                let page = try await demo.send(.get, "/api/v1/cases?page_size=200\(query)", token: try await demo.token(user))
                return ((try page.object()["items"] as? [[String: Any]]) ?? []).compactMap { $0["number"] as? String }
            }
            #expect(try await !listed("huanwei").contains(number))
            let whistled = try await demo.act(number, as: "yongtai", #"{"action":"whistle","kind":"enforcement","departments":["huanwei"],"reason":"联合整治占道经营"}"#)
            #expect(whistled.status == .ok, "\(whistled.text)")
            #expect(try await listed("huanwei").contains(number))
            #expect(try await listed("huanwei", "&summoned=huanwei") == [number])
            #expect(try await listed("dispatcher", "&summoned=jiaojing").isEmpty)

            // The console's queue of the department shows it; its "to handle" queue does not.
            func console(_ queue: String) async throws -> String {
                let cookie = "xiuhua_session=\(try await demo.token("huanwei"))"
                return try await demo.client.execute(uri: "/console?queue=\(queue)", method: .get, headers: [.cookie: cookie]).text
            }
            #expect(try await console("summoned").contains(number))
            #expect(try await !console("handle").contains(number))

            demo.clock.advance(minutes: 10)
            #expect(try await demo.act(number, as: "huanwei", #"{"action":"checkIn"}"#).status == .ok)
            #expect(try await listed("huanwei", "&summoned=huanwei") == [number])
            #expect(try await demo.act(number, as: "huanwei", #"{"action":"reportWhistle","report":"已到场清理"}"#).status == .ok)
            #expect(try await listed("huanwei", "&summoned=huanwei").isEmpty)
            #expect(try await !listed("huanwei").contains(number))
        }
    }
}
