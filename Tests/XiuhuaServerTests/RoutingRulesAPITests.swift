import Foundation
import Testing
import Xiuhua
import XiuhuaServer

/// Routing rules through the API: an admin edits them, intake follows them, and dispatch
/// accuracy (returns, re-dispatches) shows on the case.
@Suite("Routing rules API")
struct RoutingRulesAPITests {
    @Test("an admin replaces the rules; others may read them; a bad line is a 400 naming it")
    func editing() async throws {
        try await LiveDemo.run { demo in
            let empty = try await demo.send(.get, "/api/v1/routing-rules", token: try await demo.token("dispatcher"))
            #expect(empty.status == .ok)
            #expect(try empty.object()["text"] as? String == "")
            let rules = #"{"text":"06010 140213003 08:00-20:00 mon-fri dept:chengguan\n06 * * * street\n"}"#
            let denied = try await demo.send(.put, "/api/v1/routing-rules", rules, token: try await demo.token("dispatcher"))
            try denied.expectError(.forbidden, "forbidden_role")
            let admin = try await demo.token("admin")
            let bad = try await demo.send(.put, "/api/v1/routing-rules", #"{"text":"06010 * * * dept:chengguan\n06 * 9-5 * street"}"#, token: admin)
            try bad.expectError(.badRequest, "invalid_routing_rules")
            #expect(bad.text.contains("第 2 行"))
            let unknown = try await demo.send(.put, "/api/v1/routing-rules", #"{"text":"06 * * * dept:nosuch"}"#, token: admin)
            try unknown.expectError(.badRequest, "invalid_routing_rules")
            let saved = try await demo.send(.put, "/api/v1/routing-rules", rules, token: admin)
            #expect(saved.status == .ok, "\(saved.text)")
            #expect((try saved.object()["rules"] as? [[String: Any]])?.count == 2)
            #expect(try await demo.services.store.meta("routing_rules")?.contains("dept:chengguan") == true)

            // Intake follows the first matching rule; another category falls to the next.
            let number = try await demo.file(category: "06010")
            let show = try await demo.send(.get, "/api/v1/cases/\(number)", token: try await demo.token("dispatcher"))
            #expect((try show.object()["suggested_owner"] as? [String: Any])?["code"] as? String == "chengguan")
            let other = try await demo.file(category: "06011")
            let otherView = try await demo.send(.get, "/api/v1/cases/\(other)", token: try await demo.token("dispatcher"))
            #expect((try otherView.object()["suggested_owner"] as? [String: Any])?["code"] as? String == DemoAccounts.yongtaiStreet)
        }
    }

    @Test("a return and a re-dispatch to another owner show on the case")
    func dispatchAccuracy() async throws {
        try await LiveDemo.run { demo in
            let number = try await demo.file()
            try await demo.act(number, as: "dutychief", #"{"action":"accept"}"#)
            try await demo.act(number, as: "dispatcher", #"{"action":"dispatch","owner":"dept:huanwei"}"#)
            let returned = try await demo.act(number, as: "huanwei", #"{"action":"return","reason":"属地街道负责"}"#)
            #expect(returned.status == .ok, "\(returned.text)")
            let redispatched = try await demo.act(number, as: "dispatcher", #"{"action":"dispatch","owner":"street:\#(DemoAccounts.yongtaiStreet)"}"#)
            let view = try #require(try redispatched.object()["case"] as? [String: Any])
            #expect(view["redispatch_count"] as? Int == 1)
            #expect(view["dispatch_count"] as? Int == 2)
            #expect((view["returned_by"] as? [[String: Any]])?.map { $0["code"] as? String } == ["huanwei"])
            let events = try #require(view["events"] as? [[String: Any]])
            let last = try #require(events.last?["detail"] as? [String: String])
            #expect(last["redispatch"] == "改派")
        }
    }
}
