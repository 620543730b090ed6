import Foundation
import Hummingbird
import Testing
import Xiuhua
import XiuhuaGeo

/// The idle-space register over a real server: a survey registers, the street moves it on,
/// cases are linked, and the map layer draws it.
@Suite("Idle-space API")
struct IdleSpaceAPITests {
    /// A small square around a point inside `grid`.
    static func outline(_ api: DemoAPI, grid: String = Demo.hongqiliGrid) throws -> [String: Any] {
        let p = try api.point(inGrid: grid)
        let d = 0.00005
        let ring = [[p.lon - d, p.lat - d], [p.lon + d, p.lat - d], [p.lon + d, p.lat + d], [p.lon - d, p.lat + d], [p.lon - d, p.lat - d]]
        return ["type": "Polygon", "coordinates": [ring]]
    }

    static func body(_ api: DemoAPI, grid: String = Demo.hongqiliGrid) throws -> [String: Any] {
        [
            "name": "铁路桥下空地", "kind": "underBridge", "outline": try outline(api, grid: grid), "owner": "永泰街道办事处",
            "hazard": "medium", "hazard_note": "堆放易燃杂物", "proposed_reuse": "口袋公园",
        ]
    }

    @Test("a grid worker registers a space in its grid; the street moves it to reused; a case is linked once; the map draws it")
    func lifecycle() async throws {
        try await DemoServerFixture.withServer { api in
            let registered = try await api.post("/api/v1/idle-spaces", as: "gridworker", try Self.body(api))
            #expect(registered.status == .created, "\(registered.text)")
            let id = try #require(registered["id"]?.stringValue)
            #expect(registered["place"]?["grid_code"]?.stringValue == Demo.hongqiliGrid)
            #expect(registered["place"]?["street_code"]?.stringValue == Demo.yongtai)
            #expect(registered["status"]?.stringValue == "registered")

            let path = "/api/v1/idle-spaces/\(id)"
            #expect(try await api.post("\(path)/status", as: "gridworker", ["status": "plan"]).error == "forbidden_role")
            #expect(try await api.post("\(path)/status", as: "yongtai", ["status": "works"]).error == "wrong_state")
            #expect(try await api.post("\(path)/status", as: "yongtai", ["status": "later"]).error == "invalid_status")
            for status in ["plan", "works", "reused"] {
                #expect(try await api.post("\(path)/status", as: "yongtai", ["status": status, "note": "按计划推进"])["status"]?.stringValue == status)
            }

            let filed = try await api.hotlineCase(in: "reported")
            let linked = try await api.post("\(path)/cases", as: "yongtai", ["case_number": filed.number])
            #expect(linked["cases"]?.arrayValue?.compactMap(\.stringValue) == [filed.number], "\(linked.text)")
            #expect(try await api.post("\(path)/cases", as: "yongtai", ["case_number": filed.number]).error == "already_linked")
            #expect(try await api.post("\(path)/cases", as: "yongtai", ["case_number": "PC0"]).error == "case_not_found")

            let map = try await api.get("/api/v1/idle-spaces/map", as: "supervisor")
            #expect(map.contentType?.hasPrefix("application/geo+json") == true)
            let features = map["features"]?.arrayValue ?? []
            #expect(features.count == 1)
            #expect(features.first?["geometry"]?["type"]?.stringValue == "Polygon")
            #expect(features.first?["properties"]?["status"]?.stringValue == "reused")
            #expect(features.first?["properties"]?["cases"]?.intValue == 1)
            #expect(try await api.get("/api/v1/idle-spaces?status=registered", as: "admin")["items"]?.arrayValue?.count == 0)
        }
    }

    @Test("bad kind, hazard and outline, a space outside the district or the worker's grids, and wrong roles are refused")
    func refused() async throws {
        try await DemoServerFixture.withServer { api in
            let base = try Self.body(api)
            func with(_ key: String, _ value: Any) -> [String: Any] { base.merging([key: value]) { $1 } }
            #expect(try await api.post("/api/v1/idle-spaces", as: "admin", with("kind", "castle")).error == "invalid_kind")
            #expect(try await api.post("/api/v1/idle-spaces", as: "admin", with("hazard", "extreme")).error == "invalid_hazard")
            #expect(try await api.post("/api/v1/idle-spaces", as: "admin", with("outline", ["type": "LineString", "coordinates": [[113.3, 40.0], [113.4, 40.0]]])).error == "invalid_outline")
            let far: [String: Any] = ["type": "Polygon", "coordinates": [[[100.0, 30.0], [100.001, 30.0], [100.001, 30.001], [100.0, 30.0]]]]
            #expect(try await api.post("/api/v1/idle-spaces", as: "admin", with("outline", far)).error == "outside_district")
            #expect(try await api.post("/api/v1/idle-spaces", as: "admin", with("owner", "")).error == "missing_field")
            #expect(try await api.post("/api/v1/idle-spaces", as: "gridworker", try Self.body(api, grid: Demo.yongtailiGrid)).error == "outside_scope")
            #expect(try await api.post("/api/v1/idle-spaces", as: "supervisor", try Self.body(api)).error == "forbidden_role")
            #expect(try await api.get("/api/v1/idle-spaces", as: "admin")["items"]?.arrayValue?.count == 0)
            #expect(try await api.get("/api/v1/idle-spaces/XJ0", as: "admin").error == "idle_space_not_found")
        }
    }
}
