/// A scoped role acts for a territory or a department; an account of that role without
/// its scope would see nothing (or, worse, everything), so it is refused when made.
public enum AccountScope {
    /// Nil when `account` carries the scope its role needs and every code in it is known,
    /// or the message that says what is missing or unknown. `regions` and `departments`
    /// are the district's; nil skips the check of codes (no district imported yet).
    public static func problem(of account: Account, regions: RegionTree?, departments: Set<String>?) -> String? {
        switch account.role {
        case .gridWorker:
            if account.gridCodes.isEmpty { return "网格员账号须指定网格 (a gridWorker needs grids: --grids)" }
            if let regions, let unknown = account.gridCodes.first(where: { regions[$0]?.level != .grid }) {
                return "没有这个网格 (no such grid): \(unknown)"
            }
        case .streetOfficer:
            if account.streetCodes.isEmpty { return "街道人员账号须指定街道 (a streetOfficer needs streets: --streets)" }
            if let regions, let unknown = account.streetCodes.first(where: { regions[$0]?.level != .street }) {
                return "没有这个街道 (no such street): \(unknown)"
            }
        case .departmentHandler:
            guard let code = account.departmentCode, !code.isEmpty else {
                return "部门处置人员账号须指定部门 (a departmentHandler needs a department: --department)"
            }
            if let departments, !departments.contains(code) { return "没有这个部门 (no such department): \(code)" }
        case .operator, .dutyChief, .dispatcher, .supervisor, .admin, .citizen, .system, .healthWorker:
            break
        }
        return nil
    }
}
