import Foundation
import SQLKit
import Xiuhua

extension Store {
    /// Escalates notice `number` to a penalty: `change` moves the notice (the domain decides
    /// whether it may), the case `intake` describes is filed, and the notice records the
    /// case number — all in one transaction, so concurrent escalations open one case and
    /// the others are refused by `change`. Returns nil when there is no such notice.
    public func escalateNoticeToPenalty(
        number: String, intake: CaseIntake, by actor: Actor, at now: Date, numbering: CaseNumbering, clock: any WorkingTimeCalculator,
        _ change: @Sendable (inout RectificationNotice) throws -> Void
    ) async throws -> (notice: RectificationNotice, snapshot: CaseSnapshot)? {
        defer { noteCaseWrite() }
        return try await engine.write { db in
            guard var notice = try await Store.lockedNotice(number, in: db) else { return nil }
            try change(&notice)
            let filed = try await Store.insertNewCases([NewCase(intake: intake, actor: actor, at: now, numbering: numbering, clock: clock)], in: db)
            let snapshot = try filed[0].get()
            notice.recordOutcome(caseNumber: snapshot.number)
            try await Store.saveNotice(notice, in: db)
            return (notice, snapshot)
        }
    }

    /// Escalates notice `number` to the black list: `change` moves the notice, and its shop
    /// is listed with `reason` on `streetCode`'s board of the first month from `month` on
    /// that is not yet published — a published board is never changed. One transaction.
    public func escalateNoticeToBlackList(
        number: String, streetCode: String, from month: String, at now: Date,
        _ change: @Sendable (inout RectificationNotice) throws -> Void
    ) async throws -> RectificationNotice? {
        try await engine.write { db in
            try await Store.takeTurnsWithListings(streetCode: streetCode, in: db)
            guard var notice = try await Store.lockedNotice(number, in: db) else { return nil }
            try change(&notice)
            var board = month
            while try await db.raw("SELECT 1 AS x FROM shop_boards WHERE month = \(bind: board) AND street_code = \(bind: streetCode)").first() != nil {
                guard let next = ShopBoard.month(after: board) else { break }
                board = next
            }
            try await db.raw("""
                INSERT INTO board_listings (notice_number, shop_id, street_code, month, reason, listed_at)
                VALUES (\(bind: notice.number), \(bind: notice.shopID), \(bind: streetCode), \(bind: board), \(bind: notice.blackListReason), \(bind: now.millis))
                """).run()
            notice.recordOutcome(boardMonth: board)
            try await Store.saveNotice(notice, in: db)
            return notice
        }
    }

    /// The shops notices put on `streetCode`'s black list for `month`, in the order listed.
    public func boardListings(streetCode: String, month: String) async throws -> [BoardListing] {
        try await engine.read { db in
            try await db.raw("""
                SELECT shop_id, reason FROM board_listings WHERE street_code = \(bind: streetCode) AND month = \(bind: month)
                ORDER BY listed_at, notice_number
                """).all().map { row in
                BoardListing(shopID: try row.decode(column: "shop_id", as: String.self), reason: try row.decode(column: "reason", as: String.self))
            }
        }
    }

    /// The notice, locked for the rest of the transaction on PostgreSQL (SQLite's write
    /// transactions already exclude each other).
    static func lockedNotice(_ number: String, in db: any SQLDatabase) async throws -> RectificationNotice? {
        try await db.raw("SELECT notice FROM rectification_notices WHERE number = \(bind: number)" + db.forUpdate).first().map(Store.decodeNotice)
    }

    /// Listing a shop on a street's black list and publishing one of the street's boards take
    /// turns, so that a listing is either on the board as published or on a later one.
    static func takeTurnsWithListings(streetCode: String, in db: any SQLDatabase) async throws {
        try await db.takeTurns(on: "board-listings:\(streetCode)")
    }

    static func saveNotice(_ notice: RectificationNotice, in db: any SQLDatabase) async throws {
        try await db.raw("""
            UPDATE rectification_notices SET state = \(bind: notice.state.rawValue), notice = \(bind: try Store.noticeJSON(notice))
            WHERE number = \(bind: notice.number)
            """).run()
    }
}
