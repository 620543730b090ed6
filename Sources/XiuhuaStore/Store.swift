import Foundation
import Logging
import SQLKit
import Synchronization
import Xiuhua
import XiuhuaGeo

/// Xiuhua's persistence: domain operations over one database, and the only place that
/// speaks SQL.
public final class Store: Sendable {
    public let engine: any DatabaseEngine
    /// Counts the committed writes of cases made through this store object, so that a
    /// reader can tell cheaply whether a cached answer may be out of date. Writes by other
    /// processes on the same database are not counted: callers that cache also bound an
    /// answer's age.
    private let caseWrites = Atomic<UInt64>(0)
    /// Coalesces concurrent intake into batches (see `Store+IntakeBatch.swift`).
    let intakeQueue = IntakeQueue()
    /// Cases handed to `createCase` and not yet committed or refused: how far the writer is
    /// behind the reports arriving (see `intakeInFlight`).
    let intakeCount = Atomic<Int>(0)

    /// Where files that belong with the data are kept (uploaded photos under `uploads/`):
    /// the SQLite file's directory, or for a shared database the data directory the server
    /// was given (every server of a district must see the same one).
    public let filesDirectory: String?

    public init(engine: any DatabaseEngine, filesDirectory: String? = nil) {
        self.engine = engine
        self.filesDirectory = filesDirectory ?? (engine as? SQLiteEngine).map { ($0.path as NSString).deletingLastPathComponent }
    }

    /// Changes after every committed write of cases by this store object.
    public var caseWriteCount: UInt64 { caseWrites.load(ordering: .acquiring) }

    /// Called after a transaction that wrote cases has committed (or failed: a spurious
    /// change only costs a cache miss).
    /// How many reports are waiting for the writer or being written now. A few under normal
    /// load; many means the reports arrive faster than cases are filed.
    public var intakeInFlight: Int { intakeCount.load(ordering: .relaxed) }

    func noteCaseWrite() {
        caseWrites.add(1, ordering: .releasing)
    }

    /// Opens the embedded store in `dataDirectory` (created if missing) and, unless told
    /// otherwise, brings its schema up to date.
    public static func openSQLite(dataDirectory: String, logger: Logger, migrate: Bool = true) async throws -> Store {
        do {
            try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        } catch {
            throw StoreError.unusableDataDirectory(dataDirectory, reason: error.localizedDescription)
        }
        let path = (dataDirectory as NSString).appendingPathComponent("xiuhua.sqlite")
        return try await Store(engine: try await SQLiteEngine.open(path: path, logger: logger)).migrated(migrate)
    }

    /// The store with its schema brought up to date (when `migrate`); closed when that
    /// fails — SQLite's connections must be closed before they are released.
    private func migrated(_ migrate: Bool) async throws -> Store {
        guard migrate else { return self }
        do {
            try await Migrator().migrate(engine)
            try await rebuildEvaluationIfNeeded()
        } catch {
            await close()
            throw error
        }
        return self
    }

    /// Opens the shared store in the PostgreSQL database at `url` and, unless told
    /// otherwise, brings its schema up to date. With `schema`, the store lives in that
    /// schema (which must exist) instead of the connection's default.
    public static func openPostgres(
        url: String, schema: String? = nil, filesDirectory: String? = nil, logger: Logger, migrate: Bool = true
    ) async throws -> Store {
        let engine = try await PostgresEngine.connect(url: url, schema: schema, logger: logger)
        return try await Store(engine: engine, filesDirectory: filesDirectory).migrated(migrate)
    }

    /// Opens the store `database` names: a `postgres://` (or `postgresql://`) URL, or else a
    /// data directory for the embedded SQLite store.
    public static func open(database: String, logger: Logger, migrate: Bool = true) async throws -> Store {
        if database.hasPrefix("postgres://") || database.hasPrefix("postgresql://") {
            return try await openPostgres(url: database, logger: logger, migrate: migrate)
        }
        return try await openSQLite(dataDirectory: database, logger: logger, migrate: migrate)
    }

    public func close() async {
        await engine.close()
    }
}

/// What the store refuses, in words a person can act on.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    case unusableDataDirectory(String, reason: String)
    case corruptRow(table: String, key: String, reason: String)
    case unsupported(String)

    public var description: String {
        switch self {
        case .unusableDataDirectory(let path, let reason):
            "数据目录不可用 (data directory unusable): \(path): \(reason)"
        case .corruptRow(let table, let key, let reason):
            "数据库记录损坏 (corrupt row) \(table)/\(key): \(reason)"
        case .unsupported(let reason):
            "无法执行 (cannot do this): \(reason)"
        }
    }
}
