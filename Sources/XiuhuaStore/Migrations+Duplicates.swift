extension Migrations {
    /// Duplicate suggestions (重复案件): each case's position in whole microdegrees, so the
    /// store can pre-filter a small box around a new report by index before measuring
    /// exact distances. Existing cases get theirs from their snapshots.
    static let casePositions = Migration("011_case_positions", sqlite: [
        "ALTER TABLE cases ADD COLUMN lat_e6 INTEGER",
        "ALTER TABLE cases ADD COLUMN lon_e6 INTEGER",
        """
        UPDATE cases SET
            lat_e6 = CAST(round(json_extract(snapshot, '$.location.latitude') * 1000000) AS INTEGER),
            lon_e6 = CAST(round(json_extract(snapshot, '$.location.longitude') * 1000000) AS INTEGER)
        """,
        "CREATE INDEX cases_category_position ON cases(category_code, lat_e6) WHERE lat_e6 IS NOT NULL",
    ], postgres: [
        "ALTER TABLE cases ADD COLUMN lat_e6 BIGINT",
        "ALTER TABLE cases ADD COLUMN lon_e6 BIGINT",
        """
        UPDATE cases SET
            lat_e6 = CAST(round((snapshot::jsonb #>> '{location,latitude}')::double precision * 1000000) AS BIGINT),
            lon_e6 = CAST(round((snapshot::jsonb #>> '{location,longitude}')::double precision * 1000000) AS BIGINT)
        """,
        "CREATE INDEX cases_category_position ON cases(category_code, lat_e6) WHERE lat_e6 IS NOT NULL",
    ])
}
