/// A number a campaign sets out to reach, e.g. 清理垃圾 120 吨.
public struct CampaignTarget: Hashable, Sendable, Codable {
    /// Short key the daily reports count against, e.g. `garbage_tons`.
    public var key: String
    /// What is counted, in words.
    public var name: String
    public var goal: Int

    public init(key: String, name: String, goal: Int) {
        self.key = key
        self.name = name
        self.goal = goal
    }
}
