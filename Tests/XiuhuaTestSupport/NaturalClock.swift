import Foundation
import Xiuhua

/// Counts every limit on the wall clock (a working day is 24 hours), skipping pauses, so
/// that workflow tests can state deadlines by plain arithmetic. Shared by the domain and
/// store tests.
public struct NaturalClock: WorkingTimeCalculator {
    public init() {}

    public func deadline(from start: Date, limit: TimeLimit, pauses: [DateInterval]) -> Date {
        var remaining = Self.seconds(limit)
        var cursor = start
        for pause in pauses.sorted(by: { $0.start < $1.start }) where pause.end > cursor {
            if pause.start >= cursor.addingTimeInterval(remaining) { break }
            remaining -= max(0, pause.start.timeIntervalSince(cursor))
            cursor = max(cursor, pause.end)
        }
        return cursor.addingTimeInterval(remaining)
    }

    public func elapsed(from start: Date, to end: Date, countingWorkingTime: Bool, pauses: [DateInterval]) -> TimeInterval {
        guard end > start else { return 0 }
        let paused = pauses.reduce(0.0) { total, pause in
            let overlap = min(end, pause.end).timeIntervalSince(max(start, pause.start))
            return total + max(0, overlap)
        }
        return end.timeIntervalSince(start) - paused
    }

    public static func seconds(_ limit: TimeLimit) -> TimeInterval {
        switch limit {
        case .minutes(let n): TimeInterval(n) * 60
        case .hours(let n), .workingHours(let n): TimeInterval(n) * 3600
        case .workingDays(let n): TimeInterval(n) * 86_400
        }
    }
}
