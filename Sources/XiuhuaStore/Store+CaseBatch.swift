import Foundation
import SQLKit
import Xiuhua

/// Many cases' new events and projections, written together — for the simulator and
/// bulk imports, where a transaction per action would dominate. The events are the
/// workflow's own and are chained exactly as `act` chains them.
public struct CaseBatch: Sendable {
    /// One case's part of the batch.
    public struct Entry: Sendable {
        /// The case as stored before the batch; nil for a case the batch creates.
        public var storedVersion: Int
        /// The hash of the case's last stored event (the genesis hash for a new case).
        public var previousHash: String?
        /// The new events, in order.
        public var events: [CaseEvent]
        /// The case after the new events.
        public var snapshot: CaseSnapshot
    }

    public private(set) var entries: [Entry] = []
    private var index: [String: Int] = [:]

    public init() {}

    public var isEmpty: Bool { entries.isEmpty }
    public var eventCount: Int { entries.reduce(0) { $0 + $1.events.count } }

    /// Records that `events` turned the case into `snapshot`. The first call for a case
    /// names where its stored history ends: `storedVersion` 0 for a new case.
    public mutating func record(_ events: [CaseEvent], giving snapshot: CaseSnapshot, storedVersion: Int, previousHash: String?) {
        if let at = index[snapshot.number] {
            entries[at].events += events
            entries[at].snapshot = snapshot
        } else {
            index[snapshot.number] = entries.count
            entries.append(Entry(storedVersion: storedVersion, previousHash: previousHash, events: events, snapshot: snapshot))
        }
    }
}

extension Store {
    /// Reserves `count` consecutive case numbers for the local day of `instant`.
    public func reserveCaseNumbers(_ count: Int, on instant: Date, numbering: CaseNumbering) async throws -> [String] {
        guard count > 0 else { return [] }
        let dayKey = numbering.dayKey(instant)
        let first = try await engine.write { db in try await Store.advanceCounter(dayKey, by: count, in: db) }
        return (first..<(first + count)).map { numbering.number(dayKey: dayKey, sequence: $0) }
    }

    /// Writes the batch in one transaction — all of it or none — and returns each case's
    /// new last hash. The cases' evaluation facts and tallies move with the events, as
    /// `act` moves them. A projection whose stored version moved since the batch began is
    /// a conflict and rolls everything back.
    ///
    /// No notifications are queued: a batch replays a period on a virtual clock, and its
    /// messages would reach real receivers about instants long past.
    @discardableResult
    public func commit(_ batch: CaseBatch, clock: any WorkingTimeCalculator) async throws -> [String: String] {
        guard !batch.isEmpty else { return [:] }
        defer { noteCaseWrite() }
        var eventRows: [[any Encodable & Sendable]] = []
        var rows: [[(name: String, value: CaseProjection.Value)]] = []
        var lastHashes: [String: String] = [:]
        for entry in batch.entries {
            let number = entry.snapshot.number
            var previous = entry.previousHash ?? EventChain.genesis
            for (offset, event) in entry.events.enumerated() {
                let seq = entry.storedVersion + offset + 1
                let body = try event.canonicalJSON()
                let hash = EventChain.hash(caseNumber: number, seq: seq, previous: previous, body: body)
                eventRows.append([
                    number, seq, event.kind.rawValue, event.actorID, event.at.millis,
                    String(decoding: body, as: UTF8.self), previous, hash,
                ])
                previous = hash
            }
            lastHashes[number] = previous
            rows.append(try CaseProjection.row(entry.snapshot, at: entry.snapshot.lastEventAt, clock: clock))
        }
        let events = eventRows
        let projections = rows
        let entries = batch.entries
        let stored = entries.filter { $0.storedVersion > 0 }.map { (number: $0.snapshot.number, version: $0.storedVersion) }
        try await engine.write { db in
            // The batch was decided on the versions it read; if one moved, nothing is written.
            for chunk in stored.chunked(into: 400) {
                let found = try await db.raw("""
                    SELECT number, version FROM cases WHERE number IN (\(binds: chunk.map(\.number)))
                    """).all().map { (try $0.decode(column: "number", as: String.self), try $0.decode(column: "version", as: Int.self)) }
                let versions = Dictionary(found, uniquingKeysWith: { a, _ in a })
                if let moved = chunk.first(where: { versions[$0.number] != $0.version }) {
                    throw CaseStoreError.corrupt(number: moved.number, reason: "stored version moved while the batch was decided")
                }
            }
            for chunk in projections.chunked(into: 200) {
                try await Store.upsertProjections(Array(chunk), in: db)
            }
            for chunk in events.chunked(into: 500) {
                try await db.insert(into: "case_events")
                    .columns("case_number", "seq", "kind", "actor_id", "at", "body", "prev_hash", "hash")
                    .rows(chunk.map { row in row.map { SQLBind($0) as any SQLExpression } })
                    .run()
            }
            try await Store.recordFacts(of: entries, in: db)
        }
        return lastHashes
    }

    /// Writes new cases' projections and replaces existing ones, many rows per statement.
    static func upsertProjections(_ rows: [[(name: String, value: CaseProjection.Value)]], in db: any SQLDatabase) async throws {
        guard let names = rows.first?.map(\.name) else { return }
        try await db.insert(into: "cases")
            .columns(names)
            .rows(rows.map { row in row.map { SQLBind($0.value.bind) as any SQLExpression } })
            .onConflict(with: "number") { update in
                // Identity and intake columns never change after filing.
                names.filter { !["number", "ticket_code", "source", "created_at"].contains($0) }
                    .reduce(update) { $0.set(excludedValueOf: $1) }
            }
            .run()
    }

    /// Folds each entry's new events into its case's facts and moves the tallies once.
    static func recordFacts(of entries: [CaseBatch.Entry], in db: any SQLDatabase) async throws {
        var before: [String: CaseFacts] = [:]
        let existing = entries.filter { $0.storedVersion > 0 }.map(\.snapshot.number)
        for chunk in existing.chunked(into: 400) {
            for row in try await db.raw("SELECT number, facts FROM case_facts WHERE number IN (\(binds: Array(chunk)))").all() {
                let facts = try decodeFacts(row)
                before[facts.number] = facts
            }
        }
        var delta = TallyDelta()
        for entry in entries {
            let number = entry.snapshot.number
            let after: CaseFacts
            if entry.storedVersion == 0 {
                guard let facts = CaseFacts.replay(entry.events) else {
                    throw CaseStoreError.corrupt(number: number, reason: "new case's events do not start with reported")
                }
                after = facts
            } else {
                guard let old = before[number] else {
                    throw CaseStoreError.corrupt(number: number, reason: "case has no evaluation facts")
                }
                after = entry.events.reduce(old) { $0.applying($1) }
                delta.add(old, sign: -1)
            }
            try await saveFacts(after, replacing: entry.storedVersion > 0, in: db)
            delta.add(after, sign: 1)
        }
        try await delta.write(in: db)
    }
}
