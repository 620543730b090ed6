extension Migrations {
    /// 吹哨报到: the earliest awaited check-in deadline of a case, so the scheduler finds
    /// departments that did not check in without reading every snapshot.
    static let whistleCheckins = Migration("010_whistle_checkins", sqlite: [
        "ALTER TABLE cases ADD COLUMN checkin_deadline INTEGER",
        "CREATE INDEX cases_checkin_due ON cases(checkin_deadline) WHERE checkin_deadline IS NOT NULL",
    ], postgres: [
        "ALTER TABLE cases ADD COLUMN checkin_deadline BIGINT",
        "CREATE INDEX cases_checkin_due ON cases(checkin_deadline) WHERE checkin_deadline IS NOT NULL",
    ])

    /// The departments a whistle still owes on each case, so that a summoned department's
    /// queue ("whistled to me") and its case list find the case although another unit owns
    /// it. Whistles are new with this column, so no stored case has one to fill in.
    static let summonedDepartments = Migration("012_case_summoned", sqlite: [
        "ALTER TABLE cases ADD COLUMN summoned TEXT",
    ], postgres: [
        "ALTER TABLE cases ADD COLUMN summoned TEXT",
    ])
}
