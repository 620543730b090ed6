import Foundation

/// A period during which a case was suspended (挂账) and its disposal clock stood still.
public struct Suspension: Hashable, Sendable, Codable {
    /// When the dispatcher approved the suspension.
    public var start: Date
    /// When the case resumed; nil while still suspended.
    public var end: Date?

    /// Creates a suspension period.
    public init(start: Date, end: Date? = nil) {
        self.start = start
        self.end = end
    }

    /// The pause as an interval, counting an open suspension up to `now`.
    public func interval(until now: Date) -> DateInterval {
        DateInterval(start: start, end: max(start, end ?? now))
    }
}
