import Foundation
import Hummingbird
import Testing
import Xiuhua

/// 门前五包 contracts over a real server: drafting, signing, the expiry reminder list,
/// renewal and the printable page.
@Suite("Contract API")
struct ContractAPITests {
    static var terms: [String: Any] { [
        "area": "门前至路缘石，东西各至相邻店铺分界线", "length_metres": 12, "depth_metres": 5,
        "valid_from": "2026-12-01", "valid_until": "2027-11-30",
    ] }

    static func draft(_ api: DemoAPI) async throws -> (shop: String, number: String) {
        let shop = try await InspectionAPITests.shop(api)
        let drafted = try await api.post("/api/v1/shops/\(shop)/contracts", as: "yongtai", terms)
        try #require(drafted.status == .created, "\(drafted.text)")
        return (shop, try #require(drafted["contract"]?["number"]?.stringValue))
    }

    static var signing: [String: Any] { ["signed_on": "2026-11-30", "issuer_signatory": "陈静", "shop_signatory": "张小明"] }

    @Test("a contract is drafted with numbers in sequence, signed once, then listed as expiring in its last 30 days")
    func lifecycle() async throws {
        try await DemoServerFixture.with { fixture in
            try await fixture.serve { api in
                let (shop, number) = try await Self.draft(api)
                #expect(number == "MQWB-2026-0001")
                let shown = try await api.get("/api/v1/contracts/\(number)", as: "supervisor")
                #expect(shown["status"]?.stringValue == "unsigned")
                #expect(shown["contract"]?["issuer"]?["street"]?.stringValue == "永泰街道")
                #expect(shown["contract"]?["duties"]?.arrayValue?.count == 5)
                let second = try await api.post("/api/v1/shops/\(shop)/contracts", as: "admin", Self.terms)
                #expect(second["contract"]?["number"]?.stringValue == "MQWB-2026-0002")

                let signed = try await api.post("/api/v1/contracts/\(number)/sign", as: "yongtai", Self.signing)
                #expect(signed.status == .ok, "\(signed.text)")
                #expect(signed["status"]?.stringValue == "pending")
                let twice = try await api.post("/api/v1/contracts/\(number)/sign", as: "yongtai", Self.signing)
                #expect(twice.status == .conflict)
                #expect(twice.error == "already_signed")

                #expect(try await api.get("/api/v1/contracts?status=expiring", as: "admin")["items"]?.arrayValue?.count == 0)
                fixture.clock.set("2027-11-05T09:00:00+08:00")
                let expiring = try await api.get("/api/v1/contracts?status=expiring", as: "admin")
                #expect(expiring["items"]?.arrayValue?.compactMap { $0["contract"]?["number"]?.stringValue } == [number])
                fixture.clock.set("2027-12-01T09:00:00+08:00")
                #expect(try await api.get("/api/v1/contracts/\(number)", as: "admin")["status"]?.stringValue == "expired")
            }
        }
    }

    @Test("renewal drafts the next period from the day after; an unsigned or already renewed contract is refused")
    func renewal() async throws {
        try await DemoServerFixture.withServer { api in
            let (_, number) = try await Self.draft(api)
            let unsigned = try await api.post("/api/v1/contracts/\(number)/renew", as: "admin", [:])
            #expect(unsigned.error == "wrong_state")
            _ = try await api.post("/api/v1/contracts/\(number)/sign", as: "admin", Self.signing)
            let renewed = try await api.post("/api/v1/contracts/\(number)/renew", as: "admin", [:])
            #expect(renewed.status == .created, "\(renewed.text)")
            #expect(renewed["contract"]?["valid_from"]?.stringValue == "2027-12-01")
            #expect(renewed["contract"]?["valid_until"]?.stringValue == "2028-11-29")
            #expect(renewed["contract"]?["renews"]?.stringValue == number)
            #expect(renewed["status"]?.stringValue == "unsigned")
            #expect(try await api.post("/api/v1/contracts/\(number)/renew", as: "admin", [:]).error == "already_renewed")
        }
    }

    @Test("bad terms and dates are 400s, wrong roles 403, unknown numbers 404; nothing is drafted")
    func refused() async throws {
        try await DemoServerFixture.withServer { api in
            let shop = try await InspectionAPITests.shop(api)
            let path = "/api/v1/shops/\(shop)/contracts"
            func with(_ key: String, _ value: Any) -> [String: Any] { Self.terms.merging([key: value]) { $1 } }
            #expect(try await api.post(path, as: "yongtai", with("valid_until", "2026-11-01")).error == "invalid_period")
            #expect(try await api.post(path, as: "yongtai", with("valid_until", "2026-13-01")).error == "invalid_valid_until")
            #expect(try await api.post(path, as: "yongtai", with("area", " ")).error == "missing_field")
            #expect(try await api.post(path, as: "yongtai", with("depth_metres", -1)).error == "invalid_measure")
            #expect(try await api.post(path, as: "supervisor", Self.terms).error == "forbidden_role")
            #expect(try await api.post("/api/v1/shops/SH0/contracts", as: "admin", Self.terms).error == "shop_not_found")
            #expect(try await api.get("/api/v1/contracts", as: "admin")["items"]?.arrayValue?.count == 0)
            #expect(try await api.get("/api/v1/contracts?status=soon", as: "admin").error == "invalid_status")
            #expect(try await api.get("/api/v1/contracts/MQWB-1999-0001", as: "admin").error == "contract_not_found")
            let number = try #require(try await api.post(path, as: "admin", Self.terms)["contract"]?["number"]?.stringValue)
            #expect(try await api.post("/api/v1/contracts/\(number)/sign", as: "admin", Self.signing.merging(["signed_on": "2026-12-25"]) { $1 }).error == "invalid_signed_on")
            #expect(try await api.post("/api/v1/contracts/\(number)/sign", as: "gridworker", Self.signing).status == .forbidden)
            #expect(try await api.send(.delete, "/api/v1/shops/\(shop)", as: "admin").error == "shop_has_records")
        }
    }

    @Test("the printable page is an A4 document with the parties, the five duties and the signature lines; staff only")
    func printable() async throws {
        try await DemoServerFixture.withServer { api in
            let (_, number) = try await Self.draft(api)
            let page = try await api.get("/contracts/\(number)/print", as: "supervisor")
            #expect(page.status == .ok)
            #expect(page.contentType?.hasPrefix("text/html") == true)
            #expect(page.text.contains("<link rel=\"stylesheet\" href=\"/print/a4.css\">"))
            #expect(page.text.contains("门前五包责任书"))
            #expect(page.text.contains(number))
            for duty in ["包净化", "包绿化", "包亮化", "包美化", "包秩序"] { #expect(page.text.contains(duty)) }
            #expect(page.text.contains("张*明"), "a supervisor sees the keeper masked")
            #expect(!page.text.contains("13812341234"))
            #expect(page.text.contains("2026-12-01 至 2027-11-30"))
            let english = try await api.get("/contracts/\(number)/print?lang=en", as: "yongtai")
            #expect(english.text.contains("Shopfront five-duty contract"))
            #expect(english.text.contains("张小明"), "the street officer sees the keeper's name")

            let css = try await api.get("/print/a4.css")
            #expect(css.text.contains("@page { size: A4"))
            #expect(css.text.contains("@media print"))
            let anonymous = try await api.get("/contracts/\(number)/print")
            #expect(anonymous.status == .seeOther)
            #expect(try await api.get("/contracts/MQWB-1999-0001/print", as: "admin").status == .notFound)
            #expect(try await api.get("/contracts/\(number)/print", as: "api12345").status == .forbidden)
        }
    }

    @Test("two renewals of one contract at once: one 201, one 409 already_renewed")
    func concurrentRenewal() async throws {
        try await DemoServerFixture.withServer { api in
            let (_, number) = try await Self.draft(api)
            _ = try await api.post("/api/v1/contracts/\(number)/sign", as: "admin", Self.signing)
            let responses = try await CaseConcurrencyTests.race(api, [
                (username: "admin", path: "/api/v1/contracts/\(number)/renew", body: "{}"),
                (username: "yongtai", path: "/api/v1/contracts/\(number)/renew", body: "{}"),
            ])
            #expect(responses.map(\.status.code).sorted() == [201, 409], "\(responses.map(\.text))")
            #expect(responses.contains { $0.error == "already_renewed" })
            let renewals = try await api.get("/api/v1/contracts", as: "admin")["items"]?.arrayValue?.filter { $0["contract"]?["renews"]?.stringValue == number }
            #expect(renewals?.count == 1)
        }
    }
}
