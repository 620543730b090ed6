import Foundation

/// Counting and adding working time. Suspensions (挂账) stop the clock: working time
/// inside a pause does not count, so a deadline moves later by exactly the working time
/// the pauses cover.
///
/// Amounts are clamped, never trapped on: a negative amount counts as zero (the start is
/// returned unchanged) and one above `maximumLimitAmount` as that maximum. Callers that
/// must reject such input call `WorkCalendar.validate(_:)` or `checkedDeadline` first.
/// When the calendar has no working time left at all, the result is `Date.distantFuture`.
extension WorkCalendar {
    /// The instant `hours` working hours after `start`.
    ///
    /// Counting starts at `start` or, outside working time, at the next working moment.
    /// When the time runs out exactly at the end of a period, the result is that end
    /// (17:30), not the start of the next period.
    public func adding(workingHours hours: Int, to start: Date, pauses: [DateInterval] = []) -> Date {
        adding(workingSeconds: TimeInterval(Self.clamped(hours)) * 3_600, to: start, pauses: PauseSet(pauses))
    }

    /// The instant `minutes` working minutes after `start`; see `adding(workingHours:to:pauses:)`.
    public func adding(workingMinutes minutes: Int, to start: Date, pauses: [DateInterval] = []) -> Date {
        adding(workingSeconds: TimeInterval(Self.clamped(minutes)) * 60, to: start, pauses: PauseSet(pauses))
    }

    /// The instant `days` working days after `start`.
    ///
    /// The rule:
    /// 1. If `start` lies outside working time, counting starts at the next working moment.
    /// 2. Let *used* be the working time of that workday before the counting start.
    ///    - If *used* is zero (counting starts when work starts), the deadline is the end
    ///      of work on the `days`-th workday, counting the starting day as the first:
    ///      1 working day from Monday 08:30 is Monday 17:30.
    ///    - Otherwise the deadline is the moment at which *used* working time has passed
    ///      on the workday `days` workdays later: 1 working day from Monday 16:00 is
    ///      Tuesday 16:00, from Monday 12:00 (lunch, so 14:30) is Tuesday 12:00. When that
    ///      day is shorter than *used*, its end of work.
    /// 3. Pauses then push the deadline later by exactly the working time they cover
    ///    between the counting start and the deadline, so a pause over one whole working
    ///    day moves a deadline one working day on.
    ///
    /// Zero days return `start` unchanged.
    public func adding(workingDays days: Int, to start: Date, pauses: [DateInterval] = []) -> Date {
        let days = Self.clamped(days)
        guard days > 0 else { return start }
        guard let begin = nextWorkingMoment(atOrAfter: start) else { return .distantFuture }
        let firstDay = localDayAndSecond(of: begin).day
        let used = workingTime(from: instant(day: firstDay, minute: 0), to: begin)
        guard let target = workday(days, after: firstDay) else { return .distantFuture }
        // Adding the working time up to the same position returns the earliest instant
        // with that much counted, which turns "start of work on the day after" into "end
        // of work on the day before" for a start at the start of work, as the rule says.
        let amount = workingTime(from: begin, to: moment(day: target, afterWorking: used))
        return adding(workingSeconds: amount, to: begin, pauses: PauseSet(pauses))
    }

    /// Seconds of working time between `start` and `end`, not counting time inside
    /// `pauses`; zero when `end` is not after `start`.
    public func workingTime(from start: Date, to end: Date, pauses: [DateInterval] = []) -> TimeInterval {
        guard end > start else { return 0 }
        let paused = PauseSet(pauses)
        let lastDay = localDayAndSecond(of: end).day
        var total: TimeInterval = 0
        for day in localDayAndSecond(of: start).day...lastDay {
            for interval in workingIntervals(day: day) {
                let from = max(interval.start, start), to = min(interval.end, end)
                if from < to { total += to.timeIntervalSince(from) - paused.overlap(from: from, to: to) }
            }
        }
        return total
    }

    /// `instant` itself when it is working time, else the start of the next working
    /// period; nil when the calendar has no working time after `instant`.
    public func nextWorkingMoment(atOrAfter instant: Date) -> Date? {
        var day = localDayAndSecond(of: instant).day
        while hasWorkingTime(onOrAfter: day) {
            if let interval = workingIntervals(day: day).first(where: { $0.end > instant }) {
                return max(interval.start, instant)
            }
            day += 1
        }
        return nil
    }

    /// The largest amount a limit may have, in any unit: far beyond any real limit (the
    /// longest in the catalogs is some tens of working days), yet small enough that
    /// counting it never takes noticeable time.
    public static let maximumLimitAmount = 10_000

    static func clamped(_ amount: Int) -> Int {
        min(max(amount, 0), maximumLimitAmount)
    }

    /// The earliest instant at which `amount` seconds of unpaused working time have
    /// passed since `start`.
    func adding(workingSeconds amount: TimeInterval, to start: Date, pauses: PauseSet) -> Date {
        guard amount > 0 else { return start }
        var remaining = amount
        var cursor = start
        var day = localDayAndSecond(of: start).day
        // A suspension without end (to `distantFuture`) leaves the deadline without end.
        while hasWorkingTime(onOrAfter: day), cursor < .distantFuture {
            // A suspension that outlasts the day would otherwise be walked one day at a time.
            let dayStart = max(cursor, instant(day: day, minute: 0))
            if let pause = pauses.pause(containing: dayStart), pause.end >= instant(day: day + 1, minute: 0) {
                cursor = pause.end
                day = localDayAndSecond(of: pause.end).day
                continue
            }
            for interval in workingIntervals(day: day) where interval.end > cursor {
                for part in pauses.unpausedParts(from: max(interval.start, cursor), to: interval.end) {
                    if remaining <= part.duration { return part.start.addingTimeInterval(remaining) }
                    remaining -= part.duration
                }
            }
            day += 1
        }
        return .distantFuture
    }

    /// The `count`-th workday after local day `day` (0 is `day` itself, which must be a
    /// workday); nil when the calendar runs out of workdays.
    private func workday(_ count: Int, after day: Int) -> Int? {
        var day = day
        var remaining = count
        while remaining > 0 {
            day += 1
            guard hasWorkingTime(onOrAfter: day) else { return nil }
            if isWorkday(LocalDate(dayNumber: day)) { remaining -= 1 }
        }
        return day
    }

    /// The earliest moment of workday `day` by which `used` seconds of its working time
    /// have passed, or its end of work when the day is shorter.
    private func moment(day: Int, afterWorking used: TimeInterval) -> Date {
        var remaining = used
        let intervals = workingIntervals(day: day)
        for interval in intervals {
            if remaining <= interval.duration { return interval.start.addingTimeInterval(remaining) }
            remaining -= interval.duration
        }
        return intervals.last!.end
    }

    /// False only when no weekday has periods and no make-up workday lies ahead, so that
    /// loops over days stop on a calendar without work.
    private func hasWorkingTime(onOrAfter day: Int) -> Bool {
        weeklyPeriods.values.contains { !$0.isEmpty }
            || makeUpWorkdays.keys.contains { $0.dayNumber >= day }
    }
}
