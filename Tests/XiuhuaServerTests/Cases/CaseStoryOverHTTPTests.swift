import Foundation
import Testing
import Xiuhua
import XiuhuaGeo

/// The article's story, end to end over HTTP: weeds and rubbish in the yard of the former
/// armed-police guesthouse on 红旗街 (永泰街道, 红旗里社区), from the citizen's call to
/// the citizen's rating.
@Suite("The guesthouse-yard story over HTTP")
struct CaseStoryOverHTTPTests {
    static let reporterName = "刘秀英"
    static let reporterPhone = "13812345678"
    static let handlingNote = "已组织人员清除杂草、清运垃圾三车"
    static let checkNote = "现场复核，院内已整洁"

    @Test("a hotline call about the guesthouse yard is filed, verified, accepted, dispatched to the street, handled, checked, closed and rated, and the citizen's view shows no internals")
    func guesthouseYard() async throws {
        try await DemoServerFixture.withServer { api in
            // Everyone in the story signs in as they would.
            var tokens: [String: String] = [:]
            for username in ["operator", "gridworker", "dutychief", "dispatcher", "yongtai"] {
                tokens[username] = try await api.login(username)
            }
            func act(_ number: String, _ username: String, _ action: String, _ fields: [String: Any] = [:]) async throws -> JSONValue {
                var body = fields
                body["action"] = action
                let response = try await api.send(
                    .post, "/api/v1/cases/\(number)/actions", token: tokens[username], body: DemoAPI.jsonText(body)
                )
                try #require(response.status == .ok, "\(action) by \(username): \(response.status) \(response.text)")
                return try #require(response.json)
            }

            // The operator finds a point in 红旗里社区 on the grid map.
            let map = try await api.get("/api/v1/regions?level=grid&parent=\(Demo.hongqili)&format=geojson")
            #expect(map.status == .ok)
            let cells = try #require(map["features"]?.arrayValue)
            #expect(cells.count == 90)
            let cell = try #require(cells.first)
            let cellCode = try #require(cell["properties"]?["code"]?.stringValue)
            let ring = try #require(cell["geometry"]?["coordinates"]?.arrayValue?.first?.arrayValue)
            let corners = ring.dropLast().compactMap { $0.arrayValue?.compactMap(\.numberValue) }
            let lon = corners.map { $0[0] }.reduce(0, +) / Double(corners.count)
            let lat = corners.map { $0[1] }.reduce(0, +) / Double(corners.count)
            let located = try await api.get("/api/v1/locate?lat=\(lat)&lon=\(lon)")
            #expect(located["grid"]?["code"]?.stringValue == cellCode)

            // The operator files the call.
            let filing = try await api.send(.post, "/api/v1/cases", token: tokens["operator"], body: DemoAPI.jsonText([
                "source": "hotline", "category": "06010",
                "description": "红旗街原武警招待所院内杂草丛生，堆满生活垃圾",
                "address": "红旗街原武警招待所院内",
                "lat": lat, "lon": lon,
                "reporter_name": Self.reporterName, "reporter_phone": Self.reporterPhone,
            ]))
            #expect(filing.status == .created)
            let number = try #require(filing["number"]?.stringValue)
            #expect(filing["ticket_code"] == nil, "staff filing for a caller never receive the citizen's ticket code")
            #expect(filing["case"]?["ticket_code"] == nil)
            let ticket = try await api.ticket(of: number)
            #expect(number.hasPrefix("PC20261130"))
            #expect(number.count == 15 && number.suffix(5).allSatisfy(\.isASCII) && number.suffix(5).allSatisfy(\.isNumber))
            #expect(ticket.count == 10)
            #expect(filing["status"]?.stringValue == "受理中")
            let filed = try #require(filing["case"])
            #expect(filed["state"]?.stringValue == "reported")
            #expect(filed["source"]?.stringValue == "hotline")
            #expect(filed["category"]?["code"]?.stringValue == "06010")
            #expect(filed["location"]?["grid"]?["code"]?.stringValue == cellCode)
            #expect(filed["location"]?["community"]?["name"]?.stringValue == "红旗里社区")
            #expect(filed["location"]?["street"]?["name"]?.stringValue == "永泰街道")
            #expect(filed["stage"]?["stage"]?.stringValue == "verify")

            api.clock.advance(minutes: 40)
            let verified = try await act(number, "gridworker", "verify", ["real": true, "note": "到场核实，情况属实"])
            #expect(verified["events"]?.arrayValue?.compactMap(\.stringValue) == ["verified"])
            #expect(verified["case"]?["state"]?.stringValue == "awaitingAcceptance")

            api.clock.advance(minutes: 10)
            let accepted = try await act(number, "dutychief", "accept")
            #expect(accepted["case"]?["state"]?.stringValue == "awaitingDispatch")
            #expect(accepted["case"]?["accepted_at"]?.stringValue != nil)

            api.clock.advance(minutes: 10)
            let dispatched = try await act(number, "dispatcher", "dispatch", ["owner": "street:\(Demo.yongtai)"])
            #expect(dispatched["case"]?["state"]?.stringValue == "dispatched")
            #expect(dispatched["case"]?["owner"]?["kind"]?.stringValue == "street")
            #expect(dispatched["case"]?["owner"]?["code"]?.stringValue == Demo.yongtai)
            #expect(dispatched["case"]?["owner"]?["name"]?.stringValue == "永泰街道")
            #expect(dispatched["case"]?["stage"]?["stage"]?.stringValue == "disposal")
            #expect(dispatched["case"]?["dispatch_count"]?.intValue == 1)

            api.clock.advance(minutes: 120)
            let handled = try await act(number, "yongtai", "handle", [
                "note": Self.handlingNote, "photos": ["yard/before.jpg", "yard/after.jpg"],
            ])
            #expect(handled["case"]?["state"]?.stringValue == "handled")
            let handledEvent = try #require(handled["case"]?["events"]?.arrayValue?.last)
            #expect(handledEvent["kind"]?.stringValue == "handled")
            #expect(handledEvent["note"]?.stringValue == Self.handlingNote)
            #expect(handledEvent["attachments"]?.arrayValue?.compactMap(\.stringValue) == ["yard/before.jpg", "yard/after.jpg"])

            api.clock.advance(minutes: 30)
            let checked = try await act(number, "gridworker", "check", ["passed": true, "note": Self.checkNote])
            #expect(checked["case"]?["state"]?.stringValue == "checkPassed")

            api.clock.advance(minutes: 10)
            let closed = try await act(number, "dutychief", "close")
            #expect(closed["case"]?["state"]?.stringValue == "closed")
            #expect(closed["case"]?["closed_at"]?.stringValue != nil)

            let beforeRating = try await api.get("/api/v1/tickets/\(ticket)")
            #expect(beforeRating.status == .ok)
            #expect(beforeRating["status"]?.stringValue == "已办结，待评价")
            #expect(beforeRating["can_rate"]?.boolValue == true)

            // The citizen rates with the ticket code alone, no account.
            let rating = try await api.post("/api/v1/tickets/\(ticket)/rating", ["satisfaction": "satisfied"])
            #expect(rating.status == .ok)
            #expect(rating["status"]?.stringValue == "已办结")
            #expect(rating["can_rate"]?.boolValue == false)

            let final = try await api.caseView(number, as: "dispatcher")
            #expect(final["state"]?.stringValue == "rated")
            #expect(final["rating"]?.stringValue == "satisfied")
            #expect(final["events"]?.arrayValue?.compactMap { $0["kind"]?.stringValue } == [
                "reported", "verified", "accepted", "dispatched", "handled", "checked", "closed", "rated",
            ])

            // The citizen's view: progress in plain words, nothing internal.
            let view = try await api.get("/api/v1/tickets/\(ticket)")
            #expect(view.status == .ok)
            #expect(view["number"]?.stringValue == number)
            #expect(view["timeline"]?.arrayValue?.compactMap { $0["message"]?.stringValue } == [
                "您的反映已收到", "网格员已到现场核实", "已立案", "已派遣至责任单位处置",
                "责任单位已处置完毕，等待现场核查", "已办结，请您评价", "感谢您的评价",
            ])
            for step in view["timeline"]?.arrayValue ?? [] {
                #expect(step.objectValue.map { Set($0.keys) } == ["at", "message"])
            }
            for entry in DemoAccounts.entries {
                let person = String(entry.name.prefix { $0 != "（" })
                #expect(!view.text.contains(person), "ticket shows staff name \(person)")
            }
            for secret in [Self.reporterName, Self.reporterPhone, "138****5678", Self.handlingNote, Self.checkNote, "情况属实", "yard/"] {
                #expect(!view.text.contains(secret), "ticket shows \(secret)")
            }
            for key in ["\"note\"", "\"reporter", "\"actor", "\"photos\"", "\"attachments\""] {
                #expect(!view.text.contains(key), "ticket has a field \(key)")
            }

            // Staff who do not need the reporter see the phone masked; the operator sees it.
            let street = try await api.caseView(number, as: "yongtai")
            #expect(street["reporter"]?["phone"]?.stringValue == "138****5678")
            #expect(street["reporter"]?["masked"]?.boolValue == true)
            #expect(street["reporter"]?["name"]?.stringValue != Self.reporterName)
            #expect(!street.jsonText.contains(Self.reporterPhone))
            let operatorView = try await api.caseView(number, as: "operator")
            #expect(operatorView["reporter"]?["phone"]?.stringValue == Self.reporterPhone)
            #expect(operatorView["reporter"]?["name"]?.stringValue == Self.reporterName)
            #expect(operatorView["reporter"]?["masked"]?.boolValue == false)
        }
    }
}
