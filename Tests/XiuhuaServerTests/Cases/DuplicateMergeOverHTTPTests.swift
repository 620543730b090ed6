import Foundation
import Testing
import Xiuhua
import XiuhuaServer
import XiuhuaStore

/// Duplicates and merging over HTTP on the demo district: suggestions on intake and on the
/// case, the duty chief's merge and its refusals, and the merged report's citizen following
/// the survivor to its closure and rating — with both histories intact.
@Suite("Duplicates and merge over HTTP", .serialized)
struct DuplicateMergeOverHTTPTests {
    /// `body` moved `metres` north.
    static func moved(_ body: [String: Any], metres: Double) -> [String: Any] {
        var moved = body
        moved["lat"] = (body["lat"] as! Double) + metres / 111_195
        return moved
    }

    @Test("staff filing a report see open cases of its category within 50 m; another category or a farther case is not suggested; the case lists them too")
    func suggestions() async throws {
        try await DemoServerFixture.withServer { api in
            let body = try api.report()
            let first = try await api.post("/api/v1/cases", as: "operator", body)
            let firstNumber = try #require(first["number"]?.stringValue)
            #expect(first["duplicates"]?["candidates"]?.arrayValue?.isEmpty == true)

            let second = try await api.post("/api/v1/cases", as: "operator", Self.moved(body, metres: 30))
            #expect(second.status == .created, "\(second.text)")
            let candidates = try #require(second["duplicates"]?["candidates"]?.arrayValue)
            #expect(candidates.map { $0["number"]?.stringValue } == [firstNumber])
            #expect(abs((candidates.first?["distance_m"]?.numberValue ?? 0) - 30) < 1)
            #expect(second["duplicates"]?["radius_m"]?.numberValue == 50)
            #expect(second["duplicates"]?["window_days"]?.numberValue == 7)

            var otherCategory = Self.moved(body, metres: 10)
            otherCategory["category"] = "09006"
            let third = try await api.post("/api/v1/cases", as: "operator", otherCategory)
            #expect(third.status == .created, "\(third.text)")
            #expect(third["duplicates"]?["candidates"]?.arrayValue?.isEmpty == true)
            let far = try await api.post("/api/v1/cases", as: "operator", Self.moved(body, metres: -60))
            #expect(far.status == .created, "\(far.text)")
            #expect(far["duplicates"]?["candidates"]?.arrayValue?.isEmpty == true)

            // A citizen's own web report is filed without other people's reports in the answer.
            var web = body
            web["source"] = "web"
            web["reporter_phone"] = "13912345678"
            let citizen = try await api.post("/api/v1/cases", as: nil, web)
            #expect(citizen.status == .created, "\(citizen.text)")
            #expect(citizen["duplicates"] == nil)
            // Staff see the web report's duplicates on the case.
            let webNumber = try #require(citizen["number"]?.stringValue)
            let listed = try await api.get("/api/v1/cases/\(webNumber)/duplicates", as: "dutychief")
            #expect(listed.status == .ok, "\(listed.text)")
            #expect(listed["candidates"]?.arrayValue?.compactMap { $0["number"]?.stringValue }.contains(firstNumber) == true)

            #expect(try await api.get("/api/v1/cases/\(webNumber)/duplicates", as: nil).status == .unauthorized)
            #expect(try await api.get("/api/v1/cases/XH-NOPE/duplicates", as: "dutychief").status == .notFound)
        }
    }

    @Test("a duty chief merges a duplicate; wrong role, missing or self target, a closed target and a cycle are clear 4xx errors that change nothing")
    func mergeRules() async throws {
        try await DemoServerFixture.withServer { api in
            let survivor = try await api.file(directAcceptance: true)
            let duplicate = try await api.file(directAcceptance: true)
            let before = try await api.version(duplicate.number)

            let byDispatcher = try await api.act(duplicate.number, as: "dispatcher", "merge", ["into": survivor.number])
            #expect(byDispatcher.status == .forbidden)
            #expect(byDispatcher.error == "forbidden_role")
            let missing = try await api.act(duplicate.number, as: "dutychief", "merge")
            #expect(missing.status == .badRequest)
            #expect(missing.error == "missing_field")
            let itself = try await api.act(duplicate.number, as: "dutychief", "merge", ["into": duplicate.number])
            #expect(itself.status == .badRequest)
            #expect(itself.error == "invalid_input")
            let unknown = try await api.act(duplicate.number, as: "dutychief", "merge", ["into": "XH-20261130-9999"])
            #expect(unknown.status == .badRequest)
            #expect(unknown.error == "invalid_input")
            let rejected = try await api.file()
            try await api.step(rejected.number, as: "dutychief", "reject", ["reason": "不属于城管范围"])
            let intoClosed = try await api.act(duplicate.number, as: "dutychief", "merge", ["into": rejected.number])
            #expect(intoClosed.status == .conflict)
            #expect(intoClosed.error == "wrong_state")
            #expect(try await api.version(duplicate.number) == before)

            let merged = try await api.step(duplicate.number, as: "dutychief", "merge", ["into": survivor.number, "note": "同一处垃圾"])
            #expect(merged["state"]?.stringValue == "merged")
            #expect(merged["merged_into"]?.stringValue == survivor.number)
            #expect(try await api.caseView(survivor.number)["merged_cases"]?.arrayValue?.map(\.stringValue) == [duplicate.number])

            let again = try await api.act(duplicate.number, as: "dutychief", "merge", ["into": survivor.number])
            #expect(again.status == .conflict)
            #expect(again.error == "wrong_state")
            let cycle = try await api.act(survivor.number, as: "dutychief", "merge", ["into": duplicate.number])
            #expect(cycle.status == .conflict)
            #expect(cycle.error == "wrong_state")
            // A merged case is no longer suggested as a duplicate.
            let third = try await api.post("/api/v1/cases", as: "operator", try api.report())
            let suggested = third["duplicates"]?["candidates"]?.arrayValue?.compactMap { $0["number"]?.stringValue } ?? []
            #expect(suggested.contains(survivor.number))
            #expect(!suggested.contains(duplicate.number))
        }
    }

    @Test("the merged report's ticket shows the survivor's progress; when the survivor closes its citizen is asked to rate and may; both chains verify")
    func followerFollowsSurvivor() async throws {
        try await DemoServerFixture.with { fixture in
            try await fixture.serve { api in
                let survivor = try await api.file(directAcceptance: true)
                var body = try api.report()
                body["reporter_phone"] = "13700001111"
                body["direct_acceptance"] = true
                let filed = try await api.post("/api/v1/cases", as: "operator", body)
                let duplicate = try #require(filed["number"]?.stringValue)
                let ticket = try await api.ticket(of: duplicate)
                try await api.step(duplicate, as: "dutychief", "merge", ["into": survivor.number])

                let followed = try await api.get("/api/v1/tickets/\(ticket)")
                #expect(followed.status == .ok, "\(followed.text)")
                #expect(followed["number"]?.stringValue == survivor.number)

                try await api.step(survivor.number, as: "dutychief", "accept")
                try await api.step(survivor.number, as: "dispatcher", "dispatch", ["owner": "dept:huanwei"])
                try await api.step(survivor.number, as: "huanwei", "handle", ["note": "已清理"])
                try await api.step(survivor.number, as: "gridworker", "check", ["passed": true])
                try await api.step(survivor.number, as: "dutychief", "close")

                let told = try await fixture.store.outbox(ofCase: survivor.number).map(\.entry.notification)
                let asked = told.filter { $0.kind == .citizenClosed }
                #expect(asked.map(\.ticketCode).contains(ticket))
                #expect(asked.contains { $0.recipient == .citizen(phone: "13700001111") })

                let rated = try await api.post("/api/v1/tickets/\(ticket)/rating", ["satisfaction": "satisfied", "fixed": true])
                #expect(rated.status == .ok, "\(rated.text)")
                #expect(try await api.caseView(survivor.number)["state"]?.stringValue == "rated")
                let events = try await fixture.store.caseEvents(survivor.number)
                #expect(events.last?.event.actorID == "ticket:\(ticket)")
                #expect(events.map(\.event.kind).contains(.absorbed))
                #expect(try await fixture.store.caseEvents(duplicate).last?.event.kind == .merged)
            }
            let audit = try await fixture.store.verifyAudit()
            #expect(audit.isIntact, "\(audit.firstBroken.map { "\($0.number): \($0.reason)" } ?? "")")
        }
    }

    @Test("two duty chiefs merging two cases into each other at once: exactly one merge happens, the other is a 409, no cycle")
    func concurrentCrossMerge() async throws {
        try await DemoServerFixture.with { fixture in
            let (a, b) = try await fixture.serve { api in
                let a = try await api.file(directAcceptance: true)
                let b = try await api.file(directAcceptance: true)
                let responses = try await CaseConcurrencyTests.race(api, [
                    ("dutychief", "/api/v1/cases/\(a.number)/actions", #"{"action":"merge","into":"\#(b.number)"}"#),
                    ("dutychief", "/api/v1/cases/\(b.number)/actions", #"{"action":"merge","into":"\#(a.number)"}"#),
                ])
                #expect(responses.map(\.status.code).sorted() == [200, 409], "\(responses.map(\.text))")
                return (a, b)
            }
            let first = try #require(try await fixture.store.caseSnapshot(a.number))
            let second = try #require(try await fixture.store.caseSnapshot(b.number))
            #expect([first.state, second.state].filter { $0 == .merged }.count == 1)
            #expect(first.mergedInto == nil || second.mergedInto == nil)
            #expect(try await fixture.store.verifyAudit().isIntact)
        }
    }
}
