import SQLKit

/// The connection side of a database: where the store's SQL runs.
///
/// The store's operations are written once against `SQLDatabase`; an engine decides how
/// connections are opened and how a transaction is held: `SQLiteEngine`, embedded, one
/// writer; `PostgresEngine`, shared by several servers (see docs/ARCHITECTURE.md).
public protocol DatabaseEngine: Sendable {
    /// "sqlite" or "postgresql", for the few statements that differ.
    var dialect: String { get }

    /// Runs `body` in one write transaction: all of it is committed, or none of it.
    func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T

    /// Runs `body` on a connection for reading; it sees only committed data.
    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T

    func close() async
}
