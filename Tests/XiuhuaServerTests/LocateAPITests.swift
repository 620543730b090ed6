import HummingbirdTesting
import Testing
import Xiuhua
import XiuhuaGeo
import XiuhuaServer

@Suite("Locate API")
struct LocateAPITests {
    struct Echoed: Decodable {
        let lat: Double
        let lon: Double
    }

    /// A few demo cells spread over the district: the first, one in 红旗里社区, the last.
    static func sampleCells(_ services: XiuhuaServices) throws -> [RegionFeature] {
        let cells = services.features.filter { $0.region.level == .grid }
        try #require(cells.count == 9_720)
        let hongqili = try #require(services.regions?.regions(at: .community).first { $0.name == "红旗里社区" })
        let inHongqili = try #require(cells.first { $0.region.parentCode == hongqili.code && $0.region.code.hasSuffix("045") })
        return [cells[0], inHongqili, cells[4_321], cells[cells.count - 1]]
    }

    @Test("a cell's representative point gives that cell, its community and its street")
    func locatesCell() async throws {
        let services = try await ServerFixture.demo.value
        let tree = try #require(services.regions)
        let cells = try Self.sampleCells(services)
        try await ServerFixture.withServer(ServerFixture.demo) { client in
            for cell in cells {
                let point = try #require(cell.geometry?.representativePoint)
                let response = try await client.get("/api/v1/locate?lat=\(point.lat)&lon=\(point.lon)")
                #expect(response.status == .ok, "\(response.text)")
                let object = try response.object()
                let grid = object["grid"] as? [String: Any]
                let community = object["community"] as? [String: Any]
                let street = object["street"] as? [String: Any]
                let district = object["district"] as? [String: Any]
                let expectedCommunity = try #require(tree[cell.region.parentCode ?? ""])
                let expectedStreet = try #require(tree[expectedCommunity.parentCode ?? ""])
                #expect(grid?["code"] as? String == cell.region.code)
                #expect(grid?["name"] as? String == cell.region.name)
                #expect(community?["code"] as? String == expectedCommunity.code)
                #expect(community?["name"] as? String == expectedCommunity.name)
                #expect(street?["code"] as? String == expectedStreet.code)
                #expect(street?["name"] as? String == expectedStreet.name)
                #expect(district?["code"] as? String == "140213")
                // The point comes back exactly (JSONDecoder, not JSONSerialization, reads doubles exactly).
                let echoed = try response.decode(Echoed.self)
                #expect(echoed.lat == point.lat)
                #expect(echoed.lon == point.lon)
            }
        }
    }

    @Test("a point in 红旗里社区 is answered with 永泰街道")
    func hongqiliIsInYongtai() async throws {
        let services = try await ServerFixture.demo.value
        let cell = try Self.sampleCells(services)[1]
        let point = try #require(cell.geometry?.representativePoint)
        try await ServerFixture.withServer(ServerFixture.demo) { client in
            let object = try await client.get("/api/v1/locate?lat=\(point.lat)&lon=\(point.lon)").object()
            #expect((object["community"] as? [String: Any])?["name"] as? String == "红旗里社区")
            #expect((object["street"] as? [String: Any])?["name"] as? String == "永泰街道")
        }
    }

    @Test("the same point in GCJ-02 with crs=gcj02 gives the same cell, and the WGS-84 point back")
    func gcj02() async throws {
        let services = try await ServerFixture.demo.value
        let cells = try Self.sampleCells(services)
        try await ServerFixture.withServer(ServerFixture.demo) { client in
            for cell in cells {
                let point = try #require(cell.geometry?.representativePoint)
                let shifted = ChinaCoordinates.wgs84ToGCJ02(point)
                for crs in ["gcj02", "GCJ-02"] {
                    let response = try await client.get("/api/v1/locate?lat=\(shifted.lat)&lon=\(shifted.lon)&crs=\(crs)")
                    #expect(response.status == .ok, "\(response.text)")
                    let object = try response.object()
                    #expect((object["grid"] as? [String: Any])?["code"] as? String == cell.region.code)
                    #expect(abs((object["lat"] as? Double ?? 0) - point.lat) < 1e-7)
                    #expect(abs((object["lon"] as? Double ?? 0) - point.lon) < 1e-7)
                }
                // Read as WGS-84, the GCJ-02 point is hundreds of metres off: another cell or none.
                let unconverted = try await client.get("/api/v1/locate?lat=\(shifted.lat)&lon=\(shifted.lon)&crs=wgs84")
                if unconverted.status == .ok {
                    #expect((try unconverted.object()["grid"] as? [String: Any])?["code"] as? String != cell.region.code)
                }
            }
        }
    }

    @Test("a point far outside the district is a 404 outside_district")
    func outside() async throws {
        try await ServerFixture.withServer(ServerFixture.demo) { client in
            try await client.get("/api/v1/locate?lat=39.9042&lon=116.4074").expectError(.notFound, "outside_district")
            try await client.get("/api/v1/locate?lat=0&lon=0").expectError(.notFound, "outside_district")
            let box = try #require(try await ServerFixture.demo.value.gridIndex.boundingBox)
            try await client.get("/api/v1/locate?lat=\(box.maxLat + 0.01)&lon=\(box.centre.lon)").expectError(.notFound, "outside_district")
            let message = try await client.get("/api/v1/locate?lat=0&lon=0").object()["message"] as? String
            #expect(message?.contains("平城区") == true)
        }
    }

    @Test("missing coordinates are a 400 missing_coordinates")
    func missing() async throws {
        try await ServerFixture.withServer(ServerFixture.demo) { client in
            try await client.get("/api/v1/locate?lon=113.3").expectError(.badRequest, "missing_coordinates")
            try await client.get("/api/v1/locate?lat=40.09").expectError(.badRequest, "missing_coordinates")
            try await client.get("/api/v1/locate").expectError(.badRequest, "missing_coordinates")
        }
    }

    @Test("a latitude that is not a number in -90…90 is a 400 invalid_lat",
          arguments: ["abc", "91", "-90.5", "nan", "inf", "", "40.1.2"])
    func invalidLat(lat: String) async throws {
        try await ServerFixture.withServer(ServerFixture.demo) { client in
            try await client.get("/api/v1/locate?lat=\(lat)&lon=113.3").expectError(.badRequest, "invalid_lat")
        }
    }

    @Test("a longitude that is not a number in -180…180 is a 400 invalid_lon", arguments: ["east", "181", "-200"])
    func invalidLon(lon: String) async throws {
        try await ServerFixture.withServer(ServerFixture.demo) { client in
            try await client.get("/api/v1/locate?lat=40.09&lon=\(lon)").expectError(.badRequest, "invalid_lon")
        }
    }

    @Test("an unknown crs is a 400 invalid_crs")
    func invalidCRS() async throws {
        try await ServerFixture.withServer(ServerFixture.demo) { client in
            let response = try await client.get("/api/v1/locate?lat=40.09&lon=113.3&crs=foo")
            try response.expectError(.badRequest, "invalid_crs")
            #expect((try response.object()["message"] as? String)?.contains("foo") == true)
            try await client.get("/api/v1/locate?lat=40.09&lon=113.3&crs=bd09").expectError(.badRequest, "invalid_crs")
        }
    }
}
