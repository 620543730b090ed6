import Crypto
import Foundation
import SQLKit

/// A client system's key for the Open311 write API, as an administrator sees it: never
/// the key itself, which is shown once when it is created.
public struct APIKey: Hashable, Sendable, Codable {
    public let id: String
    /// The client system, e.g. 12345热线平台.
    public let name: String
    /// Requests a minute the key may make (the rate limit).
    public let perMinute: Int
    public let createdAt: Date
    public let revokedAt: Date?

    public var isActive: Bool { revokedAt == nil }
}

extension Store {
    /// Creates a key for client system `name` and returns it with the secret, which is
    /// stored only as its SHA-256 and cannot be shown again.
    public func createAPIKey(name: String, perMinute: Int, at now: Date) async throws -> (key: APIKey, secret: String) {
        var generator = SystemRandomNumberGenerator()
        let id = String(format: "%08llx", generator.next() & 0xffff_ffff)
        let secret = "xh_" + (0..<3).map { _ in String(format: "%016llx", generator.next()) }.joined()
        let key = APIKey(id: id, name: name, perMinute: perMinute, createdAt: Date(millis: now.millis), revokedAt: nil)
        try await engine.write { db in
            try await db.raw("""
                INSERT INTO api_keys (id, name, key_hash, per_minute, created_at)
                VALUES (\(bind: id), \(bind: name), \(bind: Store.tokenHash(secret)), \(bind: perMinute), \(bind: now.millis))
                """).run()
        }
        return (key, secret)
    }

    /// The live key whose secret is `secret`, or nil when it is unknown or revoked.
    public func activeAPIKey(secret: String) async throws -> APIKey? {
        let hash = Store.tokenHash(secret)
        return try await engine.read { db in
            try await db.raw("SELECT * FROM api_keys WHERE key_hash = \(bind: hash) AND revoked_at IS NULL").first().map(Store.decodeAPIKey)
        }
    }

    /// Every key, newest first, revoked ones included.
    public func apiKeys() async throws -> [APIKey] {
        try await engine.read { db in
            try await db.raw("SELECT * FROM api_keys ORDER BY created_at DESC, id").all().map(Store.decodeAPIKey)
        }
    }

    /// Revokes key `id`; returns it, or nil when there is no such key. Revoking twice keeps
    /// the first revocation time.
    public func revokeAPIKey(id: String, at now: Date) async throws -> APIKey? {
        try await engine.write { db in
            try await db.raw("UPDATE api_keys SET revoked_at = \(bind: now.millis) WHERE id = \(bind: id) AND revoked_at IS NULL").run()
            return try await db.raw("SELECT * FROM api_keys WHERE id = \(bind: id)").first().map(Store.decodeAPIKey)
        }
    }

    static func decodeAPIKey(_ row: any SQLRow) throws -> APIKey {
        APIKey(
            id: try row.decode(column: "id", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            perMinute: try row.decode(column: "per_minute", as: Int.self),
            createdAt: Date(millis: try row.decode(column: "created_at", as: Int64.self)),
            revokedAt: try row.decode(column: "revoked_at", as: Int64?.self).map { Date(millis: $0) }
        )
    }
}
