/// Supervision inspections scored by the checklist engine (083): the scored sheet beside the
/// first simple checklist's answers, which older rows keep (the column is NULL for them).
extension Migrations {
    static let supervision: [Migration] = [
        Migration("083_site_inspection_sheets", sqlite: [
            "ALTER TABLE site_inspections ADD COLUMN sheet TEXT",
        ], postgres: [
            "ALTER TABLE site_inspections ADD COLUMN sheet TEXT",
        ]),
    ]
}
