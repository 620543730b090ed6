import Foundation

extension StageClock {
    /// The instant the traffic light turns yellow: when `TrafficLight.yellowThreshold` of
    /// the allowance has been used.
    ///
    /// Working time is not linear in wall time (nights, weekends, holidays), so the instant
    /// is found by bisection on `elapsed`, to the millisecond. The store keeps it beside the
    /// deadline so that lists can filter by light in SQL.
    public func yellowAt(pauses: [DateInterval], clock: any WorkingTimeCalculator) -> Date {
        let working = limit.isWorkingTime
        let allowance = clock.elapsed(from: startedAt, to: deadline, countingWorkingTime: working, pauses: pauses)
        let target = allowance * TrafficLight.yellowThreshold
        var low = startedAt
        var high = deadline
        while high.timeIntervalSince(low) > 0.001 {
            let middle = low.addingTimeInterval(high.timeIntervalSince(low) / 2)
            if clock.elapsed(from: startedAt, to: middle, countingWorkingTime: working, pauses: pauses) < target {
                low = middle
            } else {
                high = middle
            }
        }
        return high
    }
}
