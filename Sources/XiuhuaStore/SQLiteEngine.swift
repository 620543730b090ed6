import Foundation
import Logging
import NIOCore
import SQLKit
import SQLiteKit

/// The embedded engine: one SQLite file in WAL mode.
///
/// SQLite allows one writer at a time and many readers beside it in WAL mode, so there is
/// one writer connection, shared by concurrent writers through group commit, and a few
/// reader connections.
public final class SQLiteEngine: DatabaseEngine {
    public let dialect = "sqlite"
    /// FULL: each commit is on disk before it is acknowledged, even across a power cut.
    /// `XIUHUA_SQLITE_SYNCHRONOUS=NORMAL` trades that for speed (safe across a process crash).
    public static let defaultSynchronous = ProcessInfo.processInfo.environment["XIUHUA_SQLITE_SYNCHRONOUS"] == "NORMAL" ? "NORMAL" : "FULL"
    public let path: String
    private let writer: SQLiteConnection
    private let readers: [SQLiteConnection]
    private let groupCommit = GroupCommit()
    private let nextReader = ReaderCursor()

    /// Opens (creating if needed) the database file at `path`.
    public static func open(path: String, readers readerCount: Int = 2, logger: Logger) async throws -> SQLiteEngine {
        let writer = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        var readers: [SQLiteConnection] = []
        // A connection released without `close()` traps in SQLiteNIO, so a failure while
        // setting up (a busy lock, a read-only file) closes what was opened before throwing.
        do {
            // WAL lets readers run beside the writer; synchronous (see `defaultSynchronous`)
            // decides when a commit is on disk; busy_timeout makes a second process wait for
            // the lock instead of failing at once. Every writer works inside a SAVEPOINT (see
            // `write`), so SQLite copies each page it changes into a savepoint journal first;
            // temp_store=MEMORY keeps that journal in memory instead of a temporary file (it
            // only serves ROLLBACK TO inside the open transaction, never crash recovery, which
            // is the WAL's), saving a write system call per page.
            for pragma in [
                "PRAGMA journal_mode=WAL", "PRAGMA synchronous=\(defaultSynchronous)", "PRAGMA busy_timeout=5000", "PRAGMA foreign_keys=ON",
                "PRAGMA temp_store=MEMORY",
            ] {
                _ = try await writer.query(pragma, [])
            }
            for _ in 0..<max(1, readerCount) {
                let reader = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
                readers.append(reader)
                _ = try await reader.query("PRAGMA busy_timeout=5000", [])
                _ = try await reader.query("PRAGMA query_only=ON", [])
            }
        } catch {
            for connection in readers + [writer] { try? await connection.close() }
            throw error
        }
        return SQLiteEngine(path: path, writer: writer, readers: readers)
    }

    private init(path: String, writer: SQLiteConnection, readers: [SQLiteConnection]) {
        self.path = path
        self.writer = writer
        self.readers = readers
    }

    /// Runs `body` atomically and durably. Concurrent writers share one commit (see
    /// `GroupCommit`); each still sees the effects of the writers before it, as if alone.
    public func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let db = writer.sql(queryLogLevel: nil)
        await groupCommit.acquire()
        if await !groupCommit.transactionOpen {
            do {
                try await db.raw("BEGIN IMMEDIATE").run()
            } catch {
                await groupCommit.batchFinished(.failure(error))
                throw error
            }
            await groupCommit.transactionBegan()
        }
        let result: Result<T, any Error>
        do {
            try await db.raw("SAVEPOINT writer").run()
            let value = try await body(db)
            try await db.raw("RELEASE writer").run()
            result = .success(value)
        } catch {
            do {
                try await db.raw("ROLLBACK TO writer").run()
                try await db.raw("RELEASE writer").run()
            } catch {
                // Some failures (disk full, I/O error) make SQLite roll back the whole
                // transaction: the batch is gone, so every writer in it fails.
                try? await db.raw("ROLLBACK").run()
                await groupCommit.batchFinished(.failure(error))
                throw error
            }
            result = .failure(error)
        }
        let addedWork = if case .success = result { true } else { false }
        switch await groupCommit.next(addedWork: addedWork) {
        case .handOver where addedWork:
            try await groupCommit.handOverAndAwaitCommit().get()
            return try result.get()
        case .handOver:
            await groupCommit.handOver()
            return try result.get()
        case .commit:
            let outcome: Result<Void, any Error>
            do {
                try await db.raw("COMMIT").run()
                outcome = .success(())
            } catch {
                try? await db.raw("ROLLBACK").run()
                outcome = .failure(error)
            }
            await groupCommit.batchFinished(outcome)
            try outcome.get()
            return try result.get()
        }
    }

    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let reader = readers[nextReader.next(count: readers.count)]
        return try await body(reader.sql(queryLogLevel: nil))
    }

    public func close() async {
        for connection in readers + [writer] {
            try? await connection.close()
        }
    }
}

/// Round-robin choice of a reader connection.
private final class ReaderCursor: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func next(count: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        value = (value + 1) % count
        return value
    }
}
