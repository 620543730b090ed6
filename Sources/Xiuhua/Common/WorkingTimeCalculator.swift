import Foundation

/// Computes deadlines and elapsed time for a `TimeLimit`, honouring pauses (挂账).
///
/// The work calendar is the production implementation; the workflow depends only on this
/// protocol so that its rules stay testable with any clock.
public protocol WorkingTimeCalculator: Sendable {
    /// The instant at which `limit` runs out when counting starts at `start`.
    /// Time inside `pauses` does not count.
    func deadline(from start: Date, limit: TimeLimit, pauses: [DateInterval]) -> Date

    /// The time that counts against a limit between `start` and `end`, in seconds.
    /// For working-time limits only working periods count; time inside `pauses` never counts.
    func elapsed(from start: Date, to end: Date, countingWorkingTime: Bool, pauses: [DateInterval]) -> TimeInterval
}
