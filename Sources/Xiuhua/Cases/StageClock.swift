import Foundation

/// The clock of the current stage: when it started, what it allows and when it runs out.
///
/// The deadline is computed when the stage starts and stored, so that reading a case needs
/// no calendar; it is recomputed only when an extension or a resumed suspension moves it.
public struct StageClock: Hashable, Sendable, Codable {
    /// The stage being timed.
    public var stage: CaseStage
    /// When the stage started.
    public var startedAt: Date
    /// The limit counted from `startedAt`.
    public var limit: TimeLimit
    /// Approved extra time, each counted after the deadline before it.
    public var extraTime: [TimeLimit]
    /// When the stage runs out, pauses excluded.
    public var deadline: Date

    /// Creates a stage clock with an already computed deadline.
    public init(stage: CaseStage, startedAt: Date, limit: TimeLimit, extraTime: [TimeLimit] = [], deadline: Date) {
        self.stage = stage
        self.startedAt = startedAt
        self.limit = limit
        self.extraTime = extraTime
        self.deadline = deadline
    }

    /// Starts `stage` at `start` and computes its deadline.
    static func start(
        _ stage: CaseStage,
        at start: Date,
        limit: TimeLimit,
        pauses: [DateInterval],
        clock: any WorkingTimeCalculator
    ) -> StageClock {
        let deadline = clock.deadline(from: start, limit: limit, pauses: pauses)
        return StageClock(stage: stage, startedAt: start, limit: limit, deadline: deadline)
    }

    /// The same stage with `extension` applied.
    func extended(by extension: DeadlineExtension, pauses: [DateInterval], clock: any WorkingTimeCalculator) -> StageClock {
        var next = self
        switch `extension`.kind {
        case .newLimit:
            next.limit = `extension`.limit
            next.extraTime = []
        case .extraTime:
            next.extraTime.append(`extension`.limit)
        }
        return next.recomputed(pauses: pauses, clock: clock)
    }

    /// The same stage with its deadline counted again, e.g. once a pause has closed.
    func recomputed(pauses: [DateInterval], clock: any WorkingTimeCalculator) -> StageClock {
        var next = self
        next.deadline = clock.deadline(from: startedAt, limit: limit, pauses: pauses)
        for extra in extraTime {
            next.deadline = clock.deadline(from: next.deadline, limit: extra, pauses: pauses)
        }
        return next
    }

    /// The share of the stage's allowance used by `now`: 0 at the start, 1 at the deadline.
    /// The allowance is measured on the same clock as the elapsed time, so working-time
    /// limits compare working time with working time. An open suspension stops the used
    /// time but not the allowance, which only counts the pauses the deadline was moved by.
    public func progress(at now: Date, suspensions: [Suspension], clock: any WorkingTimeCalculator) -> Double {
        let working = limit.isWorkingTime
        let settled = suspensions.filter { $0.end != nil }.map { $0.interval(until: now) }
        let allowance = clock.elapsed(from: startedAt, to: deadline, countingWorkingTime: working, pauses: settled)
        let used = clock.elapsed(
            from: startedAt,
            to: max(now, startedAt),
            countingWorkingTime: working,
            pauses: suspensions.map { $0.interval(until: now) }
        )
        guard allowance > 0 else { return used > 0 ? .infinity : 0 }
        return used / allowance
    }
}
