/// Who may take an action, in which states, and which scope check applies.
public struct ActionRule: Hashable, Sendable {
    /// The extra check on the actor's scope, beyond role and state.
    public enum Scope: String, Hashable, Sendable {
        /// No scope check.
        case any
        /// A grid worker must patrol the case's grid (when it has a grid list).
        case grid
        /// The actor must handle cases for the current owner.
        case owner
        /// The actor's department must have an outstanding summons (吹哨) on the case.
        case summoned
    }

    /// Roles that may take the action.
    public var roles: Set<Role>
    /// States in which the action may be taken.
    public var states: Set<CaseState>
    /// Scope check applied after role and state.
    public var scope: Scope

    /// Creates a rule.
    public init(roles: Set<Role>, states: Set<CaseState>, scope: Scope = .any) {
        self.roles = roles
        self.states = states
        self.scope = scope
    }
}
