import Foundation
import SQLKit

/// Applies the named, ordered list of migrations that a database has not seen yet.
///
/// Each migration runs in its own transaction together with the row that records it, so a
/// failed migration leaves the database at the previous step.
public struct Migrator: Sendable {
    public let migrations: [Migration]

    public init(_ migrations: [Migration] = Migrations.all) {
        self.migrations = migrations
    }

    /// Applies what is missing and returns the names applied now, in order.
    @discardableResult
    public func migrate(_ engine: any DatabaseEngine) async throws -> [String] {
        try await engine.write { db in
            try await db.raw("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)").run()
        }
        let applied = try await appliedNames(engine)
        var appliedNow: [String] = []
        for migration in migrations where !applied.contains(migration.name) {
            try await engine.write { db in
                for statement in migration.sqliteStatements {
                    try await db.raw(SQLQueryString(statement)).run()
                }
                let now = ISO8601DateFormatter().string(from: Date())
                try await db.raw("INSERT INTO schema_migrations (name, applied_at) VALUES (\(bind: migration.name), \(bind: now))").run()
            }
            appliedNow.append(migration.name)
        }
        return appliedNow
    }

    /// Names of migrations not yet applied (empty when the schema is current).
    public func pending(_ engine: any DatabaseEngine) async throws -> [String] {
        let applied = try await appliedNames(engine)
        return migrations.map(\.name).filter { !applied.contains($0) }
    }

    private func appliedNames(_ engine: any DatabaseEngine) async throws -> Set<String> {
        try await engine.read { db in
            let exists = try await db.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").all()
            guard !exists.isEmpty else { return [] }
            let rows = try await db.raw("SELECT name FROM schema_migrations").all()
            return Set(try rows.map { try $0.decode(column: "name", as: String.self) })
        }
    }
}
