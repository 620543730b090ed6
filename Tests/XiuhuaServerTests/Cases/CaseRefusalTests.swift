import Foundation
import Testing
import Xiuhua

/// Wrong state and bad input: every refusal is a 4xx with a JSON body naming the problem,
/// and none of them writes anything.
@Suite("Case refusals")
struct CaseRefusalTests {
    @Test("closing before the check is 409 with error, message and the current state; nothing is written")
    func closeBeforeCheck() async throws {
        try await DemoServerFixture.withServer { api in
            let filed = try await api.hotlineCase(in: "handled")
            let before = try await api.version(filed.number)
            let response = try await api.act(filed.number, as: "dutychief", "close")
            #expect(response.status == .conflict)
            #expect(response.contentType?.hasPrefix("application/json") == true)
            let body = try #require(response.json?.objectValue)
            #expect(Set(body.keys) == ["error", "message", "current"])
            #expect(response.error == "wrong_state")
            #expect(response["message"]?.stringValue?.isEmpty == false)
            #expect(response["current"]?["state"]?.stringValue == "handled")
            #expect(response["current"]?["version"]?.intValue == before)
            #expect(response["current"]?["state_label"]?.stringValue?.isEmpty == false)
            #expect(try await api.version(filed.number) == before)
        }
    }

    @Test("bad action requests are 400 naming the problem, and write nothing")
    func badActions() async throws {
        try await DemoServerFixture.withServer { api in
            let reported = try await api.file()
            let waiting = try await api.hotlineCase(in: "awaitingDispatch")
            let cases: [(number: String, username: String, body: String, error: String)] = [
                (reported.number, "dutychief", #"{"action":"approve"}"#, "unknown_action"),
                (reported.number, "dutychief", #"{"action":"reject"}"#, "missing_field"),
                (reported.number, "dutychief", #"{"action":"reject","reason":"   "}"#, "missing_field"),
                (reported.number, "gridworker", #"{"action":"verify"}"#, "missing_field"),
                (waiting.number, "dispatcher", #"{"action":"dispatch","owner":"dept:nosuch"}"#, "unknown_owner"),
                (waiting.number, "dispatcher", #"{"action":"dispatch","owner":"street:140213999"}"#, "unknown_owner"),
                (waiting.number, "dispatcher", #"{"action":"dispatch","owner":"huanwei"}"#, "invalid_owner"),
                (waiting.number, "dispatcher", #"{"action":"dispatch"}"#, "missing_field"),
                (waiting.number, "supervisor", #"{"action":"supervise","level":7,"order":"限期"}"#, "invalid_level"),
            ]
            let versions = [reported.number: try await api.version(reported.number), waiting.number: try await api.version(waiting.number)]
            for (number, username, body, error) in cases {
                let response = try await api.send(.post, "/api/v1/cases/\(number)/actions", as: username, body: body)
                #expect(response.status == .badRequest, "\(body): \(response.text)")
                #expect(response.error == error, "\(body): \(response.text)")
                #expect(response["message"]?.stringValue?.isEmpty == false)
            }
            for (number, version) in versions {
                #expect(try await api.version(number) == version, "\(number) changed")
            }
        }
    }

    @Test("malformed JSON is 400 with a JSON error body, on filing, acting, rating and signing in")
    func malformedJSON() async throws {
        try await DemoServerFixture.withServer { api in
            let filed = try await api.file()
            let before = try await api.version(filed.number)
            let routes = [
                "/api/v1/cases", "/api/v1/cases/\(filed.number)/actions", "/api/v1/tickets/\(filed.ticket)/rating", "/api/v1/sessions",
            ]
            for path in routes {
                for body in [#"{"action": "verify", "real": tru"#, "not json at all", "[1, 2, 3]"] {
                    let response = try await api.send(.post, path, as: "gridworker", body: body)
                    #expect(response.status == .badRequest, "\(path) with \(body): \(response.text)")
                    #expect(response.contentType?.hasPrefix("application/json") == true)
                    #expect(response.error?.isEmpty == false, "\(path): \(response.text)")
                    #expect(response["message"]?.stringValue?.isEmpty == false, "\(path): \(response.text)")
                }
            }
            #expect(try await api.version(filed.number) == before)
            #expect(try await api.listed("").count == 1)
        }
    }

    @Test("an unreadable or incomplete body is answered as invalid_body with a message that names the field")
    func unreadableBodyNamesTheProblem() async throws {
        try await DemoServerFixture.withServer { api in
            let filed = try await api.file()
            let broken = try await api.send(.post, "/api/v1/cases/\(filed.number)/actions", as: "gridworker", body: #"{"action": "verify", "real": tru"#)
            #expect(broken.status == .badRequest)
            #expect(broken.error == "invalid_body", "\(broken.text)")
            // A filing without its category must say which field is missing.
            let incomplete = try await api.post("/api/v1/cases", as: "operator", ["source": "hotline", "description": "垃圾"])
            #expect(incomplete.status == .badRequest)
            #expect(incomplete.error == "invalid_body", "\(incomplete.text)")
            #expect(incomplete["message"]?.stringValue?.contains("category") == true, "\(incomplete.text)")
        }
    }

    @Test("bad filings are 400 naming the problem — outside the district, unknown category, unknown source, bad phone, empty description — and draw no case number")
    func badFilings() async throws {
        try await DemoServerFixture.withServer { api in
            let first = try await api.file()
            var outside = try api.report()
            outside["lat"] = 39.90
            outside["lon"] = 116.40
            var category = try api.report()
            category["category"] = "99999"
            var source = try api.report()
            source["source"] = "fax"
            var phone = try api.report()
            phone["reporter_phone"] = "call me"
            var blank = try api.report()
            blank["description"] = "   "
            var latitude = try api.report()
            latitude["lat"] = 91.0
            for (body, error) in [(outside, "outside_district"), (category, "unknown_category"), (source, "invalid_source"),
                                  (phone, "invalid_phone"), (blank, "missing_field"), (latitude, "invalid_lat")] {
                let response = try await api.post("/api/v1/cases", as: "operator", body)
                #expect(response.status == .badRequest, "\(error): \(response.text)")
                #expect(response.error == error, "\(response.text)")
            }
            // The workflow refuses an operator filing a web report inside the transaction
            // that draws the number; the number goes back with it.
            let refusedInside = try await api.post("/api/v1/cases", as: "operator", try api.report(source: "web"))
            #expect(refusedInside.status == .forbidden)
            #expect(refusedInside.error == "forbidden_role")
            // Nothing was half-written: the next case takes the very next number.
            let second = try await api.file()
            #expect(second.number.prefix(10) == first.number.prefix(10))
            #expect(Int(second.number.suffix(5)) == Int(first.number.suffix(5))! + 1)
            #expect(try await api.listed("").count == 2)
        }
    }

    @Test("an unknown case number is 404 for reading and acting; an unknown route is 404 in the API's JSON shape")
    func unknownCase() async throws {
        try await DemoServerFixture.withServer { api in
            let read = try await api.get("/api/v1/cases/PC2026113099999", as: "dispatcher")
            #expect(read.status == .notFound)
            #expect(read.error == "case_not_found")
            let act = try await api.act("PC2026113099999", as: "dispatcher", "urge")
            #expect(act.status == .notFound)
            #expect(act.error == "case_not_found")
            let route = try await api.get("/api/v1/casez", as: "dispatcher")
            #expect(route.status == .notFound)
            #expect(route.error == "not_found")
        }
    }

    @Test("bad list filters are 400 naming the parameter: status=bogus, light=blue, page=0, page_size=1000 and the like")
    func badListFilters() async throws {
        let filters = [
            ("status=bogus", "invalid_status"),
            ("status=reported,bogus", "invalid_status"),
            ("light=blue", "invalid_light"),
            ("page=0", "invalid_page"),
            ("page=-3", "invalid_page"),
            ("page=x", "invalid_page"),
            ("page_size=1000", "invalid_page_size"),
            ("page_size=0", "invalid_page_size"),
            ("overdue=maybe", "invalid_overdue"),
            ("source=fax", "invalid_source"),
            ("from=yesterday", "invalid_date"),
        ]
        try await DemoServerFixture.withServer { api in
            for (query, error) in filters {
                let response = try await api.get("/api/v1/cases?\(query)", as: "dispatcher")
                #expect(response.status == .badRequest, "\(query): \(response.text)")
                #expect(response.error == error, "\(query): \(response.text)")
                #expect(response["message"]?.stringValue?.isEmpty == false)
            }
        }
    }
}
