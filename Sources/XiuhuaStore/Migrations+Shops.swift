extension Migrations {
    /// The shop registry, inspections, contracts, boards, notices and idle spaces
    /// (门前五包 and friends): numbers 090–099.
    static let shops: [Migration] = [
        // One row per responsible party. The credit code is the natural identity, so it
        // is unique; the id stays stable if a mistyped code is corrected.
        Migration("090_shops", sqlite: [
            """
            CREATE TABLE shops (
                id TEXT PRIMARY KEY,
                credit_code TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                licence TEXT,
                owner_name TEXT NOT NULL,
                phone TEXT NOT NULL,
                address TEXT NOT NULL,
                lat REAL NOT NULL,
                lon REAL NOT NULL,
                frontage TEXT,
                grid_code TEXT NOT NULL,
                community_code TEXT NOT NULL,
                street_code TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL
            ) STRICT
            """,
            "CREATE INDEX shops_street ON shops(street_code, name)",
        ]),
    ]
}
