import Foundation

/// A supervision group (督导组) of the drive: people who visit their assigned sites and
/// inspect them against the site checklist.
public struct SupervisionGroup: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    /// Account ids of the members.
    public var memberIDs: [String]
    public var siteIDs: [String]
    public var createdAt: Date

    // `memberIds`, so that the API's snake_case reads `member_ids`, not `member_i_ds`.
    private enum CodingKeys: String, CodingKey {
        case id, name, createdAt
        case memberIDs = "memberIds"
        case siteIDs = "siteIds"
    }

    public init(id: String, name: String, memberIDs: [String], siteIDs: [String], createdAt: Date) {
        self.id = id
        self.name = name
        self.memberIDs = memberIDs
        self.siteIDs = siteIDs
        self.createdAt = createdAt
    }

    /// Roles that set up groups.
    public static let organisers: Set<Role> = [.supervisor, .admin]

    /// Checks a new group's own fields.
    public func problem() -> CampaignRefusal? {
        if name.trimmingCharacters(in: .whitespaces).isEmpty || name.count > 100 {
            return .invalid("invalid_name", "督导组名称应为 1 到 100 个字符 (name must be 1–100 characters)")
        }
        if memberIDs.isEmpty { return .invalid("no_members", "督导组至少一名成员 (a group needs at least one member)") }
        if siteIDs.isEmpty { return .invalid("no_sites", "督导组至少负责一个接种点 (a group needs at least one site)") }
        return nil
    }

    /// Why `actor` may not inspect `siteID` for this group, or nil.
    public func inspectionProblem(by actor: Actor, site siteID: String) -> CampaignRefusal? {
        guard memberIDs.contains(actor.id) else {
            return .init(.forbidden, "not_member", "只有本督导组成员可以记录检查 (only the group's members record inspections)")
        }
        guard siteIDs.contains(siteID) else {
            return .init(.conflict, "site_not_assigned", "该接种点不归本督导组 (the site is not assigned to this group): \(siteID)")
        }
        return nil
    }
}
