import SQLKit

extension SQLDatabase {
    /// True on PostgreSQL: for the few statements the store writes per dialect (locks,
    /// string functions, SQLite's index steering).
    var isPostgres: Bool { dialect.name == "postgresql" }

    /// ` FOR UPDATE` on PostgreSQL, nothing on SQLite: appended to the SELECT that a write
    /// transaction reads a row with before changing it. SQLite runs write transactions one
    /// at a time, so a read there already sees the last word; PostgreSQL at READ COMMITTED
    /// would let two transactions read the same row and the later write lose the earlier one.
    var forUpdate: SQLQueryString { isPostgres ? " FOR UPDATE" : "" }

    /// Makes write transactions that name the same `key` take turns, until this one ends:
    /// for checks no single row can be locked for — "the next number of the year", "a free
    /// seat in this slot". A transaction-scoped advisory lock on PostgreSQL; nothing on
    /// SQLite, whose write transactions already take turns.
    /// The first key of the two-key advisory locks `takeTurns` takes ("turn").
    static var takeTurnsSpace: Int32 { 0x7475_726E }

    func takeTurns(on key: String) async throws {
        guard isPostgres else { return }
        // The schema is part of the key: servers (and tests) on other schemas of the same
        // database never wait on each other.
        try await raw("SELECT pg_advisory_xact_lock(\(literal: Self.takeTurnsSpace), hashtext(current_schema() || ':' || \(bind: key)))").run()
    }
}

extension DatabaseEngine {
    var isPostgres: Bool { dialect == "postgresql" }
}
