import Foundation
import Logging
import SQLKit
import Testing
import XiuhuaStore

/// The engines the store's contract is checked against. PostgreSQL joins when
/// `XIUHUA_TEST_POSTGRES_URL` names a database to make schemas in (scripts/test starts one
/// with scripts/with-postgres).
enum Backend: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case sqlite
    case postgres

    static let postgresURL = ProcessInfo.processInfo.environment["XIUHUA_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// SQLite always; PostgreSQL when a test database is given.
    static let all: [Backend] = postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]

    var testDescription: String { rawValue }
}

/// A fresh, empty place for one test's store, removed afterwards: a data directory for
/// SQLite, a schema of its own for PostgreSQL.
struct TemporaryDirectory {
    let backend: Backend
    let path: String
    /// The PostgreSQL schema (unique per test, so tests never see each other's rows).
    let schema: String

    init(backend: Backend = .sqlite) {
        self.backend = backend
        let id = UUID().uuidString
        path = FileManager.default.temporaryDirectory.appendingPathComponent("xiuhua-store-test-\(id)").path
        schema = "test_" + id.lowercased().replacingOccurrences(of: "-", with: "_")
    }

    var databasePath: String { (path as NSString).appendingPathComponent("xiuhua.sqlite") }

    /// Runs `body` with the directory (or schema), then removes it whatever happened.
    static func with<T>(backend: Backend = .sqlite, _ body: (TemporaryDirectory) async throws -> T) async throws -> T {
        let directory = TemporaryDirectory(backend: backend)
        if backend == .postgres { try await directory.administer("CREATE SCHEMA \(ident: directory.schema)") }
        do {
            let result = try await body(directory)
            await directory.remove()
            return result
        } catch {
            await directory.remove()
            throw error
        }
    }

    private func remove() async {
        switch backend {
        case .sqlite: try? FileManager.default.removeItem(atPath: path)
        case .postgres: try? await administer("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE")
        }
    }

    /// Runs one statement on the test database outside any test's schema.
    private func administer(_ statement: SQLQueryString) async throws {
        let engine = try await PostgresEngine.connect(url: try #require(Backend.postgresURL), maximumConnections: 1, logger: quietLogger)
        do {
            try await engine.write { db in try await db.raw(statement).run() }
            await engine.close()
        } catch {
            await engine.close()
            throw error
        }
    }

    func open(migrate: Bool = true) async throws -> Store {
        switch backend {
        case .sqlite:
            try await Store.openSQLite(dataDirectory: path, logger: quietLogger, migrate: migrate)
        case .postgres:
            try await Store.openPostgres(url: try #require(Backend.postgresURL), schema: schema, logger: quietLogger, migrate: migrate)
        }
    }
}

/// Runs `body` with a migrated store in a fresh directory (or schema); closes the store
/// and removes the directory afterwards.
func withTemporaryStore<T>(backend: Backend = .sqlite, _ body: (Store, TemporaryDirectory) async throws -> T) async throws -> T {
    try await TemporaryDirectory.with(backend: backend) { directory in
        let store = try await directory.open()
        do {
            let result = try await body(store, directory)
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }
}

/// Whether table `name` exists in the store's database (or schema).
func tableExists(_ name: String, in store: Store) async throws -> Bool {
    try await store.engine.read { db in
        let query: SQLQueryString = db.dialect.name == "postgresql"
            ? "SELECT 1 AS x WHERE to_regclass(\(bind: name)) IS NOT NULL"
            : "SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = \(bind: name)"
        return try await db.raw(query).first() != nil
    }
}

let quietLogger: Logger = {
    var logger = Logger(label: "xiuhua.store-tests")
    logger.logLevel = .critical
    return logger
}()
