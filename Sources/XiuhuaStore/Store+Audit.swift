import Foundation
import SQLKit
import Xiuhua

/// The outcome of walking every case's hash chain.
public struct AuditReport: Sendable {
    public var casesChecked = 0
    public var eventsChecked = 0
    /// The first case whose history does not hold, and why; nil when all hold.
    public var firstBroken: (number: String, reason: String)?

    public var isIntact: Bool { firstBroken == nil }
}

extension Store {
    /// Walks the whole database: every event's hash must match its content and its
    /// predecessor, sequence numbers must run 1…n, and replaying the events must give the
    /// stored projection. Stops at the first case that fails.
    public func verifyAudit(progress: (@Sendable (Int) -> Void)? = nil) async throws -> AuditReport {
        var report = AuditReport()
        var after = ""
        while true {
            let cursor = after
            let numbers = try await engine.read { db in
                try await db.raw("SELECT number FROM cases WHERE number > \(bind: cursor) ORDER BY number LIMIT 1000").all()
                    .map { try $0.decode(column: "number", as: String.self) }
            }
            guard let last = numbers.last else { break }
            for number in numbers {
                let (events, problem) = try await engine.read { db in try await Store.verifyChain(of: number, in: db) }
                report.casesChecked += 1
                report.eventsChecked += events
                if let problem {
                    report.firstBroken = (number, problem)
                    return report
                }
            }
            progress?(report.casesChecked)
            after = last
        }
        let orphans = try await engine.read { db in
            try await db.raw("""
                SELECT DISTINCT case_number FROM case_events WHERE case_number NOT IN (SELECT number FROM cases) LIMIT 1
                """).first()?.decode(column: "case_number", as: String.self)
        }
        if let orphan = orphans {
            report.firstBroken = (orphan, "events without a case row")
        }
        return report
    }

    /// Checks one case; returns the number of events read and the problem, if any.
    static func verifyChain(of number: String, in db: any SQLDatabase) async throws -> (Int, String?) {
        let rows = try await db.raw("""
            SELECT seq, body, prev_hash, hash FROM case_events WHERE case_number = \(bind: number) ORDER BY seq
            """).all()
        var previous = EventChain.genesis
        var events: [CaseEvent] = []
        for (index, row) in rows.enumerated() {
            let seq = try row.decode(column: "seq", as: Int.self)
            let body = try row.decode(column: "body", as: String.self)
            let prevHash = try row.decode(column: "prev_hash", as: String.self)
            let hash = try row.decode(column: "hash", as: String.self)
            if seq != index + 1 { return (index, "event \(index + 1) is missing (found \(seq))") }
            if prevHash != previous { return (index, "event \(seq) does not follow event \(seq - 1): chain broken") }
            if EventChain.hash(caseNumber: number, seq: seq, previous: previous, body: Data(body.utf8)) != hash {
                return (index, "event \(seq) was altered: its content does not match its hash")
            }
            guard let event = try? CaseEvent(canonicalJSON: Data(body.utf8)) else {
                return (index, "event \(seq) cannot be read")
            }
            events.append(event)
            previous = hash
        }
        guard let replayed = CaseSnapshot.replay(events) else { return (rows.count, "no reported event") }
        guard let stored = try? await snapshot(number, in: db) else { return (rows.count, "stored projection cannot be read") }
        if stored != replayed {
            return (rows.count, "stored projection (state \(stored.state.rawValue), version \(stored.version)) differs from its events (state \(replayed.state.rawValue), version \(replayed.version))")
        }
        if let column = try await CaseProjection.firstDifference(replayed, in: db) {
            return (rows.count, "projection column \(column) differs from its events")
        }
        return (rows.count, nil)
    }
}
