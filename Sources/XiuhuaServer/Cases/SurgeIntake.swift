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
/// journal, oldest first. While reports keep arriving and the filer gains on them it pauses
/// between batches, so that answering keeps most of the CPU; when they outpace it, or once
/// they stop, it files at full speed (see `pause`). The number
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
        /// While reports keep arriving (and the backlog shrinks), the filer waits this many
        /// times as long as its last batch took before the next one.
        public var yieldFactor = 4
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

    /// Journals a checked report and returns its ticket once it is on disk.
    public func accept(_ intake: CaseIntake, by actor: Actor?, at date: Date) async throws -> String {
        let waiting = backlogCount
        guard waiting < settings.maximumBacklog else { throw BacklogFull(backlog: waiting) }
        let ticket = CaseNumbering.ticketCode()
        let entry = IntakeJournal.Entry(ticket: ticket, at: date, actor: actor, intake: intake)
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

    /// How long the filer leaves the CPU to answering after a batch that took `elapsed`;
    /// nil: file the next batch at once. While reports keep arriving it pauses `yieldFactor`
    /// times as long as the batch took (at most a second) — but only while that still
    /// wins: when the backlog at the start of this batch (`backlog`) is no smaller than at
    /// the start of the one before, the arrivals outpace a yielding filer and it files
    /// without pausing. (A filer that always yielded filed at a fifth of its speed under
    /// any steady stream of reports, so a rate that filing at once sustains grew the
    /// backlog without end, until reports were refused.)
    static func pause(after elapsed: Duration, arrived: Bool, backlog: Int, previousBacklog: Int, yieldFactor: Int) -> Duration? {
        guard arrived, backlog < previousBacklog else { return nil }
        return min(elapsed * yieldFactor, .seconds(1))
    }

    var arrivalCount: UInt64 { lock.withLock { arrivals } }

    func oldest(_ count: Int) -> [IntakeJournal.Recorded] {
        lock.withLock { Array(backlog[head..<min(backlog.count, head + count)]) }
    }

    /// Records the outcomes of the `oldest` batch just written and drops it from the queue.
    func finished(_ batch: [IntakeJournal.Recorded], _ outcomes: [Store.JournaledOutcome]) {
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

    func run() async throws {
        var wakeups = intake.wakeups.makeAsyncIterator()
        var previousBacklog = Int.max
        try await withGracefulShutdownHandler {
            while !Task.isShuttingDownGracefully {
                let batch = intake.oldest(SurgeIntake.Settings.batch)
                if batch.isEmpty {
                    // Nothing queued: wait for an arrival (or the end of the stream at shutdown).
                    previousBacklog = Int.max
                    guard await wakeups.next() != nil else { return }
                    continue
                }
                let backlog = intake.backlogCount
                defer { previousBacklog = backlog }
                let arrivalsBefore = intake.arrivalCount
                let started = ContinuousClock.now
                let outcomes: [Store.JournaledOutcome]
                do {
                    outcomes = try await services.store.fileJournaled(
                        batch.map(\.entry), numbering: services.numbering, clock: services.calendar
                    )
                } catch {
                    // The database is unavailable: the reports stay queued (and journaled).
                    logger.error("journaled reports not filed, retrying", metadata: ["error": "\(error)", "count": "\(batch.count)"])
                    try? await Task.sleep(for: .seconds(1))
                    continue
                }
                intake.finished(batch, outcomes)
                for (recorded, outcome) in zip(batch, outcomes) {
                    if case .refused(let error) = outcome {
                        logger.error("a journaled report was refused when filed", metadata: ["ticket": "\(recorded.entry.ticket)", "error": "\(error)"])
                    }
                }
                if let pause = SurgeIntake.pause(
                    after: ContinuousClock.now - started, arrived: intake.arrivalCount != arrivalsBefore,
                    backlog: backlog, previousBacklog: previousBacklog, yieldFactor: intake.settings.yieldFactor
                ) {
                    try? await Task.sleep(for: pause)
                }
            }
        } onGracefulShutdown: {
            intake.stopFiling()
        }
    }
}
