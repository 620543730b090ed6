import Xiuhua

/// The simulated people, one per role and scope, with the demo accounts' identities for
/// the centre's staff and stand-ins for each street's and department's handlers.
struct SimulationCast: Sendable {
    let operatorActor: Actor
    let dutyChief: Actor
    let dispatcher: Actor
    let apiSystem: Actor
    private var gridWorkers: [String: Actor] = [:]
    private var streets: [String: Actor] = [:]
    private var departments: [String: Actor] = [:]
    private let streetNames: [String: String]
    private let gridsOfStreet: [String: [String]]
    private let departmentNames: [String: String]

    init(tree: RegionTree, organisation: Organisation) {
        func demo(_ username: String, _ role: Role) -> Actor {
            let entry = DemoAccounts.entries.first { $0.username == username }
            return Actor(id: "demo-\(username)", name: entry?.name ?? role.label, role: role)
        }
        operatorActor = demo("operator", .operator)
        dutyChief = demo("dutychief", .dutyChief)
        dispatcher = demo("dispatcher", .dispatcher)
        apiSystem = demo("api12345", .system)
        streetNames = Dictionary(tree.regions(at: .street).map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        gridsOfStreet = Dictionary(grouping: tree.regions(at: .grid).map(\.code)) { tree.ancestor(of: $0, at: .street)?.code ?? "-" }
        departmentNames = Dictionary(organisation.departments.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    /// The grid worker of the case's street; they patrol every grid of it.
    mutating func gridWorker(street: String?) -> Actor {
        let key = street ?? "-"
        if let actor = gridWorkers[key] { return actor }
        // Their grids are listed: a grid worker without grids patrols none.
        let actor = Actor(id: "sim-grid-\(key)", name: "\(streetNames[key] ?? "")网格员", role: .gridWorker, gridCodes: gridsOfStreet[key] ?? [])
        gridWorkers[key] = actor
        return actor
    }

    mutating func street(_ code: String) -> Actor {
        if let actor = streets[code] { return actor }
        let actor = Actor(id: "sim-street-\(code)", name: "\(streetNames[code] ?? code)工作人员", role: .streetOfficer, streetCodes: [code])
        streets[code] = actor
        return actor
    }

    mutating func department(_ code: String) -> Actor {
        if let actor = departments[code] { return actor }
        let actor = Actor(
            id: "sim-dept-\(code)", name: "\(departmentNames[code] ?? code)处置人员", role: .departmentHandler, departmentCode: code
        )
        departments[code] = actor
        return actor
    }

    mutating func owner(_ owner: CaseOwner) -> Actor {
        owner.kind == .department ? department(owner.code) : street(owner.code)
    }
}
