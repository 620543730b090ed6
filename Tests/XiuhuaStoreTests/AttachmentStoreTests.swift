import Foundation
import SQLKit
import Testing
import Xiuhua
import XiuhuaStore

/// Attachments on disk beside the database: one file per distinct content, a row per
/// file, nothing half-written left behind.
@Suite("Attachment store")
struct AttachmentStoreTests {
    static let bytes = Data("not checked here: the store trusts the facts it is given".utf8)
    static let facts = ImageFacts(mediaType: "image/png", width: 4, height: 3)
    static let now = Date(timeIntervalSince1970: 1_796_000_000)

    @Test("the same bytes saved twice, even at once, are one file and one row, and only one save reports them new")
    func sameBytesOnce() async throws {
        try await withTemporaryStore { store, directory in
            let attachments = try #require(AttachmentStore(store: store))
            #expect(attachments.directory == (directory.path as NSString).appendingPathComponent("uploads"))
            let results = try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<8 {
                    group.addTask {
                        try await attachments.save(Self.bytes, facts: Self.facts, uploadedBy: "user\(index)", at: Self.now).isNew
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(results.filter { $0 }.count == 1)
            let id = AttachmentStore.id(of: Self.bytes)
            #expect(files(under: attachments.directory) == ["\(id.prefix(2))/\(id.dropFirst(2))"], "one file and no temporary ones")
            let count = try await store.engine.read { db in
                try await db.raw("SELECT COUNT(*) AS n FROM attachments").first()?.decode(column: "n", as: Int.self)
            }
            #expect(count == 1)
            let row = try #require(try await attachments.attachment(id))
            #expect(row.size == Self.bytes.count && row.mediaType == "image/png" && row.width == 4 && row.height == 3)
            #expect(row.createdAt == Self.now)
        }
    }

    @Test("the file and its row are there after the store is closed and opened again")
    func survivesRestart() async throws {
        try await TemporaryDirectory.with { directory in
            let first = try await directory.open()
            let saved = try await AttachmentStore(store: first)?.save(Self.bytes, facts: Self.facts, uploadedBy: nil, at: Self.now)
            await first.close()
            let second = try await directory.open()
            let content = try await AttachmentStore(store: second)?.content(try #require(saved).attachment.id)
            await second.close()
            #expect(content?.bytes == Self.bytes)
            #expect(content?.contentType == "image/png")
        }
    }

    @Test("when the row cannot be written, the file written for it is removed")
    func failedRowLeavesNoFile() async throws {
        try await withTemporaryStore { store, _ in
            try await store.engine.write { db in
                try await db.raw("CREATE TRIGGER refuse_attachments BEFORE INSERT ON attachments BEGIN SELECT RAISE(ABORT, 'refused'); END").run()
            }
            let attachments = try #require(AttachmentStore(store: store))
            await #expect(throws: (any Error).self) {
                try await attachments.save(Self.bytes, facts: Self.facts, uploadedBy: nil, at: Self.now)
            }
            #expect(files(under: attachments.directory).isEmpty)
        }
    }

    @Test("discarding a new attachment removes its row and its file")
    func discard() async throws {
        try await withTemporaryStore { store, _ in
            let attachments = try #require(AttachmentStore(store: store))
            let saved = try await attachments.save(Self.bytes, facts: Self.facts, uploadedBy: nil, at: Self.now)
            try await attachments.discard(saved.attachment.id)
            #expect(try await attachments.attachment(saved.attachment.id) == nil)
            #expect(try await attachments.contains(saved.attachment.id) == false)
            #expect(files(under: attachments.directory).isEmpty)
        }
    }

    @Test("photos the web forms kept in web_photos before attachments existed are still served")
    func legacyPhotos() async throws {
        try await withTemporaryStore { store, _ in
            let key = AttachmentStore.id(of: Self.bytes)
            try await store.engine.write { db in
                try await db.raw("""
                    INSERT INTO web_photos (sha256, content_type, bytes, created_at)
                    VALUES (\(bind: key), 'image/jpeg', \(bind: Self.bytes), 0)
                    """).run()
            }
            let attachments = try #require(AttachmentStore(store: store))
            #expect(try await attachments.contains(key))
            let content = try await attachments.content(key)
            #expect(content?.bytes == Self.bytes && content?.contentType == "image/jpeg")
            #expect(try await attachments.content(String(repeating: "a", count: 64)) == nil)
            #expect(try await attachments.content("../xiuhua.sqlite") == nil, "only ids are looked up, never paths")
        }
    }

    private func files(under root: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        return walker.compactMap { $0 as? String }.filter { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: (root as NSString).appendingPathComponent(path), isDirectory: &isDirectory) && !isDirectory.boolValue
        }.sorted()
    }
}
