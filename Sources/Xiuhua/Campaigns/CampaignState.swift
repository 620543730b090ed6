/// Where a campaign (专项行动) stands: planned, then running, then finished — never back.
public enum CampaignState: String, Hashable, Sendable, Codable, CaseIterable {
    case planned
    case running
    case finished

    /// Chinese name of the state.
    public var label: String {
        switch self {
        case .planned: "计划中"
        case .running: "进行中"
        case .finished: "已结束"
        }
    }
}
