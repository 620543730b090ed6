import Foundation
import Hummingbird
import Testing
import Xiuhua

/// The console's contract desk over a real server: drafting from the shop page, signing
/// and renewing on the contract's page, and every refusal shown as the form again.
@Suite("Console contract forms")
struct ContractConsoleFormsTests {
    typealias Pages = ShopConsolePagesTests

    static let terms: [(String, String)] = [
        ("issuer_street", "永泰街道"), ("issuer_community", "永泰社区"), ("issuer_squad", "永泰街道城管执法中队"),
        ("area", "门前至路缘石，东西各至相邻店铺分界线"), ("length_metres", "12"), ("depth_metres", "5"),
        ("valid_from", "2026-12-01"), ("valid_until", "2027-11-30"),
    ]

    static func with(_ name: String, _ value: String) -> [(String, String)] {
        terms.map { $0.0 == name ? (name, value) : $0 }
    }

    static func contractCount(_ api: DemoAPI) async throws -> Int? {
        try await api.get("/api/v1/contracts", as: "admin")["total"]?.intValue
    }

    /// Drafts through the console form; returns the shop and the contract number.
    static func draft(_ api: DemoAPI, shop existing: String? = nil, as username: String = "yongtai") async throws -> (shop: String, number: String) {
        let shop = if let existing { existing } else { try await InspectionAPITests.shop(api) }
        let drafted = try await Pages.post(api, "/console/shops/\(shop)/contracts", as: username, terms)
        try #require(drafted.status == .seeOther, "\(drafted.text)")
        let location = try #require(drafted.location)
        #expect(location.hasSuffix("?done=drafted"))
        return (shop, String(location.dropFirst("/console/contracts/".count).prefix { $0 != "?" }))
    }

    @Test("a street officer drafts a contract from the shop page, signs it and renews it, all through the console")
    func draftSignRenew() async throws {
        try await DemoServerFixture.withServer { api in
            let shop = try await InspectionAPITests.shop(api)
            let shopPage = try await Pages.page(api, "/console/shops/\(shop)", as: "yongtai")
            #expect(shopPage.text.contains("href=\"/console/shops/\(shop)/contracts/new\""))
            let form = try await Pages.page(api, "/console/shops/\(shop)/contracts/new", as: "yongtai")
            #expect(form.status == .ok)
            #expect(form.text.contains("name=\"_csrf\""))
            #expect(form.text.contains("value=\"永泰街道城管执法中队\""), "the squad defaults to the shop's street's")
            for duty in ["包净化", "包绿化", "包亮化", "包美化", "包秩序"] { #expect(form.text.contains(duty), "\(duty)") }

            let drafted = try await Pages.post(api, "/console/shops/\(shop)/contracts", as: "yongtai", Self.terms)
            #expect(drafted.status == .seeOther, "\(drafted.text)")
            #expect(drafted.location == "/console/contracts/MQWB-2026-0001?done=drafted")
            let page = try await Pages.page(api, "/console/contracts/MQWB-2026-0001?done=drafted", as: "yongtai")
            #expect(page.text.contains("责任书草稿已保存"))
            #expect(page.text.contains("<dd id=\"contract-status\" class=\"status-unsigned\">未签订</dd>"))
            #expect(page.text.contains("id=\"sign-form\""))
            #expect(!page.text.contains("id=\"renew-form\""), "an unsigned contract offers no renewal")
            #expect(page.text.contains("href=\"/contracts/MQWB-2026-0001/print\""))
            let stored = try await api.get("/api/v1/contracts/MQWB-2026-0001", as: "admin")
            #expect(stored["contract"]?["area"]?.stringValue == "门前至路缘石，东西各至相邻店铺分界线")
            #expect(stored["contract"]?["length_metres"]?.numberValue == 12)

            let signed = try await Pages.post(api, "/console/contracts/MQWB-2026-0001/sign", as: "yongtai",
                                              [("signed_on", "2026-11-30"), ("issuer_signatory", "陈静"), ("shop_signatory", "张小明")])
            #expect(signed.status == .seeOther, "\(signed.text)")
            #expect(signed.location == "/console/contracts/MQWB-2026-0001?done=signed")
            let after = try await Pages.page(api, "/console/contracts/MQWB-2026-0001", as: "yongtai")
            #expect(after.text.contains("未生效"), "signed before valid_from: not yet valid")
            #expect(after.text.contains("2026-11-30 由 陈静（甲方）与 张小明（乙方）签订"))
            #expect(!after.text.contains("id=\"sign-form\""))
            #expect(after.text.contains("id=\"renew-form\""))
            #expect(try await api.get("/api/v1/contracts/MQWB-2026-0001", as: "admin")["status"]?.stringValue == "pending")

            let renewed = try await Pages.post(api, "/console/contracts/MQWB-2026-0001/renew", as: "yongtai", [("valid_until", "")])
            #expect(renewed.status == .seeOther, "\(renewed.text)")
            #expect(renewed.location == "/console/contracts/MQWB-2026-0002?done=renewed")
            let successor = try await api.get("/api/v1/contracts/MQWB-2026-0002", as: "admin")
            #expect(successor["contract"]?["valid_from"]?.stringValue == "2027-12-01")
            #expect(successor["contract"]?["renews"]?.stringValue == "MQWB-2026-0001")
            let old = try await Pages.page(api, "/console/contracts/MQWB-2026-0001", as: "yongtai")
            #expect(old.text.contains("id=\"successor\""))
            #expect(!old.text.contains("id=\"renew-form\""), "a renewed contract is renewed once")

            let again = try await Pages.post(api, "/console/contracts/MQWB-2026-0001/renew", as: "yongtai", [])
            #expect(again.status == .conflict)
            #expect(again.text.contains("该责任书已续签：MQWB-2026-0002"))
            #expect(try await Self.contractCount(api) == 2)

            let list = try await Pages.page(api, "/console/contracts", as: "supervisor")
            #expect(list.text.contains("href=\"/console/contracts/MQWB-2026-0002\""), "the list links to the contract page")
            let back = try await Pages.page(api, "/console/shops/\(shop)", as: "supervisor")
            #expect(back.text.contains("href=\"/console/contracts/MQWB-2026-0001\""), "the shop page links to its contracts")
            #expect(!back.text.contains("id=\"draft-contract\""), "a supervisor does not keep the registry")
        }
    }

    @Test("bad input shows the form again with the reason, in Chinese or English, and writes nothing")
    func badInput() async throws {
        try await DemoServerFixture.withServer { api in
            let shop = try await InspectionAPITests.shop(api)
            let path = "/console/shops/\(shop)/contracts"
            let cases: [([(String, String)], String)] = [
                (Self.with("valid_from", "2026-13-01"), "“有效期自”应为日期 YYYY-MM-DD：2026-13-01"),
                (Self.with("valid_until", "2026-11-30"), "有效期截止日应晚于起始日"),
                (Self.with("valid_until", "2032-12-01"), "有效期最长 5 年"),
                (Self.with("length_metres", "twelve"), "“门前长度（米）”应为数字：twelve"),
                (Self.with("depth_metres", "0"), "“进深（米）”应为 0–1000 米"),
                (Self.with("area", "  "), "请填写“责任区域”"),
                (Self.with("issuer_squad", String(repeating: "队", count: 201)), "“城管执法中队”过长"),
            ]
            for (fields, message) in cases {
                let refused = try await Pages.post(api, path, as: "yongtai", fields)
                #expect(refused.status == .badRequest, "\(message)")
                #expect(refused.text.contains("id=\"form-errors\""), "\(message)")
                #expect(refused.text.contains(message), "\(message): \(refused.text.prefix(0))")
                #expect(refused.text.contains("id=\"draft-form\""), "the form comes back")
            }
            let english = try await Pages.post(api, path + "?lang=en", as: "yongtai", Self.with("valid_from", "someday"))
            #expect(english.status == .badRequest)
            #expect(english.text.contains("“Valid from” must be a date YYYY-MM-DD: someday"))
            let kept = try await Pages.post(api, path, as: "yongtai", Self.with("valid_until", "2026-11-30"))
            #expect(kept.text.contains("门前至路缘石，东西各至相邻店铺分界线"), "what was typed is kept")
            #expect(try await Self.contractCount(api) == 0, "nothing half-written")

            let (_, number) = try await Self.draft(api, shop: shop)
            let sign = "/console/contracts/\(number)/sign"
            let future = try await Pages.post(api, sign, as: "yongtai", [("signed_on", "2026-12-24"), ("issuer_signatory", "陈静"), ("shop_signatory", "张小明")])
            #expect(future.status == .badRequest)
            #expect(future.text.contains("签订日期不能在将来"))
            let badDate = try await Pages.post(api, sign + "?lang=en", as: "yongtai", [("signed_on", "30/11/2026"), ("issuer_signatory", "陈静"), ("shop_signatory", "张小明")])
            #expect(badDate.status == .badRequest)
            #expect(badDate.text.contains("“Signed on” must be a date YYYY-MM-DD: 30/11/2026"))
            let nobody = try await Pages.post(api, sign, as: "yongtai", [("signed_on", "2026-11-30"), ("issuer_signatory", "陈静"), ("shop_signatory", " ")])
            #expect(nobody.status == .badRequest)
            #expect(nobody.text.contains("请填写“乙方签字人”"))
            #expect(nobody.text.contains("value=\"陈静\""), "what was typed is kept")
            let unsignedRenewal = try await Pages.post(api, "/console/contracts/\(number)/renew", as: "yongtai", [])
            #expect(unsignedRenewal.status == .conflict)
            #expect(unsignedRenewal.text.contains("责任书尚未签订，不能续签"))
            #expect(try await api.get("/api/v1/contracts/\(number)", as: "admin")["status"]?.stringValue == "unsigned")
            #expect(try await Self.contractCount(api) == 1)

            let signing = [("signed_on", "2026-11-30"), ("issuer_signatory", "陈静"), ("shop_signatory", "张小明")]
            #expect(try await Pages.post(api, sign, as: "yongtai", signing).status == .seeOther)
            let twice = try await Pages.post(api, sign + "?lang=en", as: "yongtai", signing)
            #expect(twice.status == .conflict)
            #expect(twice.text.contains("The contract is already signed"))
        }
    }

    @Test("two officers signing, then renewing, at the same moment from the console: one of each is recorded, the other refused")
    func concurrent() async throws {
        try await DemoServerFixture.withServer { api in
            let (_, number) = try await Self.draft(api)
            let signing = [("signed_on", "2026-11-30"), ("issuer_signatory", "陈静"), ("shop_signatory", "张小明")]
            async let a = Pages.post(api, "/console/contracts/\(number)/sign", as: "yongtai", signing)
            async let b = Pages.post(api, "/console/contracts/\(number)/sign", as: "admin", signing)
            let signed = try await [a, b].map(\.status).sorted { $0.code < $1.code }
            #expect(signed == [.seeOther, .conflict])
            async let c = Pages.post(api, "/console/contracts/\(number)/renew", as: "yongtai", [])
            async let d = Pages.post(api, "/console/contracts/\(number)/renew", as: "admin", [])
            let renewed = try await [c, d]
            #expect(renewed.map(\.status).sorted { $0.code < $1.code } == [.seeOther, .conflict])
            #expect(renewed.contains { $0.text.contains("该责任书已续签：MQWB-2026-0002") })
            #expect(try await Self.contractCount(api) == 2)
        }
    }

    @Test("the wrong role, another street, a missing CSRF token or no session are refused with a page, never a 500")
    func refusals() async throws {
        try await DemoServerFixture.withServer { api in
            let (shop, number) = try await Self.draft(api)
            let form = try await Pages.page(api, "/console/shops/\(shop)/contracts/new", as: "gridworker")
            #expect(form.status == .forbidden)
            #expect(form.contentType?.hasPrefix("text/html") == true)
            let byGridWorker = try await Pages.post(api, "/console/shops/\(shop)/contracts", as: "gridworker", Self.terms)
            #expect(byGridWorker.status == .forbidden)
            #expect(byGridWorker.contentType?.hasPrefix("text/html") == true)
            let signing = [("signed_on", "2026-11-30"), ("issuer_signatory", "陈静"), ("shop_signatory", "张小明")]
            #expect(try await Pages.post(api, "/console/contracts/\(number)/sign", as: "supervisor", signing).status == .forbidden)
            #expect(try await Pages.post(api, "/console/contracts/\(number)/sign", as: "yongtai", token: String(repeating: "d", count: 64), signing).status == .forbidden)
            let noToken = try await Pages.post(api, "/console/shops/\(shop)/contracts", as: "yongtai", token: "", Self.terms)
            #expect(noToken.status == .forbidden)
            #expect(try await Self.contractCount(api) == 1)
            #expect(try await api.get("/api/v1/contracts/\(number)", as: "admin")["status"]?.stringValue == "unsigned")
            #expect(try await Pages.page(api, "/console/contracts/\(number)", as: nil).status == .found)
            #expect(try await Pages.page(api, "/console/contracts/MQWB-1999-0001", as: "admin").status == .notFound)
            let supervisorView = try await Pages.page(api, "/console/contracts/\(number)", as: "supervisor")
            #expect(supervisorView.status == .ok)
            #expect(!supervisorView.text.contains("id=\"sign-form\""), "a reader is not offered the forms")

            let elsewhere = try await api.post("/api/v1/shops", as: "admin", try ShopAPITests.body(api, name: "文瀛湖小卖部", code: "92140213MA0K3XH02G", grid: Demo.wenyinghuGrid))
            let other = try #require(elsewhere["id"]?.stringValue)
            let outOfScope = try await Pages.post(api, "/console/shops/\(other)/contracts", as: "yongtai", Self.terms)
            #expect(outOfScope.status == .forbidden)
            #expect(outOfScope.contentType?.hasPrefix("text/html") == true)
            #expect(try await Self.contractCount(api) == 1)
        }
    }
}
