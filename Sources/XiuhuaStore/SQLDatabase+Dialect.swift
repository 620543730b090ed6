import SQLKit

extension SQLDatabase {
    /// True on PostgreSQL: for the few statements the store writes per dialect (locks,
    /// string functions, SQLite's index steering).
    var isPostgres: Bool { dialect.name == "postgresql" }
}

extension DatabaseEngine {
    var isPostgres: Bool { dialect == "postgresql" }
}
