import Foundation
import SQLKit
import Xiuhua

/// Filing the reports of the intake journal (`IntakeJournal`).
extension Store {
    /// A journaled report, decided: what `createCase` would have been given, with the
    /// ticket code it was acknowledged with.
    public struct JournaledReport: Sendable {
        public var ticket: String
        public var at: Date
        public var actor: Actor?
        public var intake: CaseIntake

        public init(ticket: String, at: Date, actor: Actor?, intake: CaseIntake) {
            self.ticket = ticket
            self.at = at
            self.actor = actor
            self.intake = intake
        }
    }

    /// What became of one journaled report.
    public enum JournaledOutcome: Sendable {
        /// Filed now as this case.
        case filed(CaseSnapshot)
        /// Filed before (its ticket names a case already): a journal replayed after a crash
        /// between the commit and the journal's bookkeeping.
        case alreadyFiled
        /// The workflow refused it.
        case refused(CaseStoreError)
    }

    /// Files `entries` in one transaction with the ticket codes they were accepted with,
    /// skipping any whose ticket already names a case — so replaying a journal files each
    /// report once. The outcomes are in the order of `entries`.
    public func fileJournaled(
        _ entries: [JournaledReport], numbering: CaseNumbering, clock: any WorkingTimeCalculator
    ) async throws -> [JournaledOutcome] {
        guard !entries.isEmpty else { return [] }
        defer { noteCaseWrite() }
        return try await engine.write { db in
            var existing = Set<String>()
            for chunk in entries.map(\.ticket).chunked(into: Store.rowsPerStatement) {
                let rows = try await db.select().column("ticket_code").from("cases")
                    .where(SQLIdentifier("ticket_code"), .in, Array(chunk)).all()
                for row in rows { existing.insert(try row.decode(column: "ticket_code", as: String.self)) }
            }
            var fresh: [NewCase] = []
            var positions: [Int] = []
            var outcomes = Array(repeating: JournaledOutcome.alreadyFiled, count: entries.count)
            for (index, entry) in entries.enumerated() where existing.insert(entry.ticket).inserted {
                fresh.append(NewCase(intake: entry.intake, actor: entry.actor, at: entry.at, numbering: numbering, clock: clock, ticketCode: entry.ticket))
                positions.append(index)
            }
            for (position, result) in zip(positions, try await Store.insertNewCases(fresh, in: db)) {
                switch result {
                case .success(let snapshot): outcomes[position] = .filed(snapshot)
                case .failure(let refusal): outcomes[position] = .refused(refusal)
                }
            }
            return outcomes
        }
    }
}
