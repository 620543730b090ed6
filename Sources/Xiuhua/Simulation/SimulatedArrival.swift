import Foundation

/// One new report of a simulated day: when it arrives, what it says, and the seed of the
/// case's own random stream (so a case's fate does not depend on the order cases are
/// processed in).
public struct SimulatedArrival: Hashable, Sendable {
    public var at: Date
    /// The intake with placeholder number and ticket code; the driver draws both.
    public var intake: CaseIntake
    public var seed: UInt64
}
