import Foundation

/// A time-boxed drive (专项行动) over some grids, communities or streets: a clean-up, a
/// 专项整治 of one category, or the vaccination drive.
public struct Campaign: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    public var kind: CampaignKind
    /// The category a 专项整治 targets; nil for the other kinds.
    public var categoryCode: String?
    /// Region codes (street, community or grid) the campaign covers.
    public var areaCodes: [String]
    public var startsOn: LocalDate
    public var endsOn: LocalDate
    /// The account that runs the campaign.
    public var ownerID: String
    public var ownerName: String
    public var targets: [CampaignTarget]
    public var resources: [CampaignResource]
    public var state: CampaignState
    /// What the campaign achieved, written when it finishes.
    public var summary: String?
    public var createdAt: Date
    public var startedAt: Date?
    public var finishedAt: Date?

    public init(
        id: String, name: String, kind: CampaignKind, categoryCode: String? = nil, areaCodes: [String],
        startsOn: LocalDate, endsOn: LocalDate, ownerID: String, ownerName: String,
        targets: [CampaignTarget] = [], resources: [CampaignResource] = [], state: CampaignState = .planned,
        summary: String? = nil, createdAt: Date, startedAt: Date? = nil, finishedAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.categoryCode = categoryCode
        self.areaCodes = areaCodes
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.ownerID = ownerID
        self.ownerName = ownerName
        self.targets = targets
        self.resources = resources
        self.state = state
        self.summary = summary
        self.createdAt = createdAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
    }

    /// True when region `code` (a grid, community or street) lies in the campaign's area:
    /// region codes nest, so a grid's code starts with its community's and street's.
    public func covers(regionCode code: String) -> Bool {
        areaCodes.contains { code.hasPrefix($0) }
    }

    /// Progress per target over `reports`: the sum of the amounts reported for its key.
    public static func totals(of targets: [CampaignTarget], in reports: [CampaignReport]) -> [String: Int] {
        var totals = Dictionary(uniqueKeysWithValues: targets.map { ($0.key, 0) })
        for report in reports {
            for (key, amount) in report.progress where totals[key] != nil {
                totals[key, default: 0] += amount
            }
        }
        return totals
    }
}
