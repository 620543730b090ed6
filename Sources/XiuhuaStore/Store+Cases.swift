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
    /// Cases filed at the same time share that transaction (`IntakeQueue`); each call
    /// returns once its case is committed, and a refusal concerns only its own case.
    public func createCase(
        _ intake: CaseIntake,
        by actor: Actor?,
        at now: Date,
        numbering: CaseNumbering,
        clock: any WorkingTimeCalculator
    ) async throws -> CaseSnapshot {
        intakeCount.add(1, ordering: .relaxed)
        defer {
            intakeCount.subtract(1, ordering: .relaxed)
            noteCaseWrite()
        }
        let item = NewCase(intake: intake, actor: actor, at: now, numbering: numbering, clock: clock)
        return try await intakeQueue.file(item) { [engine] batch in
            try await engine.write { db in try await Store.insertNewCases(batch, in: db) }
        }
    }

    /// Files many cases in one transaction — for imports and benchmarks, where a commit per
    /// case would dominate. All are written, or none.
    public func createCases(
        _ items: [(intake: CaseIntake, actor: Actor?, at: Date)],
        numbering: CaseNumbering,
        clock: any WorkingTimeCalculator
    ) async throws {
        defer { noteCaseWrite() }
        let batch = items.map { NewCase(intake: $0.intake, actor: $0.actor, at: $0.at, numbering: numbering, clock: clock) }
        try await engine.write { db in
            for case .failure(let refusal) in try await Store.insertNewCases(batch, in: db) { throw refusal }
        }
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
        clock: any WorkingTimeCalculator,
        whistleLimits: WhistleLimits = .standard
    ) async throws -> (snapshot: CaseSnapshot, events: [CaseEvent]) {
        defer { noteCaseWrite() }
        return try await engine.write { db in
            try await Store.act(
                on: number, action, by: actor, at: now, expectedVersion: expectedVersion, clock: clock,
                whistleLimits: whistleLimits, in: db
            )
        }
    }

    /// Takes the same action on several cases in one transaction — a joint whistle (联合吹哨)
    /// on cases that share one problem. If the workflow refuses it on any case, none is written.
    public func actJointly(
        on numbers: [String],
        _ action: CaseAction,
        by actor: Actor,
        at now: Date,
        clock: any WorkingTimeCalculator,
        whistleLimits: WhistleLimits = .standard
    ) async throws -> [(snapshot: CaseSnapshot, events: [CaseEvent])] {
        defer { noteCaseWrite() }
        return try await engine.write { db in
            var results: [(snapshot: CaseSnapshot, events: [CaseEvent])] = []
            for number in numbers {
                results.append(try await Store.act(
                    on: number, action, by: actor, at: now, expectedVersion: nil, clock: clock, whistleLimits: whistleLimits, in: db
                ))
            }
            return results
        }
    }

    static func act(
        on number: String,
        _ action: CaseAction,
        by actor: Actor,
        at now: Date,
        expectedVersion: Int?,
        clock: any WorkingTimeCalculator,
        whistleLimits: WhistleLimits,
        in db: any SQLDatabase
    ) async throws -> (snapshot: CaseSnapshot, events: [CaseEvent]) {
        // On PostgreSQL other servers write too: the row lock makes actions on one case
        // take turns, each seeing the version and chain the previous one committed.
        guard let current = try await Store.snapshot(number, in: db, forUpdate: db.isPostgres) else {
            throw CaseStoreError.notFound(number: number)
        }
        if let expectedVersion, expectedVersion != current.version {
            throw CaseStoreError.versionConflict(expected: expectedVersion, current: current)
        }
        if case .merge(let into, let note) = action {
            return try await Store.merge(current, into: into, note: note, by: actor, at: now, clock: clock, in: db)
        }
        let events: [CaseEvent]
        switch Workflow.decide(current, action, by: actor, at: now, clock: clock, whistleLimits: whistleLimits) {
        case .success(let decided): events = decided
        case .failure(let refusal): throw CaseStoreError.refused(refusal, current: current)
        }
        return (try await Store.record(events, on: current, at: now, clock: clock, in: db), events)
    }

    /// Appends `events` to `current`'s chain and writes what follows from them — the
    /// projection, the evaluation facts, the notifications — returning the new snapshot.
    static func record(
        _ events: [CaseEvent], on current: CaseSnapshot, at now: Date, clock: any WorkingTimeCalculator, in db: any SQLDatabase
    ) async throws -> CaseSnapshot {
        let number = current.number
        let next = events.reduce(current) { $0.applying($1) }
        let last = try await db.raw("""
            SELECT hash FROM case_events WHERE case_number = \(bind: number) ORDER BY seq DESC LIMIT 1
            """).first()?.decode(column: "hash", as: String.self) ?? EventChain.genesis
        try await Store.append(events, to: number, after: current.version, previousHash: last, in: db)
        try await Store.updateProjection(next, replacingVersion: current.version, at: now, clock: clock, in: db)
        try await Store.recordFacts(events, on: number, in: db)
        try await Store.enqueueNotifications(for: events, after: next, firstSeq: current.version + 1, at: now, in: db)
        return next
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

    /// Open cases with a summoned department past its check-in deadline, not yet marked.
    public func casesWithMissedCheckIns(at now: Date, limit: Int = 500) async throws -> [String] {
        try await engine.read { db in
            try await db.raw("""
                SELECT number FROM cases WHERE checkin_deadline IS NOT NULL AND checkin_deadline < \(bind: now.millis)
                ORDER BY checkin_deadline LIMIT \(literal: limit)
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
            let (row, hash) = try eventRow(event, of: number, seq: version + offset + 1, previous: previous)
            try await db.raw("INSERT INTO case_events (case_number, seq, kind, actor_id, at, body, prev_hash, hash) VALUES " + row).run()
            previous = hash
        }
    }

    /// The `case_events` values of `event` at `seq`, chained to `previous`, and its hash.
    static func eventRow(_ event: CaseEvent, of number: String, seq: Int, previous: String) throws -> (row: SQLQueryString, hash: String) {
        let body = try event.canonicalJSON()
        let hash = EventChain.hash(caseNumber: number, seq: seq, previous: previous, body: body)
        let row: SQLQueryString = """
            (\(bind: number), \(bind: seq), \(bind: event.kind.rawValue), \(bind: event.actorID),
             \(bind: event.at.millis), \(bind: String(decoding: body, as: UTF8.self)), \(bind: previous), \(bind: hash))
            """
        return (row, hash)
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
