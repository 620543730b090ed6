import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import XiuhuaServer

@Suite("OpenAPI descriptions")
struct OpenAPIDocumentTests {
    static func paths(_ json: String) throws -> [String: [String: Any]] {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(document["openapi"] as? String == "3.0.3")
        return try #require(document["paths"] as? [String: [String: Any]])
    }

    @Test("every registered /api/v1 route is in openapi.json, and every documented one is registered")
    func nativeRoutesMatch() async throws {
        let router = buildRouter(services: try await ServerFixture.demo.value)
        let registered = Set(router.routes
            .filter { $0.path.description.hasPrefix("/api/v1/") }
            .map { "\($0.method.rawValue.lowercased()) \($0.path.description)" })
        let documented = Set(try Self.paths(NativeOpenAPI.json).flatMap { path, operations in
            operations.keys.filter { ["get", "post", "put", "patch", "delete"].contains($0) }.map { "\($0) \(path)" }
        })
        #expect(registered.subtracting(documented).sorted() == [], "routes missing from NativeOpenAPI.json")
        #expect(documented.subtracting(registered).sorted() == [], "documented routes that do not exist")
    }

    @Test("the Open311 description covers every GeoReport v2 method in both formats")
    func open311Described() throws {
        let paths = try Self.paths(Open311OpenAPI.json)
        for format in ["json", "xml"] {
            for path in ["discovery", "services", "services/{service_code}", "requests", "requests/{service_request_id}", "tokens/{token}"] {
                #expect(paths["/open311/v2/\(path).\(format)"]?["get"] != nil, "\(path).\(format)")
            }
            #expect(paths["/open311/v2/requests.\(format)"]?["post"] != nil)
        }
    }

    @Test("both descriptions are served as JSON")
    func served() async throws {
        try await ServerFixture.withServer(ServerFixture.demo) { client in
            for path in ["/api/v1/openapi.json", "/open311/v2/openapi.json"] {
                let response = try await client.get(path)
                #expect(response.status == .ok)
                #expect(try response.object()["openapi"] as? String == "3.0.3")
            }
        }
    }
}
