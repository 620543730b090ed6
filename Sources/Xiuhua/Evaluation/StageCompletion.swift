import Foundation

/// The first time a timed stage was completed on a case, by whom, and whether it was
/// done by the deadline in force at that moment (extensions and suspensions included).
public struct StageCompletion: Hashable, Sendable, Codable {
    /// When it was done.
    public var at: Date
    /// Who did it; nil for an anonymous or scheduler event.
    public var actorID: String?
    /// Their role at the time.
    public var actorRole: Role?
    /// True when `at` was not after the stage's deadline.
    public var onTime: Bool

    /// Creates a completion record.
    public init(at: Date, actorID: String?, actorRole: Role?, onTime: Bool) {
        self.at = at
        self.actorID = actorID
        self.actorRole = actorRole
        self.onTime = onTime
    }
}
