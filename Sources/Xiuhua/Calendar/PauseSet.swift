import Foundation

/// Suspension (挂账) intervals, merged so that time covered twice is paused only once.
struct PauseSet: Sendable {
    /// Disjoint, non-empty intervals in order.
    let intervals: [DateInterval]

    init(_ pauses: [DateInterval]) {
        var merged: [DateInterval] = []
        for pause in pauses.sorted(by: { $0.start < $1.start }) where pause.duration > 0 {
            if let last = merged.last, pause.start <= last.end {
                merged[merged.count - 1] = DateInterval(start: last.start, end: max(last.end, pause.end))
            } else {
                merged.append(pause)
            }
        }
        intervals = merged
    }

    /// Seconds of `start..<end` that lie inside a pause.
    func overlap(from start: Date, to end: Date) -> TimeInterval {
        intervals.reduce(0) { sum, pause in
            sum + max(0, min(end, pause.end).timeIntervalSince(max(start, pause.start)))
        }
    }

    /// The parts of `start..<end` outside every pause, in order.
    func unpausedParts(from start: Date, to end: Date) -> [DateInterval] {
        var parts: [DateInterval] = []
        var cursor = start
        for pause in intervals where pause.end > cursor && pause.start < end {
            if pause.start > cursor { parts.append(DateInterval(start: cursor, end: pause.start)) }
            cursor = pause.end
        }
        if cursor < end { parts.append(DateInterval(start: cursor, end: end)) }
        return parts
    }

    /// The pause that holds `instant`, if any (start included, end excluded).
    func pause(containing instant: Date) -> DateInterval? {
        intervals.first { $0.start <= instant && instant < $0.end }
    }

    /// The instant at which `amount` seconds of unpaused wall-clock time have passed
    /// since `start` (the earliest such instant, so a deadline may fall on a pause's start).
    func addingNaturalTime(_ amount: TimeInterval, to start: Date) -> Date {
        guard amount > 0 else { return start }
        var cursor = start
        var remaining = amount
        for pause in intervals where pause.end > cursor {
            let untilPause = pause.start.timeIntervalSince(cursor)
            if untilPause >= remaining { break }
            remaining -= max(0, untilPause)
            cursor = pause.end
        }
        return cursor.addingTimeInterval(remaining)
    }
}
