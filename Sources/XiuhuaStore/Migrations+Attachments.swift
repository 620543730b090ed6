extension Migrations {
    /// Photos and other attachments: the bytes are files under the data directory's
    /// `uploads/`, named by their SHA-256; this table says what each file is and who sent it.
    /// Photos kept earlier in `web_photos` stay there and are still read.
    static let attachments: [Migration] = [
        Migration("060_attachments", sqlite: [
            """
            CREATE TABLE attachments (
                sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
                media_type TEXT NOT NULL,
                size INTEGER NOT NULL CHECK (size > 0),
                width INTEGER,
                height INTEGER,
                uploaded_by TEXT,
                created_at INTEGER NOT NULL
            ) STRICT
            """,
        ], postgres: [
            """
            CREATE TABLE attachments (
                sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
                media_type TEXT NOT NULL,
                size BIGINT NOT NULL CHECK (size > 0),
                width BIGINT,
                height BIGINT,
                uploaded_by TEXT,
                created_at BIGINT NOT NULL
            )
            """,
        ]),
    ]
}
