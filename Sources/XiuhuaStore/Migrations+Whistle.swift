extension Migrations {
    /// 吹哨报到: the earliest awaited check-in deadline of a case, so the scheduler finds
    /// departments that did not check in without reading every snapshot.
    static let whistleCheckins = Migration("010_whistle_checkins", sqlite: [
        "ALTER TABLE cases ADD COLUMN checkin_deadline INTEGER",
        "CREATE INDEX cases_checkin_due ON cases(checkin_deadline) WHERE checkin_deadline IS NOT NULL",
    ])
}
