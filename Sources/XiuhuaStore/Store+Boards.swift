import Foundation
import SQLKit
import Xiuhua

/// A 红黑榜 as it was published: when and by whom.
public struct PublishedBoard: Hashable, Sendable {
    public let board: ShopBoard
    public let publishedAt: Date
    public let publishedBy: String
}

extension Store {
    /// The inspections of shops in `streetCode` made in [start, end), with their cases.
    public func inspections(streetCode: String, from start: Date, to end: Date) async throws -> [Inspection] {
        try await engine.read { db in
            var found: [Inspection] = []
            for row in try await db.raw("""
                SELECT i.* FROM inspections i JOIN shops s ON s.id = i.shop_id
                WHERE s.street_code = \(bind: streetCode) AND i.at >= \(bind: start.millis) AND i.at < \(bind: end.millis)
                ORDER BY i.at, i.id
                """).all() {
                found.append(try await Store.decodeInspection(row, in: db))
            }
            return found
        }
    }

    /// Publishes a board; throws `BoardAlreadyPublished` when its month and street have one,
    /// and `BoardOutdated` when a notice put a shop on its black list after it was computed
    /// (compute it again): a listing is never lost behind a board published without it.
    public func publishBoard(_ board: ShopBoard, by name: String, at now: Date) async throws -> PublishedBoard {
        let text = String(decoding: try CanonicalJSON.encode(board), as: UTF8.self)
        return try await engine.write { db in
            try await db.takeTurns(on: "shop-board:\(board.month):\(board.streetCode)")
            let existing = try await db.raw("""
                SELECT 1 AS x FROM shop_boards WHERE month = \(bind: board.month) AND street_code = \(bind: board.streetCode)
                """).first()
            if existing != nil { throw BoardAlreadyPublished(month: board.month, streetCode: board.streetCode) }
            try await Store.takeTurnsWithListings(streetCode: board.streetCode, in: db)
            let listed = try await db.raw("""
                SELECT l.shop_id FROM board_listings l JOIN shops s ON s.id = l.shop_id AND s.street_code = l.street_code
                WHERE l.month = \(bind: board.month) AND l.street_code = \(bind: board.streetCode)
                """).all().map { try $0.decode(column: "shop_id", as: String.self) }
            let black = Set(board.black.map(\.shopID))
            if listed.contains(where: { !black.contains($0) }) { throw BoardOutdated(month: board.month, streetCode: board.streetCode) }
            try await db.raw("""
                INSERT INTO shop_boards (month, street_code, published_at, published_by, board)
                VALUES (\(bind: board.month), \(bind: board.streetCode), \(bind: now.millis), \(bind: name), \(bind: text))
                """).run()
            return PublishedBoard(board: board, publishedAt: Date(millis: now.millis), publishedBy: name)
        }
    }

    /// Published boards, newest month first; optionally one month or one street.
    public func publishedBoards(month: String? = nil, streetCode: String? = nil) async throws -> [PublishedBoard] {
        try await engine.read { db in
            var conditions: [SQLQueryString] = []
            if let month { conditions.append("month = \(bind: month)") }
            if let streetCode { conditions.append("street_code = \(bind: streetCode)") }
            var filter: SQLQueryString = ""
            if !conditions.isEmpty { filter = " WHERE " + conditions.dropFirst().reduce(conditions[0]) { $0 + " AND " + $1 } }
            return try await db.raw("SELECT * FROM shop_boards" + filter + " ORDER BY month DESC, street_code").all().map { row in
                let text = try row.decode(column: "board", as: String.self)
                let board: ShopBoard
                do {
                    board = try CanonicalJSON.decode(ShopBoard.self, from: Data(text.utf8))
                } catch {
                    throw CaseStoreError.corrupt(number: "board", reason: "\(error)")
                }
                return PublishedBoard(
                    board: board,
                    publishedAt: Date(millis: try row.decode(column: "published_at", as: Int64.self)),
                    publishedBy: try row.decode(column: "published_by", as: String.self)
                )
            }
        }
    }
}
