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
        ], postgres: [
            """
            CREATE TABLE shops (
                id TEXT PRIMARY KEY,
                credit_code TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                licence TEXT,
                owner_name TEXT NOT NULL,
                phone TEXT NOT NULL,
                address TEXT NOT NULL,
                lat DOUBLE PRECISION NOT NULL,
                lon DOUBLE PRECISION NOT NULL,
                frontage TEXT,
                grid_code TEXT NOT NULL,
                community_code TEXT NOT NULL,
                street_code TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX shops_street ON shops(street_code, name)",
        ]),
        // Checklist inspections; the sheet (answers and scores) is kept whole as JSON beside
        // the columns a list needs. A shop with inspections cannot be deleted.
        Migration("091_inspections", sqlite: [
            """
            CREATE TABLE inspections (
                id TEXT PRIMARY KEY,
                shop_id TEXT NOT NULL REFERENCES shops(id),
                template TEXT NOT NULL,
                officer_id TEXT NOT NULL,
                officer_name TEXT NOT NULL,
                at INTEGER NOT NULL,
                lat REAL,
                lon REAL,
                score INTEGER NOT NULL,
                sheet TEXT NOT NULL
            ) STRICT
            """,
            "CREATE INDEX inspections_shop ON inspections(shop_id, at)",
            // A failed item opens at most one case. The row is claimed (case_number NULL)
            // before the case is filed, so two clicks at once cannot open two cases.
            """
            CREATE TABLE inspection_cases (
                inspection_id TEXT NOT NULL REFERENCES inspections(id),
                item TEXT NOT NULL,
                case_number TEXT,
                PRIMARY KEY (inspection_id, item)
            ) STRICT
            """,
        ], postgres: [
            """
            CREATE TABLE inspections (
                id TEXT PRIMARY KEY,
                shop_id TEXT NOT NULL REFERENCES shops(id),
                template TEXT NOT NULL,
                officer_id TEXT NOT NULL,
                officer_name TEXT NOT NULL,
                at BIGINT NOT NULL,
                lat DOUBLE PRECISION,
                lon DOUBLE PRECISION,
                score BIGINT NOT NULL,
                sheet TEXT NOT NULL
            )
            """,
            "CREATE INDEX inspections_shop ON inspections(shop_id, at)",
            // A failed item opens at most one case. The row is claimed (case_number NULL)
            // before the case is filed, so two clicks at once cannot open two cases.
            """
            CREATE TABLE inspection_cases (
                inspection_id TEXT NOT NULL REFERENCES inspections(id),
                item TEXT NOT NULL,
                case_number TEXT,
                PRIMARY KEY (inspection_id, item)
            )
            """,
        ]),
        // 门前五包 contracts, kept whole as JSON beside the columns a list filters on. A
        // contract is renewed once: `renews` is unique.
        Migration("092_duty_contracts", sqlite: [
            """
            CREATE TABLE duty_contracts (
                number TEXT PRIMARY KEY,
                shop_id TEXT NOT NULL REFERENCES shops(id),
                year INTEGER NOT NULL,
                sequence INTEGER NOT NULL,
                valid_until TEXT NOT NULL,
                renews TEXT UNIQUE,
                contract TEXT NOT NULL,
                UNIQUE (year, sequence)
            ) STRICT
            """,
            "CREATE INDEX duty_contracts_shop ON duty_contracts(shop_id)",
        ], postgres: [
            """
            CREATE TABLE duty_contracts (
                number TEXT PRIMARY KEY,
                shop_id TEXT NOT NULL REFERENCES shops(id),
                year BIGINT NOT NULL,
                sequence BIGINT NOT NULL,
                valid_until TEXT NOT NULL,
                renews TEXT UNIQUE,
                contract TEXT NOT NULL,
                UNIQUE (year, sequence)
            )
            """,
            "CREATE INDEX duty_contracts_shop ON duty_contracts(shop_id)",
        ]),
        // Published 红黑榜: the board as it was published, never recomputed.
        Migration("093_shop_boards", sqlite: [
            """
            CREATE TABLE shop_boards (
                month TEXT NOT NULL,
                street_code TEXT NOT NULL,
                published_at INTEGER NOT NULL,
                published_by TEXT NOT NULL,
                board TEXT NOT NULL,
                PRIMARY KEY (month, street_code)
            ) STRICT
            """,
        ], postgres: [
            """
            CREATE TABLE shop_boards (
                month TEXT NOT NULL,
                street_code TEXT NOT NULL,
                published_at BIGINT NOT NULL,
                published_by TEXT NOT NULL,
                board TEXT NOT NULL,
                PRIMARY KEY (month, street_code)
            )
            """,
        ]),
        // Rectification notices, kept whole as JSON beside what the overdue scan reads.
        Migration("094_rectification_notices", sqlite: [
            """
            CREATE TABLE rectification_notices (
                number TEXT PRIMARY KEY,
                shop_id TEXT NOT NULL REFERENCES shops(id),
                year INTEGER NOT NULL,
                sequence INTEGER NOT NULL,
                state TEXT NOT NULL,
                deadline INTEGER NOT NULL,
                notice TEXT NOT NULL,
                UNIQUE (year, sequence)
            ) STRICT
            """,
            "CREATE INDEX rectification_notices_open ON rectification_notices(deadline) WHERE state IN ('issued', 'served')",
        ], postgres: [
            """
            CREATE TABLE rectification_notices (
                number TEXT PRIMARY KEY,
                shop_id TEXT NOT NULL REFERENCES shops(id),
                year BIGINT NOT NULL,
                sequence BIGINT NOT NULL,
                state TEXT NOT NULL,
                deadline BIGINT NOT NULL,
                notice TEXT NOT NULL,
                UNIQUE (year, sequence)
            )
            """,
            "CREATE INDEX rectification_notices_open ON rectification_notices(deadline) WHERE state IN ('issued', 'served')",
        ]),
        // The idle-space register (消极空间), kept whole as JSON beside what a list filters on.
        Migration("095_idle_spaces", sqlite: [
            """
            CREATE TABLE idle_spaces (
                id TEXT PRIMARY KEY,
                street_code TEXT NOT NULL,
                status TEXT NOT NULL,
                registered_at INTEGER NOT NULL,
                space TEXT NOT NULL
            ) STRICT
            """,
            "CREATE INDEX idle_spaces_street ON idle_spaces(street_code, status)",
        ], postgres: [
            """
            CREATE TABLE idle_spaces (
                id TEXT PRIMARY KEY,
                street_code TEXT NOT NULL,
                status TEXT NOT NULL,
                registered_at BIGINT NOT NULL,
                space TEXT NOT NULL
            )
            """,
            "CREATE INDEX idle_spaces_street ON idle_spaces(street_code, status)",
        ]),
    ]
}
