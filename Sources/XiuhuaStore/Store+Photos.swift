import Crypto
import Foundation
import SQLKit

/// A photo as stored: its bytes and media type.
public struct StoredPhoto: Sendable {
    public let contentType: String
    public let bytes: Data
}

extension Store {
    /// Keeps a photo and returns its key, the hex SHA-256 of the bytes: the same photo sent
    /// twice is kept once.
    public func savePhoto(_ bytes: Data, contentType: String, at now: Date) async throws -> String {
        let key = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        try await engine.write { db in
            try await db.raw("""
                INSERT INTO web_photos (sha256, content_type, bytes, created_at)
                VALUES (\(bind: key), \(bind: contentType), \(bind: bytes), \(bind: now.millis))
                ON CONFLICT(sha256) DO NOTHING
                """).run()
        }
        return key
    }

    /// The photo with this key, or nil.
    public func photo(_ key: String) async throws -> StoredPhoto? {
        try await engine.read { db in
            guard let row = try await db.raw("SELECT content_type, bytes FROM web_photos WHERE sha256 = \(bind: key)").first() else {
                return nil
            }
            return StoredPhoto(
                contentType: try row.decode(column: "content_type", as: String.self),
                bytes: try row.decode(column: "bytes", as: Data.self)
            )
        }
    }
}
