/// People, machines or vehicles committed to a campaign, with how many.
public struct CampaignResource: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case people
        case machines
        case vehicles
    }

    public var kind: Kind
    /// What they are, e.g. 清扫车, 挖掘机, 环卫工人.
    public var name: String
    public var count: Int

    public init(kind: Kind, name: String, count: Int) {
        self.kind = kind
        self.name = name
        self.count = count
    }
}
