import Foundation
import SQLKit
import Testing
import XiuhuaStore

@Suite("Store opening and migrations")
struct StoreMigrationTests {
    @Test("opening a missing directory creates it and the database file, and applies every migration in order")
    func freshOpen() async throws {
        try await TemporaryDirectory.with { directory in
            #expect(!FileManager.default.fileExists(atPath: directory.path))
            let store = try await directory.open()
            #expect(FileManager.default.fileExists(atPath: directory.databasePath))

            let recorded = try await store.engine.read { db in
                try await db.raw("SELECT name, applied_at FROM schema_migrations ORDER BY rowid").all()
                    .map { [try $0.decode(column: "name", as: String.self), try $0.decode(column: "applied_at", as: String.self)] }
            }
            #expect(recorded.map { $0[0] } == Migrations.all.map(\.name))
            #expect(recorded.allSatisfy { !$0[1].isEmpty })
            #expect(try await Migrator().pending(store.engine).isEmpty)

            let tables = try await store.engine.read { db in
                try await db.raw("SELECT name FROM sqlite_master WHERE type = 'table'").all()
                    .map { try $0.decode(column: "name", as: String.self) }
            }
            #expect(Set(tables).isSuperset(of: ["meta", "regions", "commands", "departments", "schema_migrations"]))
            await store.close()
        }
    }

    @Test("a second open applies nothing and a second migrate run returns no names", arguments: Backend.all)
    func secondOpen(backend: Backend) async throws {
        try await TemporaryDirectory.with(backend: backend) { directory in
            try await directory.open().close()
            let store = try await directory.open(migrate: false)
            #expect(try await Migrator().pending(store.engine).isEmpty)
            #expect(try await Migrator().migrate(store.engine).isEmpty)
            let count = try await store.engine.read { db in
                try await db.raw("SELECT COUNT(*) AS n FROM schema_migrations").first()?.decode(column: "n", as: Int.self)
            }
            #expect(count == Migrations.all.count, "each migration is recorded once")
            await store.close()
        }
    }

    @Test("a store opened without migrating has every migration pending, and migrating applies them in order", arguments: Backend.all)
    func pendingBeforeMigrate(backend: Backend) async throws {
        try await TemporaryDirectory.with(backend: backend) { directory in
            let store = try await directory.open(migrate: false)
            #expect(try await Migrator().pending(store.engine) == Migrations.all.map(\.name))
            #expect(try await Migrator().migrate(store.engine) == Migrations.all.map(\.name))
            #expect(try await Migrator().pending(store.engine).isEmpty)
            await store.close()
        }
    }

    @Test("a migration added later is the only one applied on the next run", arguments: Backend.all)
    func laterMigration(backend: Backend) async throws {
        try await withTemporaryStore(backend: backend) { store, _ in
            let extended = Migrator(Migrations.all + [Migration("999_test_extra", sqlite: ["CREATE TABLE extra (x INTEGER) STRICT"], postgres: ["CREATE TABLE extra (x BIGINT)"])])
            let pendingBefore = try await extended.pending(store.engine)
            let applied = try await extended.migrate(store.engine)
            let pendingAfter = try await extended.pending(store.engine)
            #expect(pendingBefore == ["999_test_extra"])
            #expect(applied == ["999_test_extra"])
            #expect(pendingAfter.isEmpty)
        }
    }

    @Test("a failing migration is not recorded and leaves none of its statements behind", arguments: Backend.all)
    func failingMigration(backend: Backend) async throws {
        try await withTemporaryStore(backend: backend) { store, _ in
            let broken = Migrator(Migrations.all + [Migration("999_broken", sqlite: [
                "CREATE TABLE half_done (x INTEGER) STRICT",
                "THIS IS NOT SQL",
            ], postgres: [
                "CREATE TABLE half_done (x BIGINT)",
                "THIS IS NOT SQL",
            ])])
            await #expect(throws: (any Error).self) { try await broken.migrate(store.engine) }
            let pending = try await broken.pending(store.engine)
            #expect(pending == ["999_broken"])
            let leftover = try await tableExists("half_done", in: store)
            #expect(!leftover)
        }
    }

    @Test("the database runs in WAL mode with foreign keys enforced on the writer")
    func pragmas() async throws {
        try await withTemporaryStore { store, _ in
            let mode = try await store.engine.read { db in
                try await db.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
            }
            #expect(mode?.lowercased() == "wal")
            let foreignKeys = try await store.engine.write { db in
                try await db.raw("PRAGMA foreign_keys").first()?.decode(column: "foreign_keys", as: Int.self)
            }
            #expect(foreignKeys == 1)
        }
    }

    @Test("reader connections refuse to write")
    func readersAreReadOnly() async throws {
        try await withTemporaryStore { store, _ in
            await #expect(throws: (any Error).self) {
                try await store.engine.read { db in
                    try await db.raw("INSERT INTO meta (key, value) VALUES ('k', 'v')").run()
                }
            }
            let written = try await store.meta("k")
            #expect(written == nil)
        }
    }

    @Test("a data directory that is a file is refused as unusable")
    func unusableDirectory() async throws {
        try await TemporaryDirectory.with { directory in
            try FileManager.default.createDirectory(atPath: directory.path, withIntermediateDirectories: true)
            let file = (directory.path as NSString).appendingPathComponent("not-a-directory")
            #expect(FileManager.default.createFile(atPath: file, contents: Data("x".utf8)))
            await #expect {
                _ = try await Store.openSQLite(dataDirectory: file, logger: quietLogger)
            } throws: { error in
                guard case StoreError.unusableDataDirectory(let path, _) = error else { return false }
                return path == file
            }
        }
    }
}
