import Foundation
import SQLKit
import Xiuhua

extension Store {
    /// Draws the next sequence number of `year` and stores the notice `make` builds with
    /// it; `make` may refuse (its error is thrown and nothing is written).
    public func addNotice(shopID: String, year: Int, _ make: @Sendable (Int) throws -> RectificationNotice) async throws -> RectificationNotice {
        try await engine.write { db in
            let shop = try await db.raw("SELECT id FROM shops WHERE id = \(bind: shopID)").first()
            guard shop != nil else { throw ShopStoreError.notFound(id: shopID) }
            try await db.takeTurns(on: "rectification-notice-year:\(year)")
            let last = try await db.raw("SELECT max(sequence) AS n FROM rectification_notices WHERE year = \(bind: year)").first()?
                .decode(column: "n", as: Int?.self) ?? 0
            let notice = try make(last + 1)
            try await db.raw("""
                INSERT INTO rectification_notices (number, shop_id, year, sequence, state, deadline, notice)
                VALUES (\(bind: notice.number), \(bind: shopID), \(bind: year), \(bind: last + 1), \(bind: notice.state.rawValue),
                    \(bind: notice.deadline.millis), \(bind: try Store.noticeJSON(notice)))
                """).run()
            return notice
        }
    }

    public func notice(number: String) async throws -> RectificationNotice? {
        try await engine.read { db in
            try await db.raw("SELECT notice FROM rectification_notices WHERE number = \(bind: number)").first().map(Store.decodeNotice)
        }
    }

    /// Notices, newest first; optionally one shop's or those in some states.
    public func notices(shopID: String? = nil, states: [RectificationNotice.State]? = nil) async throws -> [RectificationNotice] {
        try await engine.read { db in
            var conditions: [SQLQueryString] = []
            if let shopID { conditions.append("shop_id = \(bind: shopID)") }
            if let states { conditions.append(states.isEmpty ? "1 = 0" : "state IN (\(binds: states.map(\.rawValue)))") }
            var filter: SQLQueryString = ""
            if !conditions.isEmpty { filter = " WHERE " + conditions.dropFirst().reduce(conditions[0]) { $0 + " AND " + $1 } }
            return try await db.raw("SELECT notice FROM rectification_notices" + filter + " ORDER BY year DESC, sequence DESC").all().map(Store.decodeNotice)
        }
    }

    /// Changes a notice in one transaction, so two officers acting at once see each
    /// other's change (on PostgreSQL the row is locked as it is read); returns nil when
    /// there is none.
    public func changeNotice(number: String, _ change: @Sendable (inout RectificationNotice) throws -> Void) async throws -> RectificationNotice? {
        try await engine.write { db in
            guard var notice = try await Store.lockedNotice(number, in: db) else { return nil }
            try change(&notice)
            try await Store.saveNotice(notice, in: db)
            return notice
        }
    }

    /// Marks every open notice past its deadline overdue, in one transaction; returns their numbers.
    public func markOverdueNotices(at now: Date) async throws -> [String] {
        try await engine.write { db in
            let rows = try await db.raw("""
                SELECT notice FROM rectification_notices WHERE state IN ('issued', 'served') AND deadline < \(bind: now.millis)
                ORDER BY deadline
                """ + db.forUpdate).all()
            var marked: [String] = []
            for row in rows {
                var notice = try Store.decodeNotice(row)
                guard notice.isDue(at: now) else { continue }
                notice.markOverdue(at: now)
                try await db.raw("""
                    UPDATE rectification_notices SET state = \(bind: notice.state.rawValue), notice = \(bind: try Store.noticeJSON(notice))
                    WHERE number = \(bind: notice.number)
                    """).run()
                marked.append(notice.number)
            }
            return marked
        }
    }

    static func noticeJSON(_ notice: RectificationNotice) throws -> String {
        String(decoding: try CanonicalJSON.encode(notice), as: UTF8.self)
    }

    static func decodeNotice(_ row: any SQLRow) throws -> RectificationNotice {
        let text = try row.decode(column: "notice", as: String.self)
        do {
            return try CanonicalJSON.decode(RectificationNotice.self, from: Data(text.utf8))
        } catch {
            throw CaseStoreError.corrupt(number: "notice", reason: "\(error)")
        }
    }
}
