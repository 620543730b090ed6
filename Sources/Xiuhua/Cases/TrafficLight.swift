import Foundation

/// The supervision light of a stage: green below 80 % of the limit used, yellow from 80 %
/// up to the deadline, red beyond it.
public enum TrafficLight: String, Hashable, Sendable, Codable, CaseIterable {
    case green
    case yellow
    case red

    /// Share of the limit at which the light turns yellow.
    public static let yellowThreshold = 0.8

    /// The light for `progress`, the share of the stage's limit used (1 = deadline).
    public init(progress: Double) {
        if progress > 1 {
            self = .red
        } else if progress >= Self.yellowThreshold {
            self = .yellow
        } else {
            self = .green
        }
    }

    /// The light of the case's current stage at `now`; nil when no stage is being timed.
    /// Suspension time does not count, so a suspended case keeps the light it had.
    public init?(for snapshot: CaseSnapshot, at now: Date, clock: any WorkingTimeCalculator) {
        guard let stageClock = snapshot.stageClock else { return nil }
        self.init(progress: stageClock.progress(at: now, suspensions: snapshot.suspensions, clock: clock))
    }
}
