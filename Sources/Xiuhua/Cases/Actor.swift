/// Someone who acts on a case, with the scope their role is limited to.
///
/// Identifiers come from the account store; the workflow only compares them.
public struct Actor: Hashable, Sendable, Codable {
    /// Account identifier.
    public var id: String
    /// Name shown in the case history.
    public var name: String
    /// What the actor does in the workflow.
    public var role: Role
    /// The department a department handler works for.
    public var departmentCode: String?
    /// The streets a street officer is responsible for.
    public var streetCodes: [String]
    /// The grids a grid worker patrols; empty means none (an account not yet given its grids).
    public var gridCodes: [String]

    /// Creates an actor.
    public init(
        id: String,
        name: String,
        role: Role,
        departmentCode: String? = nil,
        streetCodes: [String] = [],
        gridCodes: [String] = []
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.departmentCode = departmentCode
        self.streetCodes = streetCodes
        self.gridCodes = gridCodes
    }

    /// True when this actor handles cases for `owner`: a department handler for its own
    /// department, a street officer for one of its streets.
    public func handles(for owner: CaseOwner) -> Bool {
        switch (role, owner.kind) {
        case (.departmentHandler, .department): departmentCode == owner.code
        case (.streetOfficer, .street): streetCodes.contains(owner.code)
        default: false
        }
    }

    /// True when a grid worker may verify or check a case in `gridCode`.
    public func patrols(gridCode: String?) -> Bool {
        guard role == .gridWorker, let gridCode else { return false }
        return gridCodes.contains(gridCode)
    }
}
