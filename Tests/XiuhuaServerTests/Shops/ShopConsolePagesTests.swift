import Foundation
import HTTPTypes
import Hummingbird
import Testing
import Xiuhua
import XiuhuaGeo

/// The console's shop pages over a real server, signed in with the session cookie and
/// posting forms with the CSRF token, as a browser without scripts does.
/// A page as the browser gets it.
struct PageResponse: Sendable {
    let status: HTTPResponse.Status
    let contentType: String?
    let text: String
    let location: String?
}

@Suite("Console shop pages")
struct ShopConsolePagesTests {
    /// Any 64 hex digits are a valid token when the cookie and the field agree.
    static let csrf = String(repeating: "c", count: 64)

    static func page(_ api: DemoAPI, _ path: String, as username: String?) async throws -> PageResponse {
        var headers: HTTPFields = [:]
        if let username { headers[.cookie] = "xiuhua_session=\(Demo.token(for: username))" }
        let (head, body) = try await api.transport(.get, path, headers, nil)
        return PageResponse(status: head.status, contentType: head.headerFields[.contentType], text: String(buffer: body), location: head.headerFields[.location])
    }

    static func post(_ api: DemoAPI, _ path: String, as username: String, token: String = csrf, _ fields: [(String, String)]) async throws -> PageResponse {
        let headers: HTTPFields = [
            .contentType: "application/x-www-form-urlencoded",
            .cookie: "xiuhua_csrf=\(csrf); xiuhua_session=\(Demo.token(for: username))",
        ]
        let body = ([("_csrf", token)] + fields).map { "\($0.0)=\(encoded($0.1))" }.joined(separator: "&")
        let (head, buffer) = try await api.transport(.post, path, headers, ByteBuffer(string: body))
        return PageResponse(status: head.status, contentType: head.headerFields[.contentType], text: String(buffer: buffer), location: head.headerFields[.location])
    }

    static func shopFields(_ api: DemoAPI, name: String = "永泰便利店", code: String = "91140213MA0K3XH01G") throws -> [(String, String)] {
        let point = try api.point(inGrid: Demo.hongqiliGrid)
        return [
            ("name", name), ("credit_code", code), ("licence", "JY11402130001"), ("owner_name", "张小明"), ("phone", "13812341234"),
            ("address", "永泰南路 12 号"), ("lat", String(point.lat)), ("lon", String(point.lon)),
        ]
    }

    static func shopCount(_ api: DemoAPI) async throws -> Int? {
        try await api.get("/api/v1/shops", as: "admin")["total"]?.intValue
    }

    @Test("anonymous visitors are sent to sign in; a role that may not read shops gets 403")
    func access() async throws {
        try await DemoServerFixture.withServer { api in
            let anonymous = try await Self.page(api, "/console/shops", as: nil)
            #expect(anonymous.status == .found)
            #expect(anonymous.location?.hasPrefix("/console/login?next=") == true)
            let system = try await Self.page(api, "/console/shops", as: "api12345")
            #expect(system.status == .forbidden)
            #expect(system.contentType?.hasPrefix("text/html") == true)
            let reader = try await Self.page(api, "/console/shops", as: "supervisor")
            #expect(reader.status == .ok)
            #expect(reader.text.contains("没有符合条件的商户"))
            #expect(reader.text.contains("href=\"/console/shops\" aria-current=\"page\""), "the console navigation has the entry")
        }
    }

    @Test("a street officer registers a shop with the form; the page shows it with the full contact")
    func register() async throws {
        try await DemoServerFixture.withServer { api in
            let form = try await Self.page(api, "/console/shops/new", as: "yongtai")
            #expect(form.status == .ok)
            #expect(form.text.contains("name=\"_csrf\""))
            let created = try await Self.post(api, "/console/shops", as: "yongtai", try Self.shopFields(api))
            #expect(created.status == .seeOther, "\(created.text)")
            let location = try #require(created.location)
            #expect(location.hasPrefix("/console/shops/SH"))
            let shown = try await Self.page(api, location, as: "yongtai")
            #expect(shown.status == .ok)
            #expect(shown.text.contains("商户已登记"))
            #expect(shown.text.contains("永泰便利店"))
            #expect(shown.text.contains("13812341234"))
            #expect(shown.text.contains("永泰街道"))
            #expect(try await Self.shopCount(api) == 1)
            let listed = try await Self.page(api, "/console/shops?q=\(encoded("便利"))", as: "yongtai")
            #expect(listed.text.contains("href=\"\(location.prefix { $0 != "?" })\""))
            #expect(listed.text.contains("共 1 家"))
            let missed = try await Self.page(api, "/console/shops?q=\(encoded("没有这家"))", as: "yongtai")
            #expect(missed.text.contains("没有符合条件的商户"))
        }
    }

    @Test("a supervisor sees the contact masked and no register button; its form post is refused and writes nothing")
    func readOnlyRoles() async throws {
        try await DemoServerFixture.withServer { api in
            let id = try await InspectionAPITests.shop(api)
            let shown = try await Self.page(api, "/console/shops/\(id)", as: "supervisor")
            #expect(shown.status == .ok)
            #expect(shown.text.contains("张*明"))
            #expect(shown.text.contains("138****1234"))
            #expect(!shown.text.contains("13812341234"))
            let list = try await Self.page(api, "/console/shops", as: "supervisor")
            #expect(!list.text.contains("id=\"register-shop\""))
            #expect(try await Self.page(api, "/console/shops/new", as: "supervisor").status == .forbidden)
            let refused = try await Self.post(api, "/console/shops", as: "gridworker", try Self.shopFields(api, code: "92140213MA0K3XH02G"))
            #expect(refused.status == .forbidden)
            #expect(try await Self.shopCount(api) == 1)
        }
    }

    @Test("bad input shows the form again with each mistake and what was typed, and writes nothing")
    func badInput() async throws {
        try await DemoServerFixture.withServer { api in
            var fields = try Self.shopFields(api, name: "", code: "12345")
            fields = fields.map { $0.0 == "lat" ? ("lat", "north") : $0 }
            let refused = try await Self.post(api, "/console/shops", as: "admin", fields)
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("缺少名称"))
            #expect(refused.text.contains("统一社会信用代码应为 18 位，实为 5 位"))
            #expect(refused.text.contains("lat 应为数字"))
            #expect(refused.text.contains("value=\"13812341234\""), "what was typed is kept")
            #expect(try await Self.shopCount(api) == 0)

            let outside = try await Self.post(api, "/console/shops", as: "yongtai", try Self.shopFields(api).map {
                $0.0 == "lat" ? ("lat", "10.5") : $0
            })
            #expect(outside.status == .badRequest)
            #expect(outside.text.contains("位置不在辖区内"))

            #expect(try await Self.post(api, "/console/shops", as: "admin", try Self.shopFields(api)).status == .seeOther)
            let taken = try await Self.post(api, "/console/shops", as: "admin", try Self.shopFields(api, name: "另一家"))
            #expect(taken.status == .conflict)
            #expect(taken.text.contains("该统一社会信用代码已登记"))
            let forged = try await Self.post(api, "/console/shops", as: "admin", token: String(repeating: "d", count: 64), try Self.shopFields(api, code: "92140213MA0K3XH02G"))
            #expect(forged.status == .forbidden)
            #expect(try await Self.shopCount(api) == 1)
        }
    }

    @Test("a street officer sees only its streets' shops; another street's shop page is refused")
    func streetScope() async throws {
        try await DemoServerFixture.withServer { api in
            let elsewhere = try await api.post("/api/v1/shops", as: "admin", try ShopAPITests.body(api, name: "文瀛湖小卖部", grid: Demo.wenyinghuGrid))
            let otherID = try #require(elsewhere["id"]?.stringValue)
            let listed = try await Self.page(api, "/console/shops", as: "yongtai")
            #expect(!listed.text.contains("文瀛湖小卖部"))
            #expect(try await Self.page(api, "/console/shops?street=\(Demo.wenyinghu)", as: "yongtai").text.contains("没有符合条件的商户"))
            #expect(try await Self.page(api, "/console/shops/\(otherID)", as: "yongtai").status == .forbidden)
            let admin = try await Self.page(api, "/console/shops?street=\(Demo.wenyinghu)", as: "admin")
            #expect(admin.text.contains("文瀛湖小卖部"))
            #expect(!(try await Self.page(api, "/console/shops?street=\(Demo.yongtai)", as: "admin").text.contains("文瀛湖小卖部")))
            #expect(try await Self.page(api, "/console/shops/SH000000000000", as: "admin").status == .notFound)
        }
    }

    @Test("text typed into a shop renders escaped on the list and the shop page")
    func escaping() async throws {
        try await DemoServerFixture.withServer { api in
            let created = try await Self.post(api, "/console/shops", as: "admin", try Self.shopFields(api, name: "<script>alert(1)</script>"))
            let location = try #require(created.location)
            for path in [location, "/console/shops"] {
                let shown = try await Self.page(api, path, as: "admin")
                #expect(shown.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
                #expect(!shown.text.contains("<script>alert(1)"))
            }
        }
    }

    @Test("the shop page lists its contracts, its inspections with score and failed items, and its notices")
    func records() async throws {
        try await DemoServerFixture.withServer { api in
            let (shop, number) = try await ContractAPITests.draft(api)
            _ = try await InspectionAPITests.record(api, shop: shop)
            let shown = try await Self.page(api, "/console/shops/\(shop)", as: "supervisor")
            #expect(shown.text.contains(number))
            #expect(shown.text.contains("未签订"))
            #expect(shown.text.contains("href=\"/contracts/\(number)/print\""))
            #expect(shown.text.contains("59 / 100"))
            #expect(shown.text.contains("门前无垃圾、灰尘、污水、痰迹、油污"))
            #expect(shown.text.contains("门前五包检查"))
            #expect(!shown.text.contains("id=\"inspect-mqwb\""), "a supervisor does not inspect")
        }
    }
}
