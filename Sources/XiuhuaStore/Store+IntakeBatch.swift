import Foundation
import SQLKit
import Xiuhua

/// Writing many new cases with a handful of statements.
///
/// Filing one case takes about a dozen statements (the day's counter, the projection, the
/// event, the evaluation facts, two per evaluation period for the tallies, the
/// notifications). On the one SQLite writer each statement is a round trip to the database
/// thread, so under a burst of intake the writer spent its time in those round trips, not
/// in SQL. Here the cases are decided first (pure work), then written with one statement
/// per table — the counter moved once by the batch size, multi-row inserts, the tallies of
/// all of them moved together — so the cost per case falls as the batch grows.
extension Store {
    /// One case to file in a batch.
    struct NewCase: Sendable {
        let intake: CaseIntake
        let actor: Actor?
        let at: Date
        let numbering: CaseNumbering
        let clock: any WorkingTimeCalculator
        /// The ticket code drawn when the report was accepted (a journaled report's); nil
        /// draws one here.
        var ticketCode: String? = nil
    }

    /// Rows are inserted in chunks so that a statement stays far below SQLite's limit on
    /// bound parameters (32,766; the projection has about 30 columns).
    static let rowsPerStatement = 200

    /// Files `items` in `db` (inside the caller's transaction): each one numbered in order,
    /// decided by the workflow, and written with its event, facts, tallies and
    /// notifications exactly as `insertNewCase` would write it alone. A case the workflow
    /// refuses is not written and its refusal is returned in its place; the others are
    /// written.
    static func insertNewCases(_ items: [NewCase], in db: any SQLDatabase) async throws -> [Result<CaseSnapshot, CaseStoreError>] {
        // Decide first, so that numbers are drawn only for cases that will be written. The
        // decision does not depend on the number or the ticket code (only that they are not
        // blank), so each case is decided once, with placeholders that its number and code
        // replace below.
        var results: [Result<CaseSnapshot, CaseStoreError>?] = Array(repeating: nil, count: items.count)
        var accepted: [(index: Int, item: NewCase, event: CaseEvent)] = []
        for (index, item) in items.enumerated() {
            var probe = item.intake
            probe.number = "?"
            probe.ticketCode = "?"
            switch Workflow.report(probe, by: item.actor, at: item.at, clock: item.clock) {
            case .failure(let refusal): results[index] = .failure(.refused(refusal, current: nil))
            case .success(let event): accepted.append((index, item, event))
            }
        }

        // Numbers: the counter of each day moves once by the number of that day's cases.
        var byDay: [String: [Int]] = [:]
        var dayOrder: [String] = []
        for (position, entry) in accepted.enumerated() {
            let day = entry.item.numbering.dayKey(entry.item.at)
            if byDay[day] == nil { dayOrder.append(day) }
            byDay[day, default: []].append(position)
        }
        var numbers = Array(repeating: "", count: accepted.count)
        for day in dayOrder {
            let positions = byDay[day] ?? []
            let first = try await advanceCounter(day, by: positions.count, in: db)
            for (offset, position) in positions.enumerated() {
                numbers[position] = accepted[position].item.numbering.number(dayKey: day, sequence: first + offset)
            }
        }

        var projections: [[(name: String, value: CaseProjection.Value)]] = []
        var events: [SQLQueryString] = []
        var facts: [SQLQueryString] = []
        var notifications: [SQLQueryString] = []
        var tallies = TallyDelta()
        for (position, entry) in accepted.enumerated() {
            var event = entry.event
            guard case .reported(var numbered, let initialState) = event.change else {
                throw CaseStoreError.corrupt(number: numbers[position], reason: "reported event does not open a case")
            }
            numbered.number = numbers[position]
            numbered.ticketCode = entry.item.ticketCode ?? CaseNumbering.ticketCode()
            event.change = .reported(intake: numbered, initialState: initialState)
            guard let snapshot = CaseSnapshot(reported: event) else {
                throw CaseStoreError.corrupt(number: numbered.number, reason: "reported event does not open a case")
            }
            projections.append(try CaseProjection.row(snapshot, at: entry.item.at, clock: entry.item.clock))
            events.append(try eventRow(event, of: snapshot.number, seq: 1, previous: EventChain.genesis).row)
            if let caseFacts = CaseFacts(reported: event) {
                facts.append(try factsRow(caseFacts))
                tallies.add(caseFacts, sign: 1)
            }
            notifications += try notificationRows(for: [event], after: snapshot, firstSeq: 1, at: entry.item.at)
            results[entry.index] = .success(snapshot)
        }

        for chunk in projections.chunked(into: rowsPerStatement) {
            guard let columns = chunk.first?.map(\.name) else { continue }
            var insert = db.insert(into: "cases").columns(columns)
            for row in chunk { insert = insert.values(row.map { SQLBind($0.value.bind) }) }
            try await insert.run()
        }
        // Cases of a running 专项整治 of their category in its area are tagged with it.
        try await tagWithRunningCampaigns(
            accepted.enumerated().map { (intake: $0.element.item.intake, number: numbers[$0.offset], at: $0.element.item.at) }, in: db
        )
        for chunk in events.chunked(into: rowsPerStatement) {
            try await db.raw("INSERT INTO case_events (case_number, seq, kind, actor_id, at, body, prev_hash, hash) VALUES "
                + chunk.joined(separator: ", ")).run()
        }
        for chunk in facts.chunked(into: rowsPerStatement) {
            try await db.raw("""
                INSERT INTO case_facts (number, reported_at, last_at, street_code, grid_code, department_code,
                    accepted_at, cancelled_at, closed_at, disposal_late, facts) VALUES
                """ + " " + chunk.joined(separator: ", ")).run()
        }
        for chunk in notifications.chunked(into: rowsPerStatement) {
            try await db.raw("""
                INSERT INTO notification_outbox (id, channel, kind, recipient, case_number, body, created_at, next_attempt_at) VALUES
                """ + " " + chunk.joined(separator: ", ")).run()
        }
        try await tallies.write(in: db)
        return results.map { $0! }
    }
}

extension Store {
    /// Moves the case counter of `day` on by `count` and returns the first of the
    /// sequence numbers drawn (they run to first + count - 1).
    static func advanceCounter(_ day: String, by count: Int, in db: any SQLDatabase) async throws -> Int {
        let row = try await db.raw("""
            INSERT INTO case_counters (day, last) VALUES (\(bind: day), \(bind: count))
            ON CONFLICT(day) DO UPDATE SET last = case_counters.last + \(bind: count)
            RETURNING last
            """).first()
        guard let last = try row?.decode(column: "last", as: Int.self) else {
            throw CaseStoreError.corrupt(number: day, reason: "case counter did not return a value")
        }
        return last - count + 1
    }
}

/// Gathers the cases filed while a batch is being written into the next batch: the first
/// caller's case is written at once, and whoever arrives meanwhile waits for the batch
/// after it — as group commit does for transactions, one level up. Each caller gets its own
/// outcome; nobody's case is acknowledged before its batch is committed.
actor IntakeQueue {
    typealias Outcome = Result<CaseSnapshot, any Error>
    static let maximumBatch = 256

    private var pending: [(item: Store.NewCase, reply: CheckedContinuation<Outcome, Never>)] = []
    private var draining = false

    func file(_ item: Store.NewCase, writer: @escaping @Sendable ([Store.NewCase]) async throws -> [Result<CaseSnapshot, CaseStoreError>]) async throws -> CaseSnapshot {
        try await withCheckedContinuation { (reply: CheckedContinuation<Outcome, Never>) in
            pending.append((item, reply))
            if !draining {
                draining = true
                Task { await self.drain(writer) }
            }
        }.get()
    }

    private func drain(_ writer: @Sendable ([Store.NewCase]) async throws -> [Result<CaseSnapshot, CaseStoreError>]) async {
        while !pending.isEmpty {
            let batch = Array(pending.prefix(Self.maximumBatch))
            pending.removeFirst(batch.count)
            do {
                let outcomes = try await writer(batch.map(\.item))
                for (entry, outcome) in zip(batch, outcomes) {
                    entry.reply.resume(returning: outcome.mapError { $0 as any Error })
                }
            } catch {
                for entry in batch { entry.reply.resume(returning: .failure(error)) }
            }
        }
        draining = false
    }
}
