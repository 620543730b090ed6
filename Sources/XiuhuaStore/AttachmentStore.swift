import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import SQLKit
import Xiuhua

/// A kept attachment: what the `attachments` table says about one file.
public struct Attachment: Sendable, Equatable {
    /// The hex SHA-256 of the bytes: the attachment's id and its file name.
    public let id: String
    public let mediaType: String
    public let size: Int
    public let width: Int?
    public let height: Int?
    /// The account that sent it; nil for an anonymous citizen.
    public let uploadedBy: String?
    public let createdAt: Date
}

/// Photos and other attachments, content-addressed: the bytes are files under
/// `<directory>/ab/cdef…` (the SHA-256 split after two characters, so no folder grows
/// too large), the facts a row in `attachments`. The same bytes sent twice are kept once.
///
/// Writing goes file first, row second: the file is written to a temporary name and
/// renamed into place, so a reader never sees half a file, and a row only ever names a
/// file that is complete. A file without a row (a crash between the two) is harmless and
/// is adopted by the next upload of the same bytes.
public struct AttachmentStore: Sendable {
    public let store: Store
    /// The folder of the files: `uploads/` beside the database, which `xiuhua backup` copies.
    public let directory: String

    public init(store: Store, directory: String) {
        self.store = store
        self.directory = directory
    }

    /// The store's attachments under its files directory (beside the SQLite file, or the
    /// data directory given with a shared database); nil when it has none.
    public init?(store: Store) {
        guard let dataDirectory = store.filesDirectory else { return nil }
        self.init(store: store, directory: (dataDirectory as NSString).appendingPathComponent("uploads"))
    }

    public static func id(of bytes: Data) -> String {
        Hex.string(SHA256.hash(data: bytes))
    }

    /// Whether `text` has the shape of an attachment id (64 lowercase hex digits).
    public static func isID(_ text: some StringProtocol) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// Where the file with this id lives.
    public func path(of id: String) -> String {
        (directory as NSString).appendingPathComponent("\(id.prefix(2))/\(id.dropFirst(2))")
    }

    /// Keeps checked image bytes. Bytes already kept return the existing attachment with
    /// `isNew` false. The caller has checked `facts` against the bytes.
    public func save(_ bytes: Data, facts: ImageFacts, uploadedBy: String?, at now: Date) async throws -> (attachment: Attachment, isNew: Bool) {
        let id = Self.id(of: bytes)
        if let existing = try await attachment(id), FileManager.default.fileExists(atPath: path(of: id)) {
            return (existing, false)
        }
        let createdFile = try writeFile(bytes, id: id)
        let attachment = Attachment(
            id: id, mediaType: facts.mediaType, size: bytes.count, width: facts.width, height: facts.height,
            uploadedBy: uploadedBy, createdAt: now
        )
        let inserted: Bool
        do {
            inserted = try await store.engine.write { db in
                let before = try await db.raw("SELECT 1 AS present FROM attachments WHERE sha256 = \(bind: id)").first()
                guard before == nil else { return false }
                try await db.raw("""
                    INSERT INTO attachments (sha256, media_type, size, width, height, uploaded_by, created_at)
                    VALUES (\(bind: id), \(bind: attachment.mediaType), \(bind: attachment.size), \(bind: attachment.width),
                            \(bind: attachment.height), \(bind: uploadedBy), \(bind: now.millis))
                    """).run()
                return true
            }
        } catch {
            // Leave nothing behind: a file this call created has no row to name it.
            if createdFile { try? FileManager.default.removeItem(atPath: path(of: id)) }
            throw error
        }
        if inserted { return (attachment, true) }
        return (try await self.attachment(id) ?? attachment, false)
    }

    /// Forgets an attachment this request has just kept, when what it was sent with is
    /// refused: its row and its file go. Only for attachments `save` reported as new.
    public func discard(_ id: String) async throws {
        guard Self.isID(id) else { return }
        try await store.engine.write { db in
            try await db.raw("DELETE FROM attachments WHERE sha256 = \(bind: id)").run()
        }
        try? FileManager.default.removeItem(atPath: path(of: id))
    }

    /// The attachment with this id, or nil.
    public func attachment(_ id: String) async throws -> Attachment? {
        guard Self.isID(id) else { return nil }
        return try await store.engine.read { db in
            guard let row = try await db.raw("""
                SELECT media_type, size, width, height, uploaded_by, created_at FROM attachments WHERE sha256 = \(bind: id)
                """).first() else { return nil }
            return Attachment(
                id: id,
                mediaType: try row.decode(column: "media_type", as: String.self),
                size: try row.decode(column: "size", as: Int.self),
                width: try row.decode(column: "width", as: Int?.self),
                height: try row.decode(column: "height", as: Int?.self),
                uploadedBy: try row.decode(column: "uploaded_by", as: String?.self),
                createdAt: Date(millis: try row.decode(column: "created_at", as: Int64.self))
            )
        }
    }

    /// Whether an attachment (or a photo kept before attachments existed) has this id.
    public func contains(_ id: String) async throws -> Bool {
        guard Self.isID(id) else { return false }
        if try await attachment(id) != nil { return true }
        return try await store.photo(id) != nil
    }

    /// The media type and bytes of an attachment, or of a photo the web forms kept in the
    /// database before attachments existed; nil when there is none or its file is gone.
    public func content(_ id: String) async throws -> StoredPhoto? {
        guard Self.isID(id) else { return nil }
        if let attachment = try await attachment(id) {
            guard let bytes = FileManager.default.contents(atPath: path(of: id)) else { return nil }
            return StoredPhoto(contentType: attachment.mediaType, bytes: bytes)
        }
        return try await store.photo(id)
    }

    /// Writes the file under a temporary name and renames it into place; true when this
    /// call created it (false: the same bytes were already there).
    private func writeFile(_ bytes: Data, id: String) throws -> Bool {
        let target = path(of: id)
        let manager = FileManager.default
        if let existing = manager.contents(atPath: target), existing == bytes { return false }
        let folder = (target as NSString).deletingLastPathComponent
        try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = (folder as NSString).appendingPathComponent(".\(id.dropFirst(2)).\(UUID().uuidString).partial")
        do {
            try bytes.write(to: URL(fileURLWithPath: temporary))
            // On disk before its row is committed (the database commits durably), so a
            // crash never leaves a row that names a missing or partial file: the file's
            // bytes, then its name in the folder.
            try Self.flush(temporary)
            guard rename(temporary, target) == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target]) }
            try Self.flush(folder)
        } catch {
            try? manager.removeItem(atPath: temporary)
            throw error
        }
        return true
    }

    /// fsync of a file or a folder.
    private static func flush(_ path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
    }
}
