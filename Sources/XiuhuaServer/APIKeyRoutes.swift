import Foundation
import Hummingbird
import Xiuhua
import XiuhuaStore

/// Open311 API keys for client systems, managed by an administrator:
/// `POST /api/v1/apikeys` `{"name", "per_minute"}` creates one and shows the key once,
/// `GET /api/v1/apikeys` lists them (never the keys), `DELETE /api/v1/apikeys/{id}` revokes.
struct APIKeyRoutes {
    let services: XiuhuaServices
    static let defaultPerMinute = 600

    struct CreateRequest: Decodable {
        let name: String
        let perMinute: Int?

        private enum CodingKeys: String, CodingKey {
            case name
            case perMinute = "per_minute"
        }
    }

    struct KeyView: Codable {
        let id: String
        let name: String
        let perMinute: Int
        let createdAt: Date
        let revokedAt: Date?
        let active: Bool
        /// Only in the answer to the creation; not stored.
        let key: String?

        init(_ key: APIKey, secret: String? = nil) {
            id = key.id
            name = key.name
            perMinute = key.perMinute
            createdAt = key.createdAt
            revokedAt = key.revokedAt
            active = key.isActive
            self.key = secret
        }
    }

    struct KeyList: Codable {
        let items: [KeyView]
    }

    func add(to router: Router<XiuhuaRequestContext>) {
        router.post("/api/v1/apikeys") { request, context in try await create(request, context) }
        router.get("/api/v1/apikeys") { _, context in try await list(context) }
        router.delete("/api/v1/apikeys/{id}") { _, context in try await revoke(context) }
    }

    func create(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        _ = try context.requireRole([.admin], for: "管理 API key")
        let body = try await request.decodeJSON(as: CreateRequest.self, context: context)
        let name = try Self.checkedName(body.name)
        let perMinute = try Self.checkedRate(body.perMinute ?? Self.defaultPerMinute)
        let (key, secret) = try await services.store.createAPIKey(name: name, perMinute: perMinute, at: services.now())
        return try json(KeyView(key, secret: secret), status: .created)
    }

    func list(_ context: XiuhuaRequestContext) async throws -> Response {
        _ = try context.requireRole([.admin], for: "管理 API key")
        return try json(KeyList(items: try await services.store.apiKeys().map { KeyView($0) }))
    }

    func revoke(_ context: XiuhuaRequestContext) async throws -> Response {
        _ = try context.requireRole([.admin], for: "管理 API key")
        let id = try context.parameters.require("id")
        guard let key = try await services.store.revokeAPIKey(id: id, at: services.now()) else {
            throw APIError.notFound("apikey_not_found", "没有这个 API key (no such key): \(id)")
        }
        services.apiKeys.forget(id: id)
        return try json(KeyView(key))
    }

    /// A client system's name: 1–100 characters, not blank.
    static func checkedName(_ name: String) throws -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 100 else {
            throw APIError.badRequest("invalid_name", "name 应为 1 到 100 个字符的系统名称 (name must be 1–100 characters)")
        }
        return trimmed
    }

    static func checkedRate(_ perMinute: Int) throws -> Int {
        guard (1...6_000_000).contains(perMinute) else {
            throw APIError.badRequest("invalid_rate", "per_minute 应在 1 到 6000000 之间 (per_minute must be 1…6000000)")
        }
        return perMinute
    }
}
