import Foundation
import SQLKit
import Xiuhua

/// How many cases stand where, for the command-centre dashboard.
public struct CaseCounts: Sendable, Equatable {
    /// Every case by its state.
    public var byState: [CaseState: Int] = [:]
    /// Open cases that are not suspended, by the light of their current stage.
    public var byLight: [TrafficLight: Int] = [:]
    /// Open cases by grid cell.
    public var openByGrid: [String: Int] = [:]
    /// Cases where a summoned department (吹哨) has still to check in …
    public var awaitingCheckIn = 0
    /// … and of those, the ones past the check-in deadline (not yet marked missed).
    public var checkInLate = 0
}

/// Cases taken in over a period, by channel and sub-command.
public struct IntakeCount: Sendable, Equatable {
    public let source: CaseSource
    public let commandCode: String?
    public let count: Int
}

/// One row of a ranking: the cases an owner or street had over a period and how they went.
public struct ClosingRecord: Sendable, Equatable {
    public let code: String
    /// Cases that reached an owner (dispatched at least once).
    public let total: Int
    /// Of those, closed (结案) by now.
    public let closed: Int
    /// Of the closed, those never marked overdue at any stage.
    public let closedOnTime: Int
}

extension Store {
    /// Counts by state, by traffic light and by grid cell, as of `now`.
    public func caseCounts(at now: Date) async throws -> CaseCounts {
        let open = CaseState.allCases.filter(\.isOpen).map(\.rawValue)
        let nowMillis = now.millis
        return try await engine.read { db in
            var counts = CaseCounts()
            for row in try await db.raw("SELECT state, count(*) AS n FROM cases GROUP BY state").all() {
                if let state = CaseState(rawValue: try row.decode(column: "state", as: String.self)) {
                    counts.byState[state] = try row.decode(column: "n", as: Int.self)
                }
            }
            if let row = try await db.raw("""
                SELECT
                  coalesce(sum(CASE WHEN stage_deadline < \(bind: nowMillis) THEN 1 ELSE 0 END), 0) AS red,
                  coalesce(sum(CASE WHEN stage_yellow_at <= \(bind: nowMillis) AND stage_deadline >= \(bind: nowMillis) THEN 1 ELSE 0 END), 0) AS yellow,
                  coalesce(sum(CASE WHEN stage_yellow_at > \(bind: nowMillis) THEN 1 ELSE 0 END), 0) AS green
                FROM cases WHERE suspended = 0 AND stage_deadline IS NOT NULL AND state IN (\(binds: open))
                """).first() {
                counts.byLight[.red] = try row.decode(column: "red", as: Int.self)
                counts.byLight[.yellow] = try row.decode(column: "yellow", as: Int.self)
                counts.byLight[.green] = try row.decode(column: "green", as: Int.self)
            }
            for row in try await db.raw("""
                SELECT grid_code, count(*) AS n FROM cases
                WHERE grid_code IS NOT NULL AND state IN (\(binds: open)) GROUP BY grid_code
                """).all() {
                counts.openByGrid[try row.decode(column: "grid_code", as: String.self)] = try row.decode(column: "n", as: Int.self)
            }
            if let row = try await db.raw("""
                SELECT count(*) AS n, coalesce(sum(CASE WHEN checkin_deadline < \(bind: nowMillis) THEN 1 ELSE 0 END), 0) AS late
                FROM cases WHERE checkin_deadline IS NOT NULL
                """).first() {
                counts.awaitingCheckIn = try row.decode(column: "n", as: Int.self)
                counts.checkInLate = try row.decode(column: "late", as: Int.self)
            }
            return counts
        }
    }

    /// Cases created in `[from, to)`, by channel and sub-command.
    public func intakeCounts(from: Date, to: Date) async throws -> [IntakeCount] {
        try await engine.read { db in
            try await db.raw("""
                SELECT source, command_code, count(*) AS n FROM cases
                WHERE created_at >= \(bind: from.millis) AND created_at < \(bind: to.millis)
                GROUP BY source, command_code ORDER BY n DESC
                """).all().compactMap { row in
                guard let source = CaseSource(rawValue: try row.decode(column: "source", as: String.self)) else { return nil }
                return IntakeCount(
                    source: source,
                    commandCode: try row.decode(column: "command_code", as: String?.self),
                    count: try row.decode(column: "n", as: Int.self)
                )
            }
        }
    }

    /// The categories with most cases created in `[from, to)`, most first.
    public func topCategories(from: Date, to: Date, limit: Int) async throws -> [(code: String, count: Int)] {
        try await engine.read { db in
            try await db.raw("""
                SELECT category_code, count(*) AS n FROM cases
                WHERE created_at >= \(bind: from.millis) AND created_at < \(bind: to.millis)
                GROUP BY category_code ORDER BY n DESC, category_code LIMIT \(literal: limit)
                """).all().map { row in
                (code: try row.decode(column: "category_code", as: String.self), count: try row.decode(column: "n", as: Int.self))
            }
        }
    }

    /// What changes whenever a case is filed or acted on: the number of cases and the
    /// instant of the latest event. Live pages poll it and refresh only when it moves.
    public func caseChangeMark() async throws -> String {
        try await engine.read { db in
            guard let row = try await db.raw("SELECT count(*) AS n, coalesce(max(last_event_at), 0) AS t FROM cases").first() else {
                return "0"
            }
            return "\(try row.decode(column: "n", as: Int.self))-\(try row.decode(column: "t", as: Int64.self))"
        }
    }

    /// Closing records for cases created in `[from, to)` that reached an owner, grouped
    /// by the case's street (`byStreet`) or by the owning department.
    public func closingRecords(from: Date, to: Date, byStreet: Bool) async throws -> [ClosingRecord] {
        let closed = [CaseState.closed.rawValue, CaseState.rated.rawValue]
        let key: SQLQueryString = byStreet ? "street_code" : "owner_code"
        let ownerFilter: SQLQueryString = byStreet ? "owner_code IS NOT NULL" : "owner_kind = 'department'"
        return try await engine.read { db in
            try await db.raw("""
                SELECT \(key) AS code, count(*) AS total,
                  coalesce(sum(CASE WHEN state IN (\(binds: closed)) THEN 1 ELSE 0 END), 0) AS closed,
                  coalesce(sum(CASE WHEN state IN (\(binds: closed)) AND NOT EXISTS (
                    SELECT 1 FROM case_events e WHERE e.case_number = cases.number AND e.kind = 'markedOverdue'
                  ) THEN 1 ELSE 0 END), 0) AS on_time
                FROM cases
                WHERE created_at >= \(bind: from.millis) AND created_at < \(bind: to.millis)
                  AND \(ownerFilter) AND \(key) IS NOT NULL
                GROUP BY \(key)
                """).all().map { row in
                ClosingRecord(
                    code: try row.decode(column: "code", as: String.self),
                    total: try row.decode(column: "total", as: Int.self),
                    closed: try row.decode(column: "closed", as: Int.self),
                    closedOnTime: try row.decode(column: "on_time", as: Int.self)
                )
            }
        }
    }
}
