extension Role {
    /// True when the role keeps the shop registry: the street, the enforcement squad (a
    /// department) and the administrator.
    public var keepsShopRegistry: Bool {
        switch self {
        case .streetOfficer, .departmentHandler, .admin: true
        case .operator, .gridWorker, .dutyChief, .dispatcher, .supervisor, .citizen, .system, .healthWorker: false
        }
    }

    /// True when the role needs a shop keeper's real name and phone (to serve notices, to
    /// call); everyone else sees them masked (个人信息保护法).
    public var seesShopOwnerContact: Bool { keepsShopRegistry }
}
