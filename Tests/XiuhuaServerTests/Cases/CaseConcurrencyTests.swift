import Foundation
import Hummingbird
import Testing
import Xiuhua

/// Two people acting on one case at the same moment: one wins, the other is told what
/// happened, and the history records the action once.
@Suite("Concurrent case actions")
struct CaseConcurrencyTests {
    /// Sends `requests` at the same time, each on its own connection.
    static func race(_ api: DemoAPI, _ requests: [(username: String, path: String, body: String)]) async throws -> [APIResponse] {
        try await withThrowingTaskGroup(of: APIResponse.self) { group in
            for request in requests {
                group.addTask {
                    try await api.withOwnConnection { own in
                        try await own.send(.post, request.path, as: request.username, body: request.body)
                    }
                }
            }
            var responses: [APIResponse] = []
            for try await response in group {
                responses.append(response)
            }
            return responses
        }
    }

    @Test("the same dispatch sent twice at once: exactly one 200 and one 409 naming the current state; one dispatched event")
    func doubleDispatch() async throws {
        try await DemoServerFixture.withServer { api in
            for owners in [["street:\(Demo.yongtai)", "street:\(Demo.yongtai)"], ["street:\(Demo.yongtai)", "dept:huanwei"]] {
                let filed = try await api.hotlineCase(in: "awaitingDispatch")
                let path = "/api/v1/cases/\(filed.number)/actions"
                let responses = try await Self.race(api, owners.map { owner in
                    (username: "dispatcher", path: path, body: DemoAPI.jsonText(["action": "dispatch", "owner": owner]))
                })
                let statuses = responses.map(\.status.code).sorted()
                #expect(statuses == [200, 409], "\(responses.map(\.text))")
                let loser = try #require(responses.first { $0.status == .conflict })
                #expect(loser.error == "wrong_state")
                #expect(loser["current"]?["state"]?.stringValue == "dispatched")
                #expect(loser["message"]?.stringValue?.contains("待处置") == true, "\(loser.text)")
                let winner = try #require(responses.first { $0.status == .ok })
                #expect(loser["current"]?["version"]?.intValue == winner["case"]?["version"]?.intValue)

                let kinds = try await api.eventKinds(filed.number)
                #expect(kinds.filter { $0 == "dispatched" }.count == 1)
                #expect(kinds == ["reported", "verified", "accepted", "dispatched"])
                #expect(try await api.caseView(filed.number)["owner"]?["code"]?.stringValue == winner["case"]?["owner"]?["code"]?.stringValue)
            }
        }
    }

    @Test("a stale expected_version is 409 version_conflict with the current version, and writes nothing")
    func staleVersion() async throws {
        try await DemoServerFixture.withServer { api in
            let filed = try await api.hotlineCase(in: "awaitingAcceptance")
            let read = try await api.version(filed.number)
            // Someone else acts after we read the case.
            try await api.step(filed.number, as: "dispatcher", "urge", ["note": "请尽快立案"])
            let stale = try await api.act(filed.number, as: "dutychief", "accept", ["expected_version": read])
            #expect(stale.status == .conflict)
            #expect(stale.error == "version_conflict")
            #expect(stale["current"]?["version"]?.intValue == read + 1)
            #expect(stale["current"]?["state"]?.stringValue == "awaitingAcceptance")
            #expect(try await api.version(filed.number) == read + 1)
            // With the version read afresh it goes through.
            let fresh = try await api.act(filed.number, as: "dutychief", "accept", ["expected_version": read + 1])
            #expect(fresh.status == .ok)
            #expect(fresh["case"]?["state"]?.stringValue == "awaitingDispatch")
        }
    }

    @Test("two different actions on the same version at once: one is applied, the other gets version_conflict")
    func sameVersionRace() async throws {
        try await DemoServerFixture.withServer { api in
            let filed = try await api.hotlineCase(in: "dispatched")
            let read = try await api.version(filed.number)
            let path = "/api/v1/cases/\(filed.number)/actions"
            let responses = try await Self.race(api, [
                (username: "dispatcher", path: path, body: DemoAPI.jsonText(["action": "urge", "expected_version": read])),
                (username: "supervisor", path: path, body: DemoAPI.jsonText(["action": "supervise", "level": 2, "order": "限期办结", "expected_version": read])),
            ])
            #expect(responses.map(\.status.code).sorted() == [200, 409], "\(responses.map(\.text))")
            #expect(responses.first { $0.status == .conflict }?.error == "version_conflict")
            #expect(try await api.version(filed.number) == read + 1)
        }
    }

    @Test("ten hotline calls filed at once get ten distinct, consecutive numbers")
    func concurrentFiling() async throws {
        try await DemoServerFixture.withServer { api in
            let body = DemoAPI.jsonText(try api.report())
            let responses = try await Self.race(api, Array(repeating: (username: "operator", path: "/api/v1/cases", body: body), count: 10))
            #expect(responses.allSatisfy { $0.status == .created })
            let numbers = responses.compactMap { $0["number"]?.stringValue }.sorted()
            #expect(numbers == (1...10).map { "PC20261130" + String(format: "%05d", $0) })
            var tickets: Set<String> = []
            for number in numbers { tickets.insert(try await api.ticket(of: number)) }
            #expect(tickets.count == 10)
        }
    }
}
