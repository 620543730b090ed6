/// The schema, as an ordered list of named steps. Never edit a step that has shipped;
/// add a new one.
public enum Migrations {
    public static let all: [Migration] = [
        Migration("001_meta", sqlite: [
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT",
        ]),
        Migration("002_regions", sqlite: [
            """
            CREATE TABLE regions (
                code TEXT PRIMARY KEY,
                level TEXT NOT NULL CHECK (level IN ('district', 'street', 'community', 'grid')),
                name TEXT NOT NULL,
                parent_code TEXT REFERENCES regions(code),
                geometry TEXT
            ) STRICT
            """,
            "CREATE INDEX regions_parent ON regions(parent_code)",
            "CREATE INDEX regions_level ON regions(level)",
        ]),
        Migration("003_organisation", sqlite: [
            """
            CREATE TABLE commands (
                code TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                hotline TEXT NOT NULL,
                position INTEGER NOT NULL
            ) STRICT
            """,
            """
            CREATE TABLE departments (
                code TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                position INTEGER NOT NULL
            ) STRICT
            """,
        ]),
    ]
}
