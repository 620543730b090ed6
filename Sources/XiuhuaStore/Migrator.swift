import Foundation
import SQLKit

/// Applies the named, ordered list of migrations that a database has not seen yet.
///
/// Each migration runs in its own transaction together with the row that records it, so a
/// failed migration leaves the database at the previous step.
///
/// On PostgreSQL several servers may start at once against one database: each step takes
/// a transaction-scoped advisory lock and checks again that it is still missing, so it is
/// applied by exactly one of them and the others see it recorded.
public struct Migrator: Sendable {
    public let migrations: [Migration]

    public init(_ migrations: [Migration] = Migrations.all) {
        self.migrations = migrations
    }

    /// Applies what is missing and returns the names applied now, in order.
    @discardableResult
    public func migrate(_ engine: any DatabaseEngine) async throws -> [String] {
        let dialect = engine.dialect
        let isPostgres = dialect == "postgresql"
        // A current schema is the usual case (every CLI command and server start checks it),
        // and finding that out must not take the write lock: on SQLite under heavy intake a
        // writer can wait past the busy timeout for it, which would fail `xiuhua backup`.
        if try await pending(engine).isEmpty { return [] }
        try await engine.write { db in
            if isPostgres { try await db.raw("SELECT pg_advisory_xact_lock(\(literal: Self.advisoryLock))").run() }
            try await db.raw("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)").run()
        }
        let applied = try await appliedNames(engine)
        var appliedNow: [String] = []
        for migration in migrations where !applied.contains(migration.name) {
            let statements = try migration.statements(for: dialect)
            let didApply = try await engine.write { db in
                if isPostgres {
                    try await db.raw("SELECT pg_advisory_xact_lock(\(literal: Self.advisoryLock))").run()
                    let done = try await db.raw("SELECT 1 AS x FROM schema_migrations WHERE name = \(bind: migration.name)").first()
                    if done != nil { return false }
                }
                for statement in statements {
                    try await db.raw(SQLQueryString(statement)).run()
                }
                let now = ISO8601DateFormatter().string(from: Date())
                try await db.raw("INSERT INTO schema_migrations (name, applied_at) VALUES (\(bind: migration.name), \(bind: now))").run()
                return true
            }
            if didApply { appliedNow.append(migration.name) }
        }
        return appliedNow
    }

    /// The advisory lock key that serialises migrations across servers ("xiuhua-m" in ASCII).
    static let advisoryLock: Int64 = 0x7869_7568_7561_2D6D

    /// Names of migrations not yet applied (empty when the schema is current).
    public func pending(_ engine: any DatabaseEngine) async throws -> [String] {
        let applied = try await appliedNames(engine)
        return migrations.map(\.name).filter { !applied.contains($0) }
    }

    private func appliedNames(_ engine: any DatabaseEngine) async throws -> Set<String> {
        guard try await hasMigrationTable(engine) else { return [] }
        return try await engine.read { db in
            let rows = try await db.raw("SELECT name FROM schema_migrations").all()
            return Set(try rows.map { try $0.decode(column: "name", as: String.self) })
        }
    }

    private func hasMigrationTable(_ engine: any DatabaseEngine) async throws -> Bool {
        try await engine.read { db in
            let exists: SQLQueryString = db.dialect.name == "postgresql"
                ? "SELECT 1 AS x WHERE to_regclass('schema_migrations') IS NOT NULL"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
            return try await db.raw(exists).first() != nil
        }
    }
}
