import HummingbirdTesting
import Testing
import Xiuhua

@Suite("Regions API")
struct RegionsAPITests {
    private static func items(_ object: [String: Any]) -> [[String: Any]] {
        object["items"] as? [[String: Any]] ?? []
    }

    @Test("without filters: the district and every region, each with its level and child count")
    func everything() async throws {
        try await ServerFixture.withServer(ServerFixture.demo) { client in
            let response = try await client.get("/api/v1/regions")
            #expect(response.status == .ok)
            let object = try response.object()
            let district = try #require(object["district"] as? [String: Any])
            #expect(district["code"] as? String == "140213")
            #expect(district["name"] as? String == "平城区")
            #expect(district["level"] as? String == "district")
            #expect(district["children"] as? Int == 18)
            let items = Self.items(object)
            #expect(object["total"] as? Int == 9_847)
            #expect(items.count == 9_847)
        }
    }

    @Test("level=street gives the 18 streets, each under the district with 6 communities")
    func streets() async throws {
        try await ServerFixture.withServer(ServerFixture.demo) { client in
            for level in ["street", encoded("街道")] {
                let object = try await client.get("/api/v1/regions?level=\(level)").object()
                let items = Self.items(object)
                #expect(object["total"] as? Int == 18)
                #expect(items.count == 18)
                #expect(items.allSatisfy { $0["level"] as? String == "street" && $0["level_name"] as? String == "街道" })
                #expect(items.allSatisfy { $0["parent_code"] as? String == "140213" && $0["children"] as? Int == 6 })
                #expect(items.compactMap { $0["name"] as? String }.contains("永泰街道"))
            }
        }
    }

    @Test("parent=<street> gives that street's 6 communities")
    func communitiesOfStreet() async throws {
        let tree = try #require(try await ServerFixture.demo.value.regions)
        let yongtai = try #require(tree.regions(at: .street).first { $0.name == "永泰街道" })
        try await ServerFixture.withServer(ServerFixture.demo) { client in
            let items = Self.items(try await client.get("/api/v1/regions?parent=\(yongtai.code)").object())
            #expect(items.count == 6)
            #expect(items.compactMap { $0["code"] as? String } == tree.children(of: yongtai.code).map(\.code))
            #expect(items.allSatisfy { $0["level"] as? String == "community" && $0["children"] as? Int == 90 })
            #expect(items.compactMap { $0["name"] as? String }.contains("红旗里社区"))
        }
    }

    @Test("level=grid&parent=<community>&format=geojson is a FeatureCollection of its 90 cells")
    func geoJSON() async throws {
        let tree = try #require(try await ServerFixture.demo.value.regions)
        let community = try #require(tree.regions(at: .community).first { $0.name == "红旗里社区" })
        try await ServerFixture.withServer(ServerFixture.demo) { client in
            let response = try await client.get("/api/v1/regions?level=grid&parent=\(community.code)&format=geojson")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("application/geo+json") == true)
            let object = try response.object()
            #expect(object["type"] as? String == "FeatureCollection")
            let features = object["features"] as? [[String: Any]] ?? []
            #expect(features.count == 90)
            for feature in features {
                let properties = feature["properties"] as? [String: Any]
                let geometry = feature["geometry"] as? [String: Any]
                #expect(feature["type"] as? String == "Feature")
                #expect(properties?["level"] as? String == "grid")
                #expect(properties?["parent_code"] as? String == community.code)
                #expect((properties?["code"] as? String)?.hasPrefix(community.code) == true)
                #expect(geometry?["type"] as? String == "Polygon")
            }
        }
    }

    @Test("an unknown level is a 400 invalid_level")
    func badLevel() async throws {
        try await ServerFixture.withServer(ServerFixture.demo) { client in
            try await client.get("/api/v1/regions?level=bogus").expectError(.badRequest, "invalid_level")
            try await client.get("/api/v1/regions?level=").expectError(.badRequest, "invalid_level")
        }
    }

    @Test("an unknown parent code is a 404 unknown_region")
    func unknownParent() async throws {
        try await ServerFixture.withServer(ServerFixture.demo) { client in
            try await client.get("/api/v1/regions?parent=999").expectError(.notFound, "unknown_region")
            try await client.get("/api/v1/regions?level=grid&parent=140213999999&format=geojson").expectError(.notFound, "unknown_region")
        }
    }

    @Test("a level that does not match the parent's children gives an empty list, not an error")
    func levelAndParentDisagree() async throws {
        try await ServerFixture.withServer(ServerFixture.demo) { client in
            let object = try await client.get("/api/v1/regions?level=grid&parent=140213").object()
            #expect(object["total"] as? Int == 0)
            #expect(Self.items(object).isEmpty)
        }
    }
}
