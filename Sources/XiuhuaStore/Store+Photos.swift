import Foundation
import SQLKit

/// A photo as stored: its bytes and media type.
public struct StoredPhoto: Sendable {
    public let contentType: String
    public let bytes: Data
}

extension Store {
    // Photos the web forms kept in the database before attachments moved to files
    // (`AttachmentStore`); nothing writes here any more, but old cases still show them.

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
