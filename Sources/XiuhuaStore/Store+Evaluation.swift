import Foundation
import SQLKit
import Xiuhua

/// The store's side of evaluation: it keeps every case's `CaseFacts` and the tallies they
/// add up to for each month, quarter and year, written in the same transaction as the
/// case's events. The definitions are the domain's (`CaseFacts.tallies(in:)`); the store
/// only adds and subtracts what the domain computes.
extension Store {
    /// The time zone whose months bound the materialised tallies.
    static let evaluationTimeZone = WorkCalendar.chinaStandardTime

    /// The tallies of `dimensions` in `period`, by dimension and unit. Months, quarters and
    /// years read the materialised tallies; a custom range folds the facts of the cases
    /// active in it, through the same definitions.
    public func evaluationTallies(
        _ dimensions: [EvaluationDimension], in period: EvaluationPeriod
    ) async throws -> [EvaluationDimension: [String: Tally]] {
        var result: [EvaluationDimension: [String: Tally]] = [:]
        for dimension in dimensions { result[dimension] = [:] }
        if period.isStandard {
            let rows = try await engine.read { db in
                try await db.raw("""
                    SELECT dimension, unit, counts FROM evaluation_tallies
                    WHERE period = \(bind: period.label) AND dimension IN (\(binds: dimensions.map(\.rawValue)))
                    """).all().map { row in
                    (try row.decode(column: "dimension", as: String.self), try row.decode(column: "unit", as: String.self),
                     try row.decode(column: "counts", as: String.self))
                }
            }
            for (name, unit, counts) in rows {
                guard let dimension = EvaluationDimension(rawValue: name) else { continue }
                result[dimension]![unit] = Store.decodeTally(counts)
            }
            return result
        }
        let wanted = Set(dimensions)
        for (key, tally) in EvaluationRecount.tallies(of: try await caseFacts(activeIn: period), in: period) where wanted.contains(key.dimension) {
            result[key.dimension]![key.unit] = tally
        }
        return result
    }

    /// The facts of every case with an instant in `period` (reported before its end, last
    /// event after its start).
    public func caseFacts(activeIn period: EvaluationPeriod) async throws -> [CaseFacts] {
        try await engine.read { db in
            try await db.raw("""
                SELECT number, facts FROM case_facts
                WHERE last_at >= \(bind: period.start.millis) AND reported_at < \(bind: period.end.millis)
                """).all().map(Store.decodeFacts)
        }
    }

    /// Every case's events in order, for a recount from scratch.
    public func allCaseHistories() async throws -> [[CaseEvent]] {
        try await engine.read { db in
            var histories: [[CaseEvent]] = []
            var current: String?
            for row in try await db.raw("SELECT case_number, body FROM case_events ORDER BY case_number, seq").all() {
                let number = try row.decode(column: "case_number", as: String.self)
                let event = try CaseEvent(canonicalJSON: Data(try row.decode(column: "body", as: String.self).utf8))
                if number != current { histories.append([]); current = number }
                histories[histories.count - 1].append(event)
            }
            return histories
        }
    }

    /// Recomputes every case's facts and every tally from the raw events, replacing what
    /// is stored: for a store filed before evaluation existed, or after a definition changed.
    public func rebuildEvaluation() async throws {
        let histories = try await allCaseHistories()
        try await engine.write { db in
            try await db.raw("DELETE FROM case_facts").run()
            try await db.raw("DELETE FROM evaluation_tallies").run()
            var pending = TallyDelta()
            for events in histories {
                guard let facts = CaseFacts.replay(events) else { continue }
                try await Store.saveFacts(facts, replacing: false, in: db)
                pending.add(facts, sign: 1)
            }
            try await pending.write(in: db)
            try await db.raw("DELETE FROM meta WHERE key = 'evaluation_rebuild_needed'").run()
        }
    }

    /// Rebuilds once after the evaluation migration if the store already held cases.
    func rebuildEvaluationIfNeeded() async throws {
        if try await meta("evaluation_rebuild_needed") != nil { try await rebuildEvaluation() }
    }

    /// Writes whole case histories (events, projection, facts and tallies) in one
    /// transaction: for imports and the evaluation benchmark, where a transaction per
    /// action would dominate. Each history must start with `reported` and be a valid
    /// sequence of workflow decisions; the events are hash-chained as `act` chains them.
    public func importCaseHistories(_ histories: [[CaseEvent]], clock: any WorkingTimeCalculator) async throws {
        defer { noteCaseWrite() }
        try await engine.write { db in
            var pending = TallyDelta()
            for events in histories {
                guard let snapshot = CaseSnapshot.replay(events), let facts = CaseFacts.replay(events) else {
                    throw CaseStoreError.corrupt(number: "?", reason: "history does not start with a single reported event")
                }
                try await Store.insertProjection(snapshot, at: snapshot.lastEventAt, clock: clock, in: db)
                try await Store.append(events, to: snapshot.number, after: 0, previousHash: EventChain.genesis, in: db)
                try await Store.saveFacts(facts, replacing: false, in: db)
                pending.add(facts, sign: 1)
            }
            try await pending.write(in: db)
        }
    }

    /// Accepted, closed and closed-on-time cases per street, grid and department for
    /// `period`'s cohort, computed by a plain SQL GROUP BY over the facts' columns: the
    /// benchmark's baseline. It ignores suspensions, so it is not a definition to use.
    public func evaluationBaseline(_ period: EvaluationPeriod) async throws -> [EvaluationDimension: [String: [Int]]] {
        let start = period.start.millis, end = period.end.millis
        return try await engine.read { db in
            var result: [EvaluationDimension: [String: [Int]]] = [:]
            for (dimension, column) in [(EvaluationDimension.street, "street_code"), (.grid, "grid_code"), (.department, "department_code")] {
                let rows = try await db.raw("""
                    SELECT \(unsafeRaw: column) AS unit, count(*) AS accepted,
                        sum(CASE WHEN closed_at IS NOT NULL AND closed_at < \(bind: end) AND (cancelled_at IS NULL OR cancelled_at >= \(bind: end))
                            THEN 1 ELSE 0 END) AS closed,
                        sum(CASE WHEN closed_at IS NOT NULL AND closed_at < \(bind: end) AND (cancelled_at IS NULL OR cancelled_at >= \(bind: end))
                            AND disposal_late = 0 THEN 1 ELSE 0 END) AS on_time
                    FROM case_facts
                    WHERE accepted_at >= \(bind: start) AND accepted_at < \(bind: end) AND \(unsafeRaw: column) IS NOT NULL
                    GROUP BY \(unsafeRaw: column)
                    """).all()
                var units: [String: [Int]] = [:]
                for row in rows {
                    units[try row.decode(column: "unit", as: String.self)] = [
                        try row.decode(column: "accepted", as: Int.self), try row.decode(column: "closed", as: Int.self),
                        try row.decode(column: "on_time", as: Int.self),
                    ]
                }
                result[dimension] = units
            }
            return result
        }
    }

    // MARK: - Written with each case

    /// Folds `events` into case `number`'s facts and moves the tallies by the difference.
    static func recordFacts(_ events: [CaseEvent], on number: String, in db: any SQLDatabase) async throws {
        guard let row = try await db.raw("SELECT number, facts FROM case_facts WHERE number = \(bind: number)").first() else {
            throw CaseStoreError.corrupt(number: number, reason: "case has no evaluation facts")
        }
        let before = try decodeFacts(row)
        let after = events.reduce(before) { $0.applying($1) }
        try await saveFacts(after, replacing: true, in: db)
        var delta = TallyDelta()
        delta.add(before, sign: -1)
        delta.add(after, sign: 1)
        try await delta.write(in: db)
    }

    static func saveFacts(_ f: CaseFacts, replacing: Bool, in db: any SQLDatabase) async throws {
        // An upsert rather than SQLite's INSERT OR REPLACE, which PostgreSQL lacks.
        let upsert: SQLQueryString = replacing ? """
             ON CONFLICT (number) DO UPDATE SET reported_at = excluded.reported_at, last_at = excluded.last_at,
                street_code = excluded.street_code, grid_code = excluded.grid_code, department_code = excluded.department_code,
                accepted_at = excluded.accepted_at, cancelled_at = excluded.cancelled_at, closed_at = excluded.closed_at,
                disposal_late = excluded.disposal_late, facts = excluded.facts
            """ : ""
        try await db.raw("""
            INSERT INTO case_facts (number, reported_at, last_at, street_code, grid_code, department_code,
                accepted_at, cancelled_at, closed_at, disposal_late, facts) VALUES
            """ + " " + (try factsRow(f)) + upsert).run()
    }

    /// The `case_facts` values of `f`, in the column order `saveFacts` names.
    static func factsRow(_ f: CaseFacts) throws -> SQLQueryString {
        let json = try CanonicalJSON.string(f)
        let department = f.owner?.kind == .department ? f.owner?.code : nil
        return """
            (\(bind: f.number), \(bind: f.reportedAt.millis), \(bind: f.lastEventAt.millis), \(bind: f.streetCode),
             \(bind: f.gridCode), \(bind: department), \(bind: f.acceptance?.at.millis), \(bind: f.cancelledAt?.millis),
             \(bind: f.closing?.at.millis), \(bind: f.disposalLate ? 1 : 0), \(bind: json))
            """
    }

    static func decodeFacts(_ row: any SQLRow) throws -> CaseFacts {
        let text = try row.decode(column: "facts", as: String.self)
        do {
            return try CanonicalJSON.decode(CaseFacts.self, from: Data(text.utf8))
        } catch {
            throw CaseStoreError.corrupt(number: (try? row.decode(column: "number", as: String.self)) ?? "?", reason: "facts: \(error)")
        }
    }

    /// Counts as stored: comma-separated in `EvaluationCount.allCases` order, trailing
    /// zeros left off (a hotspot tally is often just "1").
    static func encodeTally(_ tally: Tally) -> String {
        var values = tally.values
        while values.last == 0 { values.removeLast() }
        return values.map(String.init).joined(separator: ",")
    }

    static func decodeTally(_ text: String) -> Tally {
        Tally(values: text.split(separator: ",").map { Int($0) ?? 0 })
    }
}

/// Changes to the stored tallies, summed in memory and written once per transaction.
struct TallyDelta {
    /// The first key of the two-key advisory locks on tally periods.
    static let advisoryLockSpace: Int32 = 0x7461_6C79
    private var changes: [String: [TallyKey: Tally]] = [:]
    /// A batch of cases falls in a month or two: their periods are worked out once.
    private var periods = StandardPeriodCache(timeZone: Store.evaluationTimeZone)

    /// Adds (sign 1) or removes (sign -1) a case's contributions to its standard periods.
    mutating func add(_ facts: CaseFacts, sign: Int) {
        for period in facts.standardPeriods(cache: &periods) {
            for (key, tally) in facts.tallies(in: period) {
                let current = changes[period.label]?[key] ?? Tally()
                changes[period.label, default: [:]][key] = sign > 0 ? current + tally : current - tally
            }
        }
    }

    /// Two statements per period however many units a case touches: one read of the
    /// stored tallies, one multi-row write (and a delete for those back at zero), because
    /// a statement per unit made every action pay some eighty round trips.
    ///
    /// On PostgreSQL the read and the write are apart, and rows not yet there cannot be
    /// row-locked: a transaction-scoped advisory lock per period, taken in sorted order so
    /// two writers cannot wait on each other, keeps another server's writer from adding to
    /// the same tallies in between (SQLite has one writer, so nothing to guard).
    func write(in db: any SQLDatabase) async throws {
        if db.isPostgres {
            for period in changes.keys.sorted() {
                try await db.raw("SELECT pg_advisory_xact_lock(\(literal: Self.advisoryLockSpace), hashtext(\(bind: period)))").run()
            }
        }
        for (period, keyed) in changes {
            let moved = keyed.filter { !$0.value.isZero }
            for chunk in Array(moved).chunked(into: 300) {
                let keys: [SQLQueryString] = chunk.map { key, _ in "(\(bind: key.dimension.rawValue), \(bind: key.unit))" }
                let rows = try await db.raw("""
                    SELECT dimension, unit, counts FROM evaluation_tallies
                    WHERE period = \(bind: period) AND (dimension, unit) IN (VALUES
                    """ + keys.joined(separator: ", ") + ")").all()
                var stored: [TallyKey: Tally] = [:]
                for row in rows {
                    guard let dimension = EvaluationDimension(rawValue: try row.decode(column: "dimension", as: String.self)) else { continue }
                    stored[TallyKey(dimension, try row.decode(column: "unit", as: String.self))] =
                        Store.decodeTally(try row.decode(column: "counts", as: String.self))
                }
                var upserts: [SQLQueryString] = []
                var emptied: [SQLQueryString] = []
                for (key, delta) in chunk {
                    let total = (stored[key] ?? Tally()) + delta
                    if total.isZero {
                        emptied.append("(\(bind: key.dimension.rawValue), \(bind: key.unit))")
                    } else {
                        upserts.append("(\(bind: period), \(bind: key.dimension.rawValue), \(bind: key.unit), \(bind: Store.encodeTally(total)))")
                    }
                }
                if !upserts.isEmpty {
                    try await db.raw("INSERT INTO evaluation_tallies (period, dimension, unit, counts) VALUES "
                        + upserts.joined(separator: ", ")
                        + " ON CONFLICT (period, dimension, unit) DO UPDATE SET counts = excluded.counts").run()
                }
                if !emptied.isEmpty {
                    try await db.raw("DELETE FROM evaluation_tallies WHERE period = \(bind: period) AND (dimension, unit) IN (VALUES "
                        + emptied.joined(separator: ", ") + ")").run()
                }
            }
        }
    }
}

