import Foundation

/// A record that a stage ran past its deadline, written once per stage deadline so that a
/// repeated scan does not count the same lateness twice.
public struct OverdueMark: Hashable, Sendable, Codable {
    /// The stage that ran late.
    public var stage: CaseStage
    /// The deadline it missed.
    public var deadline: Date

    /// Creates a mark.
    public init(stage: CaseStage, deadline: Date) {
        self.stage = stage
        self.deadline = deadline
    }
}
