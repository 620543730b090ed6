/// Why the workflow refused an action: a machine code for clients and a message for people.
public struct WorkflowRefusal: Error, Hashable, Sendable {
    /// Stable machine-readable reason, sent as the API's `error` field.
    public enum Code: String, Hashable, Sendable, Codable {
        /// The case is not in a state where the action applies.
        case wrongState = "wrong_state"
        /// The actor's role may never take the action.
        case forbiddenRole = "forbidden_role"
        /// The role fits, but the case is outside the actor's department, street or grid.
        case outOfScope = "out_of_scope"
        /// The action lacks something it needs or carries a bad value.
        case invalidInput = "invalid_input"
        /// The scheduler asked to mark a stage overdue before its deadline.
        case notOverdue = "not_overdue"
        /// The thing was already recorded (e.g. this stage deadline is already marked overdue).
        case alreadyRecorded = "already_recorded"
        /// A summoned department (吹哨报到) has neither reported nor been released.
        case summonsOutstanding = "summons_outstanding"
    }

    /// Machine-readable reason.
    public var code: Code
    /// Message in zh-CN naming the action, the current state and what is needed.
    public var message: String
    /// The refused action; nil for a refused report.
    public var action: CaseActionKind?
    /// The case's state when refused; nil for a refused report.
    public var state: CaseState?

    /// Creates a refusal.
    public init(code: Code, message: String, action: CaseActionKind? = nil, state: CaseState? = nil) {
        self.code = code
        self.message = message
        self.action = action
        self.state = state
    }
}
