import Foundation
import Hummingbird
import Testing
import Xiuhua
import XiuhuaGeo
import XiuhuaStore

/// The shop registry over a real server on a copy of the demo district.
@Suite("Shop registry API")
struct ShopAPITests {
    static func body(_ api: DemoAPI, name: String = "永泰便利店", code: String = "91140213MA0K3XH01G", grid: String = Demo.hongqiliGrid) throws -> [String: Any] {
        let point = try api.point(inGrid: grid)
        return [
            "name": name, "credit_code": code, "licence": "JY11402130001", "owner_name": "张小明", "phone": "13812341234",
            "address": "永泰南路 12 号", "lat": point.lat, "lon": point.lon,
            "frontage": ["type": "LineString", "coordinates": [[point.lon, point.lat], [point.lon + 0.0002, point.lat]]],
        ]
    }

    @Test("a registered shop gets its grid, community and street from its position; contact masked for a supervisor")
    func createAndRead() async throws {
        try await DemoServerFixture.withServer { api in
            let created = try await api.post("/api/v1/shops", as: "yongtai", try Self.body(api))
            #expect(created.status == .created, "\(created.text)")
            let id = try #require(created["id"]?.stringValue)
            #expect(created["place"]?["grid_code"]?.stringValue == Demo.hongqiliGrid)
            #expect(created["place"]?["community_code"]?.stringValue == Demo.hongqili)
            #expect(created["place"]?["street_code"]?.stringValue == Demo.yongtai)
            #expect(created["place"]?["street_name"]?.stringValue == "永泰街道")
            #expect(created["owner_name"]?.stringValue == "张小明")
            #expect(created["frontage"]?["type"]?.stringValue == "LineString")

            let seen = try await api.get("/api/v1/shops/\(id)", as: "supervisor")
            #expect(seen.status == .ok)
            #expect(seen["owner_name"]?.stringValue == "张*明")
            #expect(seen["phone"]?.stringValue == "138****1234")
            #expect(seen["masked"]?.boolValue == true)
            #expect(!seen.text.contains("13812341234"))

            let listed = try await api.get("/api/v1/shops?q=\(encoded("便利"))", as: "gridworker")
            #expect(listed["total"]?.intValue == 1)
            #expect(listed["items"]?.arrayValue?.first?["phone"]?.stringValue == "138****1234")
        }
    }

    @Test("wrong roles get 403 and anonymous callers 401, and nothing is written")
    func roles() async throws {
        try await DemoServerFixture.withServer { api in
            let body = try Self.body(api)
            for username in ["gridworker", "supervisor", "operator", "api12345"] {
                let refused = try await api.post("/api/v1/shops", as: username, body)
                #expect(refused.status == .forbidden, "\(username): \(refused.text)")
                #expect(refused.error == "forbidden_role")
            }
            #expect(try await api.post("/api/v1/shops", body).status == .unauthorized)
            #expect(try await api.get("/api/v1/shops").status == .unauthorized)
            #expect(try await api.get("/api/v1/shops", as: "admin")["total"]?.intValue == 0)

            let created = try await api.post("/api/v1/shops", as: "huanwei", body)
            let id = try #require(created["id"]?.stringValue)
            let notAdmin = try await api.send(.delete, "/api/v1/shops/\(id)", as: "yongtai")
            #expect(notAdmin.status == .forbidden)
            #expect(try await api.get("/api/v1/shops/\(id)", as: "admin").status == .ok)
            let deleted = try await api.send(.delete, "/api/v1/shops/\(id)", as: "admin")
            #expect(deleted.status == .ok)
            #expect(try await api.get("/api/v1/shops/\(id)", as: "admin").error == "shop_not_found")
            #expect(try await api.send(.delete, "/api/v1/shops/\(id)", as: "admin").status == .notFound)
        }
    }

    @Test("a street officer registers and sees only shops in its own street")
    func streetScope() async throws {
        try await DemoServerFixture.withServer { api in
            let elsewhere = try Self.body(api, grid: Demo.wenyinghuGrid)
            let refused = try await api.post("/api/v1/shops", as: "yongtai", elsewhere)
            #expect(refused.status == .forbidden)
            #expect(refused.error == "outside_scope")
            let other = try await api.post("/api/v1/shops", as: "admin", elsewhere)
            let otherID = try #require(other["id"]?.stringValue)
            #expect(try await api.post("/api/v1/shops", as: "yongtai", try Self.body(api, name: "本街道店", code: "92140213MA0K3XH02G")).status == .created)

            let listed = try await api.get("/api/v1/shops", as: "yongtai")
            #expect(listed["total"]?.intValue == 1)
            #expect(listed["items"]?.arrayValue?.first?["name"]?.stringValue == "本街道店")
            #expect(try await api.get("/api/v1/shops/\(otherID)", as: "yongtai").error == "outside_scope")
            #expect(try await api.get("/api/v1/shops?street=\(Demo.wenyinghu)", as: "admin")["total"]?.intValue == 1)
        }
    }

    @Test("bad input is a 400 listing every field; a taken credit code is a 409; bad paging is a 400")
    func badInput() async throws {
        try await DemoServerFixture.withServer { api in
            var body = try Self.body(api)
            body["credit_code"] = "91140213MA0K3XH01H"
            body["phone"] = "abc"
            body["lat"] = 10.0
            let refused = try await api.post("/api/v1/shops", as: "admin", body)
            #expect(refused.status == .badRequest)
            #expect(refused.error == "invalid_shop")
            let fields = refused["fields"]?.arrayValue?.compactMap { $0["code"]?.stringValue } ?? []
            #expect(fields == ["invalid_phone", "invalid_credit_code", "outside_district"], "\(refused.text)")

            #expect(try await api.send(.post, "/api/v1/shops", as: "admin", body: "{\"name\": 3}").error == "invalid_body")
            var crs = try Self.body(api)
            crs["crs"] = "bd09"
            #expect(try await api.post("/api/v1/shops", as: "admin", crs).error == "invalid_crs")

            #expect(try await api.post("/api/v1/shops", as: "admin", try Self.body(api)).status == .created)
            let again = try await api.post("/api/v1/shops", as: "admin", try Self.body(api, name: "另一家"))
            #expect(again.status == .conflict)
            #expect(again.error == "credit_code_taken")
            #expect(try await api.get("/api/v1/shops", as: "admin")["total"]?.intValue == 1)
            #expect(try await api.get("/api/v1/shops?limit=0", as: "admin").error == "invalid_limit")
            #expect(try await api.get("/api/v1/shops?offset=x", as: "admin").error == "invalid_offset")
        }
    }

    @Test("an update moves the shop to the street of its new position; an unknown id is 404")
    func update() async throws {
        try await DemoServerFixture.withServer { api in
            let created = try await api.post("/api/v1/shops", as: "admin", try Self.body(api))
            let id = try #require(created["id"]?.stringValue)
            let moved = try await api.send(.put, "/api/v1/shops/\(id)", as: "admin", body: DemoAPI.jsonText(try Self.body(api, name: "搬家后", grid: Demo.wenyinghuGrid)))
            #expect(moved.status == .ok, "\(moved.text)")
            #expect(moved["place"]?["street_code"]?.stringValue == Demo.wenyinghu)
            #expect(moved["name"]?.stringValue == "搬家后")
            // Now outside 永泰街道: its officer may not change it back.
            let refused = try await api.send(.put, "/api/v1/shops/\(id)", as: "yongtai", body: DemoAPI.jsonText(try Self.body(api)))
            #expect(refused.error == "outside_scope")
            let missing = try await api.send(.put, "/api/v1/shops/SH0", as: "admin", body: DemoAPI.jsonText(try Self.body(api)))
            #expect(missing.status == .notFound)
        }
    }

    static func csv(_ api: DemoAPI, _ rows: [String]) throws -> String {
        (["name,credit_code,licence,owner_name,phone,address,lat,lon,frontage"] + rows).joined(separator: "\n")
    }

    static func row(_ api: DemoAPI, _ name: String, _ code: String, grid: String = Demo.hongqiliGrid) throws -> String {
        let p = try api.point(inGrid: grid)
        return "\(name),\(code),,王五,13912345678,\"永泰北路 3 号, 底商\",\(p.lat),\(p.lon),\"\(p.lon) \(p.lat);\(p.lon + 0.0002) \(p.lat)\""
    }

    @Test("a CSV import with wrong rows reports each by line and imports nothing; a clean one imports all")
    func importCSV() async throws {
        try await DemoServerFixture.withServer { api in
            let wrong = try Self.csv(api, [
                try Self.row(api, "甲店", "91140213MA0K3XH01G"),
                try Self.row(api, "乙店", "91140213MA0K3XH01X"),
                try Self.row(api, "丙店", "91140213MA0K3XH01G"),
                "丁店,92140213MA0K3XH02G,,王五,13912345678,某路,40.0,200,",
            ])
            let refused = try await api.send(.post, "/api/v1/shops/import", as: "admin", body: wrong)
            #expect(refused.status == .badRequest)
            #expect(refused.error == "invalid_rows")
            let rows = refused["rows"]?.arrayValue ?? []
            #expect(rows.compactMap { $0["line"]?.intValue } == [3, 4, 5], "\(refused.text)")
            #expect(rows.compactMap { $0["code"]?.stringValue } == ["invalid_credit_code", "duplicate_in_file", "invalid_position"])
            #expect(try await api.get("/api/v1/shops", as: "admin")["total"]?.intValue == 0)

            let clean = try Self.csv(api, [try Self.row(api, "甲店", "91140213MA0K3XH01G"), try Self.row(api, "乙店", "92140213MA0K3XH02G")])
            let imported = try await api.send(.post, "/api/v1/shops/import", as: "yongtai", body: clean)
            #expect(imported.status == .created, "\(imported.text)")
            #expect(imported["imported"]?.intValue == 2)
            let listed = try await api.get("/api/v1/shops", as: "admin")
            #expect(listed["items"]?.arrayValue?.first?["address"]?.stringValue == "永泰北路 3 号, 底商")
            #expect(listed["items"]?.arrayValue?.first?["frontage"]?["type"]?.stringValue == "LineString")

            // The same file again: every code is taken, nothing more is written.
            let twice = try await api.send(.post, "/api/v1/shops/import", as: "admin", body: clean)
            #expect(twice.error == "invalid_rows")
            #expect(twice["rows"]?.arrayValue?.compactMap { $0["code"]?.stringValue } == ["credit_code_taken", "credit_code_taken"])
            #expect(try await api.get("/api/v1/shops", as: "admin")["total"]?.intValue == 2)

            // A street officer may not import shops of another street.
            let foreign = try Self.csv(api, [try Self.row(api, "外街店", "91140213MA0K3XH03N", grid: Demo.wenyinghuGrid)])
            let scoped = try await api.send(.post, "/api/v1/shops/import", as: "yongtai", body: foreign)
            #expect(scoped["rows"]?.arrayValue?.first?["code"]?.stringValue == "outside_scope")
            #expect(try await api.send(.post, "/api/v1/shops/import", as: "admin", body: "colour\nred").error == "invalid_csv")
            #expect(try await api.send(.post, "/api/v1/shops/import", as: "supervisor", body: clean).status == .forbidden)
        }
    }
}
