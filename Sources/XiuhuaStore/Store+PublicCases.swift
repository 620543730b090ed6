import Foundation
import SQLKit
import Xiuhua

/// A filter over the cases the public may list (Open311 `GET requests`): every case of
/// the district that is public at all (`CaseState.isPublished`), newest first. Each
/// field narrows; empty or nil means "any".
public struct PublicCaseQuery: Sendable {
    /// Case numbers; when given, every other filter is ignored (as Open311 says).
    public var numbers: [String] = []
    /// Exact category codes.
    public var categoryCodes: [String] = []
    /// True: cases someone still has to act on; false: closed (rejected, cancelled and
    /// merged cases are never listed).
    public var isOpen: Bool?
    public var createdFrom: Date?
    public var createdBefore: Date?
    public var updatedFrom: Date?
    public var updatedBefore: Date?
    public var limit: Int = 50
    public var offset: Int = 0

    public init() {}
}

extension Store {
    /// The cases matching `query`, newest first.
    public func publicCases(_ query: PublicCaseQuery) async throws -> [CaseSnapshot] {
        let withheld = CaseState.allCases.filter { !$0.isPublished }.map(\.rawValue)
        var conditions: [SQLQueryString] = ["state NOT IN (\(binds: withheld))"]
        if !query.numbers.isEmpty {
            conditions.append("number IN (\(binds: query.numbers))")
        } else {
            if !query.categoryCodes.isEmpty { conditions.append("category_code IN (\(binds: query.categoryCodes))") }
            let open = CaseState.allCases.filter(\.isOpen).map(\.rawValue)
            switch query.isOpen {
            case true?: conditions.append("state IN (\(binds: open))")
            case false?: conditions.append("state NOT IN (\(binds: open))")
            case nil: break
            }
            if let from = query.createdFrom { conditions.append("created_at >= \(bind: from.millis)") }
            if let before = query.createdBefore { conditions.append("created_at <= \(bind: before.millis)") }
            if let from = query.updatedFrom { conditions.append("last_event_at >= \(bind: from.millis)") }
            if let before = query.updatedBefore { conditions.append("last_event_at <= \(bind: before.millis)") }
        }
        let whereClause: SQLQueryString = " WHERE " + conditions.joined(separator: " AND ")
        let limit = max(query.limit, 0)
        let offset = max(query.offset, 0)
        return try await engine.read { db in
            try await db.raw("SELECT number, snapshot FROM cases" + whereClause
                + " ORDER BY created_at DESC, number DESC LIMIT \(literal: limit) OFFSET \(literal: offset)")
                .all().map(Store.decodeSnapshot)
        }
    }
}
