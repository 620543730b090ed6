import Foundation

/// What happens next to a simulated case: who does what, after how long.
public struct SimulatedStep: Hashable, Sendable {
    /// Who acts; the driver maps it to an actor with the right scope.
    public enum Performer: Hashable, Sendable {
        case `operator`
        case gridWorker
        case dutyChief
        case dispatcher
        /// A handler of the case's current owner.
        case owner
        /// An officer of the street the case lies in.
        case street
        /// A handler of the named department.
        case department(String)
    }

    /// Seconds after the previous step.
    public var delay: TimeInterval
    public var performer: Performer
    public var action: CaseAction
    /// Field work (on site) happens in daylight; the centre works around the clock.
    public var isFieldWork: Bool
    /// A person who means to meet the stage deadline acts by this instant, even when
    /// waiting for daylight would take longer.
    public var notAfter: Date?

    public init(after delay: TimeInterval, _ performer: Performer, _ action: CaseAction, field: Bool = false, notAfter: Date? = nil) {
        self.delay = max(60, delay)
        self.performer = performer
        self.action = action
        isFieldWork = field
        self.notAfter = notAfter
    }
}
