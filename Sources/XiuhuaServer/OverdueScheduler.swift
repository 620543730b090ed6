import Foundation
import Logging
import Metrics
import ServiceLifecycle
import Xiuhua
import XiuhuaStore

/// Marks cases overdue when a stage's deadline passes, and urges their owners.
///
/// It works from what is stored, not from memory: each tick asks the store for open
/// cases whose deadline has passed and whose current stage is not yet marked. A restart
/// therefore misses nothing (the first tick runs at once and catches up) and repeats
/// nothing (the workflow refuses a second mark for the same stage and deadline). With
/// several servers on one PostgreSQL database, only the one holding the scheduler lease
/// scans; when it dies, another takes the lease at its next tick.
public struct OverdueScheduler: Service {
    public static let actor = Actor(id: "system:overdue", name: "超期监控", role: .system)

    let services: XiuhuaServices
    let interval: Duration
    let logger: Logger

    public init(services: XiuhuaServices, interval: Duration = .seconds(60), logger: Logger) {
        self.services = services
        self.interval = interval
        self.logger = logger
    }

    public struct TickReport: Sendable, Equatable {
        public var marked: [String] = []
        /// Summoned departments newly recorded as not checked in on time.
        public var missedCheckIns = 0
        public var failed = 0
        /// Another server holds the scheduler lease, so this one did not scan.
        public var leaseHeldElsewhere = false
    }

    /// The lease that makes the scan run on one server at a time.
    public static let leaseName = "overdue-scheduler"

    public func run() async throws {
        try await runPeriodicScan(every: interval, logger: logger, message: "overdue cases marked") { await tick().marked.count }
    }

    /// One scan: marks every due case and urges its owner. Safe to run from several
    /// places at once; a case someone else marked first is skipped.
    @discardableResult
    public func tick() async -> TickReport {
        var report = TickReport()
        guard await services.store.holdsLease(Self.leaseName) else {
            report.leaseHeldElsewhere = true
            return report
        }
        let now = services.now()
        Counter(label: "xiuhua_overdue_scans_total").increment()
        let due: [String]
        do {
            due = try await services.store.casesDueForOverdueMark(at: now)
        } catch {
            logger.error("overdue scan failed", metadata: ["error": "\(error)"])
            report.failed += 1
            return report
        }
        await markMissedCheckIns(at: now, into: &report)
        for number in due {
            do {
                let marked = try await services.store.act(on: number, .markOverdue, by: Self.actor, at: now, clock: services.calendar)
                _ = try await services.store.act(
                    on: number, Self.reminder(for: marked.snapshot), by: Self.actor, at: now, clock: services.calendar
                )
                report.marked.append(number)
                Counter(label: "xiuhua_overdue_marked_total").increment()
            } catch CaseStoreError.refused(let refusal, _) where refusal.code == .alreadyRecorded || refusal.code == .notOverdue {
                continue
            } catch {
                logger.error("overdue mark failed", metadata: ["case": "\(number)", "error": "\(error)"])
                report.failed += 1
            }
        }
        return report
    }

    /// 吹哨报到: records every summoned department that let its check-in deadline pass.
    private func markMissedCheckIns(at now: Date, into report: inout TickReport) async {
        let due: [String]
        do {
            due = try await services.store.casesWithMissedCheckIns(at: now)
        } catch {
            logger.error("check-in scan failed", metadata: ["error": "\(error)"])
            report.failed += 1
            return
        }
        for number in due {
            do {
                let marked = try await services.store.act(on: number, .markMissedCheckIn, by: Self.actor, at: now, clock: services.calendar)
                report.missedCheckIns += marked.events.count
            } catch CaseStoreError.refused(let refusal, _) where refusal.code == .notOverdue {
                continue
            } catch {
                logger.error("missed check-in mark failed", metadata: ["case": "\(number)", "error": "\(error)"])
                report.failed += 1
            }
        }
    }

    /// The reminder that follows an overdue mark, naming the stage that ran late.
    public static func reminder(for snapshot: CaseSnapshot) -> CaseAction {
        .urge(note: "系统自动催办：\(snapshot.stage?.label ?? "")环节已超过期限")
    }
}
