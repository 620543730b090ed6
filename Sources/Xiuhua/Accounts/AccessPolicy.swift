/// Who may read which registers, and where: the one rule the JSON API and the console
/// pages both ask, so that a page never shows what the API refuses (or the other way round).
///
/// Cases have their own rule (`CaseVisibility`: ownership and summons count there, not only
/// place); everything else that has a place is scoped here by territory.
public enum AccessPolicy {
    /// The registers whose records have a place.
    public enum Register: String, Hashable, Sendable, CaseIterable {
        /// The vaccination roster: residents, their visits, appointments and doses.
        case residents
        /// Shops with their contracts, inspections and rectification notices.
        case shops
        /// The register of derelict spaces (消极空间).
        case idleSpaces
        /// Campaigns (专项行动), by the regions they cover.
        case campaigns
    }

    /// Where `actor` may read and act in `register`.
    ///
    /// The command centre's roles see the whole district; a street officer its streets and a
    /// grid worker its grids (nothing when the list is empty). Departments work district-wide
    /// on shops, idle spaces and campaigns but never see the roster; health workers see the
    /// roster and campaigns, not shops; client systems everything but the roster. Citizens see
    /// none of these.
    public static func territory(of actor: Actor, in register: Register) -> Territory {
        switch actor.role {
        case .operator, .dutyChief, .dispatcher, .supervisor, .admin:
            return .district
        case .system:
            // Client systems (the 12345 platform) file and follow cases; they have no
            // business with the vaccination roster.
            return register == .residents ? .nothing : .district
        case .streetOfficer:
            return actor.streetCodes.isEmpty ? .nothing : .streets(Set(actor.streetCodes))
        case .gridWorker:
            return actor.gridCodes.isEmpty ? .nothing : .grids(Set(actor.gridCodes))
        case .departmentHandler:
            return register == .residents || actor.departmentCode == nil ? .nothing : .district
        case .healthWorker:
            return register == .residents || register == .campaigns ? .district : .nothing
        case .citizen:
            return .nothing
        }
    }

    /// True when `actor` may read a resident's health data — screening answers, adverse
    /// reactions, the notes of canvass visits: health workers, and the grid worker of the
    /// resident's own grid. Everyone else who may see the resident sees the record without them.
    public static func seesHealthData(of resident: Resident, _ actor: Actor) -> Bool {
        switch actor.role {
        case .healthWorker: true
        case .gridWorker: actor.gridCodes.contains(resident.gridCode)
        default: false
        }
    }
}
