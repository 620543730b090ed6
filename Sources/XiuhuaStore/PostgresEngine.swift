import Foundation
import Logging
import NIOCore
import PostgresKit
import PostgresNIO
import SQLKit

/// The shared engine: a PostgreSQL database that several Xiuhua servers may use at once.
///
/// A pool of connections; every write is its own transaction at READ COMMITTED. SQLite
/// serialises all writers through one connection, so the store never had to think about
/// two writers at once; here it does, and the store takes the locks that matter:
/// - the day's case counter is an upsert, whose row lock makes a second intake wait for
///   the first to commit and then read its value, so numbers stay unique and gap-free;
/// - acting on a case reads it `FOR UPDATE`, so its version, its event sequence and its
///   hash chain advance one writer at a time (a second actor waits, then sees the new
///   version);
/// - the evaluation tallies are read-modify-write over rows that may not exist yet, which
///   row locks cannot cover, so each period's tallies are guarded by a transaction-scoped
///   advisory lock taken in a fixed order.
/// Locks taken in different orders by batches can still deadlock; PostgreSQL then aborts
/// one transaction, and `write` runs it again from the start (as it does for a
/// serialization failure), which is safe because nothing of it was committed.
public final class PostgresEngine: DatabaseEngine {
    public let dialect = "postgresql"
    /// host:port/database, for /readyz and logs (never the password).
    public let location: String
    private let client: PostgresClient
    private let runTask: Task<Void, Never>
    private let logger: Logger
    private let leases = LeaseRegistry()

    /// How often a transaction aborted by a deadlock or serialization failure is retried.
    static let maximumAttempts = 5
    /// How long a request waits for a connection before it is told the database is
    /// unavailable. The pool keeps trying to reconnect meanwhile, so requests succeed again
    /// once the database is back, without restarting the server.
    static let leaseTimeout: Duration = .seconds(5)

    /// Connects to the database at `url` (`postgres://user:password@host:port/database`,
    /// `?sslmode=disable|prefer|require`). With `schema`, every connection works in that
    /// schema (tests give each store a fresh one). Fails at once if the database cannot be
    /// reached.
    public static func connect(
        url: String, schema: String? = nil, maximumConnections: Int = 10, logger: Logger
    ) async throws -> PostgresEngine {
        let parsed = try PostgresURL(url)
        var configuration = PostgresClient.Configuration(
            host: parsed.host, port: parsed.port, username: parsed.user, password: parsed.password,
            database: parsed.database, tls: parsed.tls
        )
        configuration.options.maximumConnections = maximumConnections
        configuration.options.connectTimeout = .seconds(5)
        // The application name shows in pg_stat_activity, so operators (and tests) can
        // tell Xiuhua's connections, and one schema's, apart.
        configuration.options.additionalStartupParameters = [("application_name", schema.map { "xiuhua/\($0)" } ?? "xiuhua")]
        if let schema {
            configuration.options.additionalStartupParameters.append(("search_path", schema))
        }
        // Times are stored as epoch milliseconds; the session zone only shows in logs.
        configuration.options.additionalStartupParameters.append(("TimeZone", "UTC"))
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        let runTask = Task { await client.run() }
        let engine = PostgresEngine(client: client, runTask: runTask, location: parsed.location, logger: logger)
        do {
            _ = try await engine.read { db in try await db.raw("SELECT 1 AS one").first() }
        } catch {
            await engine.close()
            throw error
        }
        return engine
    }

    private init(client: PostgresClient, runTask: Task<Void, Never>, location: String, logger: Logger) {
        self.client = client
        self.runTask = runTask
        self.location = location
        self.logger = logger
    }

    /// Runs `body` in one transaction on a pooled connection: committed whole, or rolled
    /// back. Retried from the start when PostgreSQL aborts it for a deadlock or a
    /// serialization failure.
    public func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await withConnection { connection in
                    let db = connection.sql(queryLogLevel: nil)
                    try await db.raw("BEGIN").run()
                    let value: T
                    do {
                        value = try await body(db)
                    } catch {
                        try? await db.raw("ROLLBACK").run()
                        throw error
                    }
                    try await db.raw("COMMIT").run()
                    return value
                }
            } catch let error as PSQLError where Self.isRetryable(error) && attempt < Self.maximumAttempts {
                logger.debug("transaction aborted (\(error.serverInfo?[.sqlState] ?? "?")), retrying", metadata: ["attempt": "\(attempt)"])
                attempt += 1
                try await Task.sleep(for: .milliseconds(Int.random(in: 5...(20 * attempt))))
            } catch let error as PSQLError {
                throw PostgresEngineError(error)
            }
        }
    }

    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        do {
            return try await withConnection { connection in
                try await body(connection.sql(queryLogLevel: nil))
            }
        } catch let error as PSQLError {
            throw PostgresEngineError(error)
        }
    }

    /// Runs `body` on a pooled connection, or throws `PostgresEngineError.unavailable` when
    /// none is had within `leaseTimeout` (the pool waits for a reconnect without limit).
    /// Once `body` has its connection the timer no longer applies: a transaction is never
    /// cut off by it halfway.
    private func withConnection<R: Sendable>(_ body: @Sendable (PostgresConnection) async throws -> R) async throws -> R {
        let lease = LeaseRace()
        let client = self.client
        let location = self.location
        return try await withoutActuallyEscaping(body) { body in
            try await withThrowingTaskGroup(of: R?.self) { group in
                group.addTask {
                    try await client.withConnection { connection in
                        guard lease.leased() else { throw CancellationError() }
                        return try await body(connection)
                    }
                }
                group.addTask {
                    try? await Task.sleep(for: Self.leaseTimeout)
                    if lease.timedOut() { throw PostgresEngineError.unavailable(location) }
                    return nil
                }
                while let next = try await group.next() {
                    if let value = next {
                        group.cancelAll()
                        return value
                    }
                }
                throw CancellationError()
            }
        }
    }

    /// True when this server holds the lease `name` among all servers on the database
    /// (see `PostgresLease`); takes it when it is free.
    public func holdLease(_ name: String) async -> Bool {
        await leases.lease(name).hold(using: client)
    }

    public func close() async {
        await leases.releaseAll()
        runTask.cancel()
        _ = await runTask.value
    }

    /// 40001 serialization_failure, 40P01 deadlock_detected: the transaction did nothing.
    static func isRetryable(_ error: PSQLError) -> Bool {
        guard let state = error.serverInfo?[.sqlState] else { return false }
        return state == "40001" || state == "40P01"
    }
}

/// The leases this engine has asked for, by name.
private actor LeaseRegistry {
    private var leases: [String: PostgresLease] = [:]

    func lease(_ name: String) -> PostgresLease {
        if let lease = leases[name] { return lease }
        let lease = PostgresLease(name: name)
        leases[name] = lease
        return lease
    }

    func releaseAll() async {
        for lease in leases.values { await lease.release() }
    }
}

/// Decides, exactly once, whether a request got its connection before its time ran out.
private final class LeaseRace: @unchecked Sendable {
    private let lock = NSLock()
    private var decided: Bool?

    /// The connection arrived: true unless the time had run out before.
    func leased() -> Bool { decide(true) }
    /// The time ran out: true unless the connection had arrived before.
    func timedOut() -> Bool { !decide(false) }

    private func decide(_ leased: Bool) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if decided == nil { decided = leased }
        return decided!
    }
}

/// An error from PostgreSQL, with the server's message (PostgresNIO's own description
/// hides it, which leaves operators and tests guessing).
public struct PostgresEngineError: Error, CustomStringConvertible, Sendable {
    /// The SQLSTATE code, e.g. 23505 for a unique violation; nil when the connection failed.
    public let sqlState: String?
    public let message: String
    /// True when no connection could be had: the database is down or unreachable, and the
    /// request may be tried again later (HTTP 503).
    public let isUnavailable: Bool

    static func unavailable(_ location: String) -> PostgresEngineError {
        PostgresEngineError(
            sqlState: nil, isUnavailable: true,
            message: "数据库暂时不可用 (database unavailable): no connection to \(location) within \(leaseTimeoutText)"
        )
    }

    private static let leaseTimeoutText = "\(PostgresEngine.leaseTimeout.components.seconds) s"

    private init(sqlState: String?, isUnavailable: Bool, message: String) {
        self.sqlState = sqlState
        self.isUnavailable = isUnavailable
        self.message = message
    }

    init(_ error: PSQLError) {
        sqlState = error.serverInfo?[.sqlState]
        // Class 08 is a connection exception; 57P01–57P03 are the server shutting down or
        // starting up; 53300 is every connection slot taken: all of them pass.
        isUnavailable = error.serverInfo == nil
            || sqlState.map { $0.hasPrefix("08") || $0.hasPrefix("57P0") || $0 == "53300" } ?? false
        let text = error.serverInfo?[.message].map { $0 + (error.serverInfo?[.detail].map { " (\($0))" } ?? "") } ?? "\(error.code)"
        message = isUnavailable ? "数据库暂时不可用 (database unavailable): \(text)" : text
    }

    public var description: String {
        isUnavailable ? message : "PostgreSQL: \(message)" + (sqlState.map { " [\($0)]" } ?? "")
    }
}

/// The parts of a `postgres://` URL.
struct PostgresURL {
    let host: String
    let port: Int
    let user: String
    let password: String?
    let database: String?
    let tls: PostgresClient.Configuration.TLS
    var location: String { "\(host):\(port)/\(database ?? user)" }

    init(_ text: String) throws {
        guard let url = URLComponents(string: text), ["postgres", "postgresql"].contains(url.scheme ?? ""),
              let host = url.host, !host.isEmpty, let user = url.user, !user.isEmpty
        else {
            throw StoreError.unsupported("not a PostgreSQL URL (postgres://user:password@host:port/database): \(Self.redacted(text))")
        }
        self.host = host
        self.port = url.port ?? 5432
        self.user = user.removingPercentEncoding ?? user
        self.password = url.password.map { $0.removingPercentEncoding ?? $0 }
        let path = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
        self.database = path.isEmpty ? nil : path
        switch url.queryItems?.last(where: { $0.name == "sslmode" })?.value ?? "prefer" {
        case "disable": tls = .disable
        case "prefer", "allow": tls = .prefer(.makeClientConfiguration())
        case "require", "verify-ca", "verify-full": tls = .require(.makeClientConfiguration())
        case let other: throw StoreError.unsupported("unknown sslmode \(other) (disable, prefer or require)")
        }
    }

    /// The URL without its password, for messages.
    static func redacted(_ text: String) -> String {
        guard var url = URLComponents(string: text), url.password != nil else { return text }
        url.password = "***"
        return url.string ?? text
    }
}
