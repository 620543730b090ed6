import Foundation
import SQLKit
import Xiuhua

/// What running Xiuhua needs from the store: backups, readiness and the figures for metrics.
extension Store {
    /// Writes a consistent copy of the whole database to `path` (which must not exist)
    /// with SQLite's `VACUUM INTO`. It reads one snapshot, like any reader in WAL mode, so
    /// writers carry on meanwhile and every commit acknowledged before it began is in the copy.
    public func backup(to path: String) async throws {
        guard let sqlite = engine as? SQLiteEngine else {
            throw StoreError.unsupported("online backup of \(engine.dialect): use the database's own tools (pg_dump)")
        }
        if FileManager.default.fileExists(atPath: path) {
            throw StoreError.unsupported("the backup file exists already: \(path)")
        }
        try await sqlite.vacuum(into: path)
    }

    /// Which database the store speaks to, for /readyz and logs: `sqlite PATH` or
    /// `postgresql HOST:PORT/DATABASE` (never a password).
    public var databaseName: String {
        switch engine {
        case let postgres as PostgresEngine: "postgresql \(postgres.location)"
        case let sqlite as SQLiteEngine: "sqlite \(sqlite.path)"
        default: engine.dialect
        }
    }

    /// Nil when the database answers and its schema is current; otherwise why not.
    public func notReadyReason() async -> String? {
        do {
            _ = try await engine.read { db in try await db.raw("SELECT 1 AS one").first()?.decode(column: "one", as: Int.self) }
        } catch {
            return "database unreachable: \(error)"
        }
        do {
            let pending = try await Migrator().pending(engine)
            return pending.isEmpty ? nil : "migrations pending: \(pending.joined(separator: ", "))"
        } catch {
            return "cannot read the schema version: \(error)"
        }
    }

    /// How many cases are in each state (states without cases are absent).
    public func caseCountsByState() async throws -> [CaseState: Int] {
        try await engine.read { db in
            var counts: [CaseState: Int] = [:]
            for row in try await db.raw("SELECT state, COUNT(*) AS n FROM cases GROUP BY state").all() {
                guard let state = CaseState(rawValue: try row.decode(column: "state", as: String.self)) else { continue }
                counts[state] = try row.decode(column: "n", as: Int.self)
            }
            return counts
        }
    }

    /// Open, running (not suspended) cases whose current stage is past its deadline at `now`.
    public func overdueCaseCount(at now: Date) async throws -> Int {
        try await engine.read { db in
            try await db.raw("""
                SELECT COUNT(*) AS n FROM cases
                WHERE stage_deadline IS NOT NULL AND suspended = 0 AND stage_deadline < \(bind: now.millis)
                """).first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }
}

extension Store {
    /// True when this server should run the once-per-tick jobs (the overdue scan and its
    /// reminders) now. On SQLite the database belongs to one server, which always does; on
    /// PostgreSQL one server among all holds the lease, and another takes it over when the
    /// holder dies.
    public func holdsLease(_ name: String) async -> Bool {
        guard let postgres = engine as? PostgresEngine else { return true }
        return await postgres.holdLease(name)
    }
}
