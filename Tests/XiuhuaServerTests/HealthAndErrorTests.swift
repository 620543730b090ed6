import Foundation
import HummingbirdTesting
import Testing

@Suite("Health check and unknown routes")
struct HealthAndErrorTests {
    @Test("GET /healthz answers 200 with status ok")
    func health() async throws {
        try await ServerFixture.withServer(ServerFixture.demo) { client in
            let response = try await client.get("/healthz")
            #expect(response.status == .ok)
            let object = try response.object()
            #expect(object["status"] as? String == "ok")
            #expect((object["version"] as? String)?.isEmpty == false)
        }
    }

    @Test("an unknown route is a 404 with the JSON error not_found")
    func unknownRoute() async throws {
        try await ServerFixture.withServer(ServerFixture.demo) { client in
            let response = try await client.get("/api/v1/nothing-here")
            try response.expectError(.notFound, "not_found")
            #expect(try response.object()["message"] as? String == "没有这个地址 (no such route): /api/v1/nothing-here")
            try await client.get("/api/v2/locate?lat=40&lon=113").expectError(.notFound, "not_found")
        }
    }
}
