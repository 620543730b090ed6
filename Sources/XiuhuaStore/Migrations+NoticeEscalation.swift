extension Migrations {
    /// What an escalated rectification notice did beyond its own record.
    static let noticeEscalation: [Migration] = [
        // Shops put on a street's black list by a notice, for the month whose board was the
        // next unpublished one when the notice was escalated; a notice lists its shop once.
        Migration("105_board_listings", sqlite: [
            """
            CREATE TABLE board_listings (
                notice_number TEXT PRIMARY KEY REFERENCES rectification_notices(number),
                shop_id TEXT NOT NULL REFERENCES shops(id),
                street_code TEXT NOT NULL,
                month TEXT NOT NULL,
                reason TEXT NOT NULL,
                listed_at INTEGER NOT NULL
            ) STRICT
            """,
            "CREATE INDEX board_listings_board ON board_listings(street_code, month)",
        ], postgres: [
            """
            CREATE TABLE board_listings (
                notice_number TEXT PRIMARY KEY REFERENCES rectification_notices(number),
                shop_id TEXT NOT NULL REFERENCES shops(id),
                street_code TEXT NOT NULL,
                month TEXT NOT NULL,
                reason TEXT NOT NULL,
                listed_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX board_listings_board ON board_listings(street_code, month)",
        ]),
    ]
}
