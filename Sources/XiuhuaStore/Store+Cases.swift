import Foundation
import SQLKit
import Xiuhua

/// A stored event with its place in the case's hash chain.
public struct StoredCaseEvent: Sendable {
    public let seq: Int
    public let event: CaseEvent
    public let hash: String
}

extension Store {
    /// Files a new case: draws its number, writes the `reported` event, the projection and
    /// the notifications it causes in one transaction. The number and ticket code in `intake` are replaced.
    public func createCase(
        _ intake: CaseIntake,
        by actor: Actor?,
        at now: Date,
        numbering: CaseNumbering,
        clock: any WorkingTimeCalculator
    ) async throws -> CaseSnapshot {
        try await engine.write { db in
            try await Store.insertNewCase(intake, by: actor, at: now, numbering: numbering, clock: clock, in: db)
        }
    }

    /// Files many cases in one transaction — for imports and benchmarks, where a commit per
    /// case would dominate. All are written, or none.
    public func createCases(
        _ items: [(intake: CaseIntake, actor: Actor?, at: Date)],
        numbering: CaseNumbering,
        clock: any WorkingTimeCalculator
    ) async throws {
        try await engine.write { db in
            for item in items {
                _ = try await Store.insertNewCase(item.intake, by: item.actor, at: item.at, numbering: numbering, clock: clock, in: db)
            }
        }
    }

    static func insertNewCase(
        _ intake: CaseIntake,
        by actor: Actor?,
        at now: Date,
        numbering: CaseNumbering,
        clock: any WorkingTimeCalculator,
        in db: any SQLDatabase
    ) async throws -> CaseSnapshot {
        let dayKey = numbering.dayKey(now)
        let row = try await db.raw("""
            INSERT INTO case_counters (day, last) VALUES (\(bind: dayKey), 1)
            ON CONFLICT(day) DO UPDATE SET last = case_counters.last + 1
            RETURNING last
            """).first()
        guard let sequence = try row?.decode(column: "last", as: Int.self) else {
            throw CaseStoreError.corrupt(number: dayKey, reason: "case counter did not return a value")
        }
        var numbered = intake
        numbered.number = numbering.number(dayKey: dayKey, sequence: sequence)
        numbered.ticketCode = CaseNumbering.ticketCode()
        let event: CaseEvent
        switch Workflow.report(numbered, by: actor, at: now, clock: clock) {
        case .success(let reported): event = reported
        case .failure(let refusal): throw CaseStoreError.refused(refusal, current: nil)
        }
        guard let snapshot = CaseSnapshot(reported: event) else {
            throw CaseStoreError.corrupt(number: numbered.number, reason: "reported event does not open a case")
        }
        try await insertProjection(snapshot, at: now, clock: clock, in: db)
        try await append([event], to: numbered.number, after: 0, previousHash: EventChain.genesis, in: db)
        try await recordFacts(reported: event, in: db)
        try await enqueueNotifications(for: [event], after: snapshot, firstSeq: 1, at: now, in: db)
        return snapshot
    }

    /// Takes `action` on case `number` as `actor`: the workflow decides, and its events, the
    /// new projection and the notifications they cause are written in one transaction. With `expectedVersion`, the
    /// action applies only if nobody has acted since the caller read the case.
    public func act(
        on number: String,
        _ action: CaseAction,
        by actor: Actor,
        at now: Date,
        expectedVersion: Int? = nil,
        clock: any WorkingTimeCalculator
    ) async throws -> (snapshot: CaseSnapshot, events: [CaseEvent]) {
        try await engine.write { db in
            // On PostgreSQL other servers write too: the row lock makes actions on one case
            // take turns, each seeing the version and chain the previous one committed.
            guard let current = try await Store.snapshot(number, in: db, forUpdate: db.isPostgres) else {
                throw CaseStoreError.notFound(number: number)
            }
            if let expectedVersion, expectedVersion != current.version {
                throw CaseStoreError.versionConflict(expected: expectedVersion, current: current)
            }
            let events: [CaseEvent]
            switch Workflow.decide(current, action, by: actor, at: now, clock: clock) {
            case .success(let decided): events = decided
            case .failure(let refusal): throw CaseStoreError.refused(refusal, current: current)
            }
            let next = events.reduce(current) { $0.applying($1) }
            let last = try await db.raw("""
                SELECT hash FROM case_events WHERE case_number = \(bind: number) ORDER BY seq DESC LIMIT 1
                """).first()?.decode(column: "hash", as: String.self) ?? EventChain.genesis
            try await Store.append(events, to: number, after: current.version, previousHash: last, in: db)
            try await Store.updateProjection(next, replacingVersion: current.version, at: now, clock: clock, in: db)
            try await Store.recordFacts(events, on: number, in: db)
            try await Store.enqueueNotifications(for: events, after: next, firstSeq: current.version + 1, at: now, in: db)
            return (next, events)
        }
    }

    /// The case as it stands, or nil.
    public func caseSnapshot(_ number: String) async throws -> CaseSnapshot? {
        try await engine.read { db in try await Store.snapshot(number, in: db) }
    }

    /// The case a citizen's ticket code points to, or nil.
    public func caseSnapshot(ticket code: String) async throws -> CaseSnapshot? {
        try await engine.read { db in
            guard let row = try await db.raw("SELECT snapshot, number FROM cases WHERE ticket_code = \(bind: code)").first() else {
                return nil
            }
            return try Store.decodeSnapshot(row)
        }
    }

    /// The case's events in order.
    public func caseEvents(_ number: String) async throws -> [StoredCaseEvent] {
        try await engine.read { db in
            try await db.raw("""
                SELECT seq, body, hash FROM case_events WHERE case_number = \(bind: number) ORDER BY seq
                """).all().map { row in
                let seq = try row.decode(column: "seq", as: Int.self)
                let body = try row.decode(column: "body", as: String.self)
                do {
                    return StoredCaseEvent(
                        seq: seq, event: try CaseEvent(canonicalJSON: Data(body.utf8)),
                        hash: try row.decode(column: "hash", as: String.self)
                    )
                } catch {
                    throw CaseStoreError.corrupt(number: number, reason: "event \(seq): \(error)")
                }
            }
        }
    }

    /// Open cases whose current stage ran out before `now` and is not yet marked overdue,
    /// oldest deadline first.
    public func casesDueForOverdueMark(at now: Date, limit: Int = 500) async throws -> [String] {
        try await engine.read { db in
            try await db.raw("""
                SELECT number FROM cases
                WHERE stage_deadline IS NOT NULL AND stage_overdue_marked = 0 AND suspended = 0
                  AND stage_deadline < \(bind: now.millis)
                ORDER BY stage_deadline LIMIT \(literal: limit)
                """).all().map { try $0.decode(column: "number", as: String.self) }
        }
    }

    // MARK: - Rows

    static func snapshot(_ number: String, in db: any SQLDatabase, forUpdate: Bool = false) async throws -> CaseSnapshot? {
        let lock: SQLQueryString = forUpdate ? " FOR UPDATE" : ""
        guard let row = try await db.raw("SELECT snapshot, number FROM cases WHERE number = \(bind: number)" + lock).first() else {
            return nil
        }
        return try decodeSnapshot(row)
    }

    static func decodeSnapshot(_ row: any SQLRow) throws -> CaseSnapshot {
        let text = try row.decode(column: "snapshot", as: String.self)
        do {
            return try CanonicalJSON.decode(CaseSnapshot.self, from: Data(text.utf8))
        } catch {
            let number = (try? row.decode(column: "number", as: String.self)) ?? "?"
            throw CaseStoreError.corrupt(number: number, reason: "snapshot: \(error)")
        }
    }

    static func append(
        _ events: [CaseEvent], to number: String, after version: Int, previousHash: String, in db: any SQLDatabase
    ) async throws {
        var previous = previousHash
        for (offset, event) in events.enumerated() {
            let seq = version + offset + 1
            let body = try event.canonicalJSON()
            let hash = EventChain.hash(caseNumber: number, seq: seq, previous: previous, body: body)
            try await db.raw("""
                INSERT INTO case_events (case_number, seq, kind, actor_id, at, body, prev_hash, hash)
                VALUES (\(bind: number), \(bind: seq), \(bind: event.kind.rawValue), \(bind: event.actorID),
                        \(bind: event.at.millis), \(bind: String(decoding: body, as: UTF8.self)), \(bind: previous), \(bind: hash))
                """).run()
            previous = hash
        }
    }

    static func insertProjection(_ s: CaseSnapshot, at now: Date, clock: any WorkingTimeCalculator, in db: any SQLDatabase) async throws {
        let row = try CaseProjection.row(s, at: now, clock: clock)
        try await db.insert(into: "cases").columns(row.map(\.name)).values(row.map { SQLBind($0.value.bind) }).run()
    }

    static func updateProjection(
        _ s: CaseSnapshot, replacingVersion version: Int, at now: Date, clock: any WorkingTimeCalculator, in db: any SQLDatabase
    ) async throws {
        var update = db.update("cases")
        for (name, value) in try CaseProjection.row(s, at: now, clock: clock) where name != "number" {
            update = update.set(SQLIdentifier(name), to: SQLBind(value.bind))
        }
        let updated = try await update
            .where("number", .equal, SQLBind(s.number))
            .where("version", .equal, SQLBind(version))
            .returning("number")
            .all()
        guard updated.count == 1 else {
            throw CaseStoreError.corrupt(number: s.number, reason: "projection at version \(version) not found")
        }
    }
}
