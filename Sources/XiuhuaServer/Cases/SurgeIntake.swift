import Foundation
import Logging
import ServiceLifecycle
import Xiuhua
import XiuhuaStore

/// Intake that keeps answering when reports arrive faster than cases can be filed.
///
/// Under normal load a report is filed at once and the answer carries its case number.
/// When the writer falls behind — more than `Settings.threshold` reports already waiting
/// for it, or reports journaled and not yet filed — a report that passed every check is
/// written to the `IntakeJournal` instead, acknowledged once it is on disk with the ticket
/// code its case will have (Open311's `token`), and filed by `SurgeIntakeFiler` from the
/// journal, oldest first. While reports arrive faster than the filer can file them, it
/// pauses between batches, so that answering keeps most of the CPU; when it can keep up, or
/// once they stop, it files at full speed (see `pause`). The number
/// of reports waiting is bounded (`maximumBacklog`): beyond it new ones are refused with
/// 503 and a Retry-After rather than queued without end.
///
/// Only a server on the embedded SQLite store journals: the journal is a directory of that
/// one server, while several servers on one PostgreSQL database each file at once.
public final class SurgeIntake: @unchecked Sendable {
    public struct Settings: Sendable, Equatable {
        /// Reports waiting for the writer at which new ones are journaled instead; 0
        /// journals every report (for tests).
        public var threshold = 32
        /// Reports journaled and not yet filed at which new ones are refused.
        public var maximumBacklog = 200_000
        /// While reports arrive faster than the filer files them, it waits this many times as
        /// long as its last batch took before the next one (see `SurgeIntake.pause`).
        public var yieldFactor = 9
        public static let batch = 256

        public init() {}
    }

    /// What is known of a ticket that has no case yet.
    public enum TicketState: Sendable, Equatable {
        case queued
        case refused(String)
        case unknown
    }

    public struct BacklogFull: Error {
        public let backlog: Int
    }

    public let settings: Settings
    private let journal: IntakeJournal
    private let lock = NSLock()
    private var backlog: [IntakeJournal.Recorded] = []
    private var head = 0
    private var queuedTickets: Set<String> = []
    private var refusedTickets: [String: String] = [:]
    private var arrivals: UInt64 = 0
    private let wake: AsyncStream<Void>.Continuation
    let wakeups: AsyncStream<Void>

    /// Opens the journal in `directory`; what an earlier run left in it is queued first.
    public static func open(directory: String, settings: Settings = Settings()) throws -> SurgeIntake {
        let (journal, recovered) = try IntakeJournal.open(directory: directory)
        return SurgeIntake(journal: journal, recovered: recovered, settings: settings)
    }

    private init(journal: IntakeJournal, recovered: [IntakeJournal.Recorded], settings: Settings) {
        self.journal = journal
        self.settings = settings
        self.backlog = recovered
        self.queuedTickets = Set(recovered.map(\.entry.ticket))
        (wakeups, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        if !recovered.isEmpty { wake.yield() }
    }

    /// Reports journaled and not yet filed.
    public var backlogCount: Int { lock.withLock { backlog.count - head } }

    /// Whether a report arriving now should be journaled rather than filed at once.
    public func shouldJournal(_ store: Store) -> Bool {
        backlogCount > 0 || store.intakeInFlight >= settings.threshold
    }

    /// Journals a checked report (`payload`: as its channel received it, one line) and
    /// returns its ticket once it is on disk.
    public func accept(_ payload: String, at date: Date) async throws -> String {
        let waiting = backlogCount
        guard waiting < settings.maximumBacklog else { throw BacklogFull(backlog: waiting) }
        let ticket = CaseNumbering.ticketCode()
        let entry = IntakeJournal.Entry(ticket: ticket, at: date, payload: payload)
        let segment = try await journal.append(entry)
        lock.withLock {
            backlog.append(IntakeJournal.Recorded(entry: entry, segment: segment))
            queuedTickets.insert(ticket)
            arrivals &+= 1
        }
        wake.yield()
        return ticket
    }

    public func state(ofTicket ticket: String) -> TicketState {
        lock.withLock {
            if queuedTickets.contains(ticket) { return .queued }
            if let reason = refusedTickets[ticket] { return .refused(reason) }
            return .unknown
        }
    }

    /// Ends the filer's wait for arrivals (at shutdown).
    func stopFiling() {
        wake.finish()
    }

    /// Closes the journal once the server has stopped answering; what is left in it is
    /// filed at the next start.
    public func close() {
        wake.finish()
        journal.close()
    }

    // MARK: - For the filer

    var arrivalCount: UInt64 { lock.withLock { arrivals } }

    /// How long the filer leaves the CPU to answering after a batch of `filed` reports that
    /// took `elapsed`, when `arrived` reports came in over the last `window`; nil: file the
    /// next batch at once.
    ///
    /// When reports arrive more slowly than the filer files them at full speed, it files
    /// at full speed: it catches up, the backlog empties, and reports are filed at once
    /// again. (A filer that yielded then would let a load it could carry grow a backlog
    /// without end.) When they arrive faster, the backlog grows whatever the filer does,
    /// and what is left to win is answering: the filer then works one part in
    /// `yieldFactor + 1` of the time (at most a second's pause) until the burst is over,
    /// and at full speed after.
    static func pause(elapsed: Duration, filed: Int, arrived: UInt64, window: Duration, yieldFactor: Int) -> Duration? {
        guard arrived > 0, filed > 0, elapsed > .zero, window > .zero else { return nil }
        let arrivalRate = Double(arrived) / window.seconds
        let filingRate = Double(filed) / elapsed.seconds
        guard arrivalRate >= filingRate else { return nil }
        return min(elapsed * yieldFactor, .seconds(1))
    }

    func oldest(_ count: Int) -> [IntakeJournal.Recorded] {
        lock.withLock { Array(backlog[head..<min(backlog.count, head + count)]) }
    }

    /// Records the outcomes of the `oldest` batch just written and drops it from the queue.
    func finished(_ batch: [IntakeJournal.Recorded], _ outcomes: [Store.JournaledOutcome]) {
        precondition(batch.count == outcomes.count)
        lock.withLock {
            head += batch.count
            if head > 4_096 && head * 2 > backlog.count {
                backlog.removeFirst(head)
                head = 0
            }
            for (recorded, outcome) in zip(batch, outcomes) {
                queuedTickets.remove(recorded.entry.ticket)
                if case .refused(let error) = outcome {
                    if refusedTickets.count > 10_000 { refusedTickets.removeAll() }
                    refusedTickets[recorded.entry.ticket] = "\(error)"
                }
            }
        }
        var bySegment: [Int: Int] = [:]
        for recorded in batch { bySegment[recorded.segment, default: 0] += 1 }
        for (segment, count) in bySegment { journal.filed(segment: segment, count: count) }
    }
}

/// Files the journaled reports of `SurgeIntake` as cases, in batches, oldest first, until
/// the server shuts down; what it has not filed by then stays in the journal.
struct SurgeIntakeFiler: Service {
    let intake: SurgeIntake
    let services: XiuhuaServices
    let logger: Logger
    /// The journal holds Open311 reports (the only channel that journals). Made once: the
    /// routes render their service list when made.
    private let open311: Open311Routes

    init(intake: SurgeIntake, services: XiuhuaServices, logger: Logger) {
        self.intake = intake
        self.services = services
        self.logger = logger
        self.open311 = Open311Routes(services: services)
    }

    private func decode(_ entry: IntakeJournal.Entry) async throws -> Store.JournaledReport {
        try await open311.journaledReport(entry)
    }

    func run() async throws {
        var wakeups = intake.wakeups.makeAsyncIterator()
        var windowStart = ContinuousClock.now
        var arrivalsSince = intake.arrivalCount
        try await withGracefulShutdownHandler {
            while !Task.isShuttingDownGracefully {
                let batch = intake.oldest(SurgeIntake.Settings.batch)
                if batch.isEmpty {
                    // Nothing queued: wait for an arrival (or the end of the stream at shutdown).
                    guard await wakeups.next() != nil else { return }
                    windowStart = ContinuousClock.now
                    arrivalsSince = intake.arrivalCount
                    continue
                }
                let started = ContinuousClock.now
                // Each report is read again and decided as at its acceptance; one that no
                // longer passes (the district or catalog changed meanwhile) is refused alone.
                var reports: [Store.JournaledReport] = []
                var unreadable: [Int: String] = [:]
                for (index, recorded) in batch.enumerated() {
                    do {
                        reports.append(try await decode(recorded.entry))
                    } catch let refusal as Open311Error {
                        unreadable[index] = refusal.entries.map(\.description).joined(separator: "; ")
                    } catch {
                        unreadable[index] = "\(error)"
                    }
                }
                let filed: [Store.JournaledOutcome]
                do {
                    filed = try await services.store.fileJournaled(reports, numbering: services.numbering, clock: services.calendar)
                } catch {
                    // The database is unavailable: the reports stay queued (and journaled).
                    logger.error("journaled reports not filed, retrying", metadata: ["error": "\(error)", "count": "\(batch.count)"])
                    try? await Task.sleep(for: .seconds(1))
                    continue
                }
                var outcomes: [Store.JournaledOutcome] = []
                var next = filed.makeIterator()
                for index in batch.indices {
                    if let reason = unreadable[index] {
                        outcomes.append(.refused(.corrupt(number: batch[index].entry.ticket, reason: reason)))
                    } else if let outcome = next.next() {
                        outcomes.append(outcome)
                    }
                }
                intake.finished(batch, outcomes)
                for (recorded, outcome) in zip(batch, outcomes) {
                    if case .refused(let error) = outcome {
                        logger.error("a journaled report was refused when filed", metadata: ["ticket": "\(recorded.entry.ticket)", "error": "\(error)"])
                    }
                }
                let now = ContinuousClock.now
                let arrivals = intake.arrivalCount
                let pause = SurgeIntake.pause(
                    elapsed: now - started, filed: batch.count, arrived: arrivals &- arrivalsSince,
                    window: now - windowStart, yieldFactor: intake.settings.yieldFactor
                )
                // The next window of arrivals starts here and includes the pause.
                windowStart = now
                arrivalsSince = arrivals
                if let pause { try? await Task.sleep(for: pause) }
            }
        } onGracefulShutdown: {
            intake.stopFiling()
        }
    }
}

private extension Duration {
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
