/// One step of the schema, applied once and recorded by name.
///
/// A step carries its statements for each engine: the two dialects differ in types
/// (PostgreSQL's INTEGER is 32 bits, so epoch milliseconds are BIGINT there), in table
/// options (STRICT, WITHOUT ROWID are SQLite's) and in how triggers are written.
public struct Migration: Sendable {
    public let name: String
    public let sqliteStatements: [String]
    /// Nil for a step written for SQLite only: the PostgreSQL migrator refuses it by name
    /// rather than guess a translation.
    public let postgresStatements: [String]?

    public init(_ name: String, sqlite: [String], postgres: [String]) {
        self.name = name
        self.sqliteStatements = sqlite
        self.postgresStatements = postgres
    }

    /// A step for SQLite only; a PostgreSQL database cannot be migrated past it.
    public init(_ name: String, sqlite: [String]) {
        self.name = name
        self.sqliteStatements = sqlite
        self.postgresStatements = nil
    }

    /// The statements for `dialect` ("sqlite" or "postgresql").
    func statements(for dialect: String) throws -> [String] {
        if dialect == "postgresql" {
            guard let postgresStatements else { throw MigrationError.noStatements(migration: name, dialect: dialect) }
            return postgresStatements
        }
        return sqliteStatements
    }
}

/// Why the migrator stopped before applying anything of a step.
public enum MigrationError: Error, CustomStringConvertible, Sendable {
    case noStatements(migration: String, dialect: String)

    public var description: String {
        switch self {
        case .noStatements(let migration, let dialect):
            "迁移 \(migration) 没有 \(dialect) 语句 (migration \(migration) has no \(dialect) statements; it was written for SQLite only)"
        }
    }
}
