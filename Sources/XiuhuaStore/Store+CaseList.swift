import Foundation
import SQLKit
import Xiuhua

extension Store {
    /// One page of the cases `actor` may see that match `query`, newest first.
    public func listCases(_ query: CaseQuery, visibleTo actor: Actor, at now: Date) async throws -> CasePage {
        var conditions: [SQLQueryString] = Store.scopeConditions(actor)
        if !query.states.isEmpty {
            conditions.append("state IN (\(binds: query.states.map(\.rawValue)))")
        }
        if let street = query.streetCode { conditions.append("street_code = \(bind: street)") }
        if let community = query.communityCode { conditions.append("community_code = \(bind: community)") }
        if let grid = query.gridCode { conditions.append("grid_code = \(bind: grid)") }
        // The count and the page want different indexes: the count runs fastest on
        // (state, category) alone, while the page must walk created_at backwards and stop
        // after one page. SQLite's unary `+` keeps the page query off the category index.
        var categoryForCount: SQLQueryString?
        var categoryForPage: SQLQueryString?
        let isPostgres = engine.isPostgres
        if let category = query.categoryCode, isPostgres {
            // PostgreSQL has no unary `+` on text and plans the two queries well alone; and
            // a range ending in '~' holds only under a byte-wise collation, which a
            // PostgreSQL database need not have.
            categoryForCount = "starts_with(category_code, \(bind: category))"
            categoryForPage = categoryForCount
        } else if let category = query.categoryCode {
            // A range rather than LIKE 'x%', so an index serves it: codes are digits, and
            // '~' sorts after every digit.
            categoryForCount = "category_code >= \(bind: category) AND category_code < \(bind: category + "~")"
            categoryForPage = "+category_code >= \(bind: category) AND +category_code < \(bind: category + "~")"
        }
        if let owner = query.ownerCode { conditions.append("owner_code = \(bind: owner)") }
        if let source = query.source { conditions.append("source = \(bind: source.rawValue)") }
        if let summoned = query.summonedDepartment { conditions.append("summoned LIKE \(bind: "%,\(summoned),%")") }
        let nowMillis = now.millis
        switch query.overdue {
        case true?: conditions.append("suspended = 0 AND stage_deadline < \(bind: nowMillis)")
        case false?: conditions.append("NOT (suspended = 0 AND stage_deadline IS NOT NULL AND stage_deadline < \(bind: nowMillis))")
        case nil: break
        }
        switch query.light {
        case .red?: conditions.append("suspended = 0 AND stage_deadline < \(bind: nowMillis)")
        case .yellow?:
            conditions.append("suspended = 0 AND stage_yellow_at <= \(bind: nowMillis) AND stage_deadline >= \(bind: nowMillis)")
        case .green?: conditions.append("suspended = 0 AND stage_yellow_at > \(bind: nowMillis)")
        case nil: break
        }
        if let text = query.text?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            // instr is SQLite's, strpos PostgreSQL's: both find the text as it is, with no
            // LIKE wildcards to escape.
            let find: SQLQueryString = isPostgres ? "strpos" : "instr"
            conditions.append("(\(find)(number, \(bind: text)) > 0 OR \(find)(description, \(bind: text)) > 0 OR \(find)(address, \(bind: text)) > 0)")
        }
        if let from = query.createdFrom { conditions.append("created_at >= \(bind: from.millis)") }
        if let before = query.createdBefore { conditions.append("created_at < \(bind: before.millis)") }
        func whereClause(_ extra: SQLQueryString?) -> SQLQueryString {
            let all = conditions + (extra.map { [$0] } ?? [])
            return all.isEmpty ? "" : " WHERE " + all.joined(separator: " AND ")
        }
        let countWhere = whereClause(categoryForCount)
        let pageWhere = whereClause(categoryForPage)
        let pageSize = min(max(query.pageSize, 1), CaseQuery.maximumPageSize)
        let offset = (max(query.page, 1) - 1) * pageSize
        return try await engine.read { db in
            let total = try await db.raw("SELECT count(*) AS n FROM cases" + countWhere)
                .first()?.decode(column: "n", as: Int.self) ?? 0
            let rows = try await db.raw("""
                SELECT number, snapshot FROM cases
                """ + pageWhere + " ORDER BY created_at DESC, number DESC LIMIT \(literal: pageSize) OFFSET \(literal: offset)").all()
            return CasePage(total: total, cases: try rows.map(Store.decodeSnapshot))
        }
    }

    /// The SQL form of `CaseVisibility`: the same rule, so a list never shows a case its
    /// page would refuse.
    static func scopeConditions(_ actor: Actor) -> [SQLQueryString] {
        switch actor.role {
        case .operator, .dutyChief, .dispatcher, .supervisor, .admin, .system:
            return []
        case .streetOfficer:
            guard !actor.streetCodes.isEmpty else { return ["0 = 1"] }
            return ["(street_code IN (\(binds: actor.streetCodes)) OR (owner_kind = 'street' AND owner_code IN (\(binds: actor.streetCodes))))"]
        case .departmentHandler:
            guard let department = actor.departmentCode else { return ["0 = 1"] }
            // Its own cases, and those it was whistled to and still owes (CaseVisibility
            // lets it see every case it was summoned to; the list shows the ones it owes).
            return ["((owner_kind = 'department' AND owner_code = \(bind: department)) OR summoned LIKE \(bind: "%,\(department),%"))"]
        case .gridWorker:
            return actor.gridCodes.isEmpty ? ["0 = 1"] : ["grid_code IN (\(binds: actor.gridCodes))"]
        case .citizen, .healthWorker:
            return ["0 = 1"]
        }
    }
}
