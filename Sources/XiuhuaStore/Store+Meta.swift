import SQLKit

extension Store {
    /// A value from the store's small key-value table (district code, demo seed marker …).
    public func meta(_ key: String) async throws -> String? {
        try await engine.read { db in
            try await db.raw("SELECT value FROM meta WHERE key = \(bind: key)").first()?.decode(column: "value", as: String.self)
        }
    }

    public func setMeta(_ key: String, _ value: String) async throws {
        try await engine.write { db in
            try await Store.setMeta(key, value, in: db)
        }
    }

    static func setMeta(_ key: String, _ value: String, in db: any SQLDatabase) async throws {
        try await db.raw("INSERT INTO meta (key, value) VALUES (\(bind: key), \(bind: value)) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run()
    }
}
