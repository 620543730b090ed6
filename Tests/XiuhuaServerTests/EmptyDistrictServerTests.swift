import Foundation
import HummingbirdTesting
import Testing
import Xiuhua

@Suite("Server without a district")
struct EmptyDistrictServerTests {
    @Test("locate answers 404 no_district for a good point, and still 400 for a bad one")
    func locate() async throws {
        try await ServerFixture.withServer(ServerFixture.empty) { client in
            try await client.get("/api/v1/locate?lat=40.09&lon=113.30").expectError(.notFound, "no_district")
            try await client.get("/api/v1/locate?lat=abc&lon=113.30").expectError(.badRequest, "invalid_lat")
        }
    }

    @Test("regions answers an empty list with no district")
    func regions() async throws {
        try await ServerFixture.withServer(ServerFixture.empty) { client in
            let response = try await client.get("/api/v1/regions")
            #expect(response.status == .ok)
            let object = try response.object()
            #expect(object["total"] as? Int == 0)
            #expect((object["items"] as? [Any])?.isEmpty == true)
            #expect(object["district"] == nil || object["district"] is NSNull)
            #expect(try await client.get("/api/v1/regions?level=street").object()["total"] as? Int == 0)
        }
    }

    @Test("the home page and the catalog still work")
    func homeAndCatalog() async throws {
        try await ServerFixture.withServer(ServerFixture.empty) { client in
            let home = try await client.get("/")
            #expect(home.status == .ok)
            #expect(!home.text.contains("平城区"))
            #expect(try await client.get("/api/v1/categories").object()["total"] as? Int == Catalog.national.count)
            #expect(try await client.get("/healthz").status == .ok)
        }
    }
}
