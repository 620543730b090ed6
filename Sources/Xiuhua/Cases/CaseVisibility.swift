/// Which cases a person may see: the scope rule that lists and case pages share.
///
/// A street officer sees its territory and what is owned by its street; a department what
/// is dispatched to it or it was summoned to (吹哨); a grid worker its grids (none when it has no grid list: fail closed);
/// the command centre's roles and supervisors see everything. Citizens see cases only
/// through their ticket.
public enum CaseVisibility {
    public static func canSee(_ snapshot: CaseSnapshot, _ actor: Actor) -> Bool {
        switch actor.role {
        case .operator, .dutyChief, .dispatcher, .supervisor, .admin, .system:
            return true
        case .streetOfficer:
            if let street = snapshot.location.streetCode, actor.streetCodes.contains(street) { return true }
            return snapshot.currentOwner.map(actor.handles(for:)) ?? false
        case .departmentHandler:
            if snapshot.whistleList.contains(where: { $0.summons.contains { $0.departmentCode == actor.departmentCode } }) { return true }
            return snapshot.currentOwner.map(actor.handles(for:)) ?? false
        case .gridWorker:
            return snapshot.location.gridCode.map(actor.gridCodes.contains) ?? false
        case .citizen, .healthWorker:
            return false
        }
    }
}
