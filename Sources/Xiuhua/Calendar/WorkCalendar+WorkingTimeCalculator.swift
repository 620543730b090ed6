import Foundation

extension WorkCalendar: WorkingTimeCalculator {
    /// The instant at which `limit` runs out when counting starts at `start`.
    ///
    /// `.minutes` and `.hours` are wall-clock time, extended by the wall-clock length of
    /// the pauses met while counting; `.workingHours` and `.workingDays` follow
    /// `adding(workingHours:to:pauses:)` and `adding(workingDays:to:pauses:)`. Amounts are
    /// clamped as those methods describe; `checkedDeadline` rejects them instead.
    public func deadline(from start: Date, limit: TimeLimit, pauses: [DateInterval]) -> Date {
        switch limit {
        case .minutes(let minutes):
            PauseSet(pauses).addingNaturalTime(TimeInterval(Self.clamped(minutes)) * 60, to: start)
        case .hours(let hours):
            PauseSet(pauses).addingNaturalTime(TimeInterval(Self.clamped(hours)) * 3_600, to: start)
        case .workingHours(let hours):
            adding(workingHours: hours, to: start, pauses: pauses)
        case .workingDays(let days):
            adding(workingDays: days, to: start, pauses: pauses)
        }
    }

    /// Seconds between `start` and `end` that count against a limit: working time when
    /// `countingWorkingTime`, else wall-clock time; never time inside `pauses`, and zero
    /// when `end` is not after `start`.
    public func elapsed(from start: Date, to end: Date, countingWorkingTime: Bool, pauses: [DateInterval]) -> TimeInterval {
        guard end > start else { return 0 }
        if countingWorkingTime { return workingTime(from: start, to: end, pauses: pauses) }
        return end.timeIntervalSince(start) - PauseSet(pauses).overlap(from: start, to: end)
    }

    /// Like `deadline(from:limit:pauses:)`, but rejects a limit that `validate(_:)` rejects.
    public func checkedDeadline(from start: Date, limit: TimeLimit, pauses: [DateInterval] = []) throws(WorkCalendarError) -> Date {
        try Self.validate(limit)
        return deadline(from: start, limit: limit, pauses: pauses)
    }

    /// Accepts limits of 0 to `maximumLimitAmount` in any unit.
    /// - Throws: `WorkCalendarError.negativeLimit` or `.limitTooLarge`.
    public static func validate(_ limit: TimeLimit) throws(WorkCalendarError) {
        if limit.amount < 0 { throw .negativeLimit(limit) }
        if limit.amount > maximumLimitAmount { throw .limitTooLarge(limit) }
    }
}
