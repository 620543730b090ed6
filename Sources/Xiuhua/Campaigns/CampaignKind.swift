/// What sort of drive a campaign is. A 专项整治 targets one category, and the cases of that
/// category filed in its area while it runs are tagged with it.
public enum CampaignKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// An environmental clean-up (环境整治): machines, trucks and people over some days.
    case cleanUp
    /// A special rectification of one category (专项整治), e.g. 占道经营 in one street.
    case rectification
    /// The grid-based vaccination drive (网格化疫苗接种).
    case vaccination

    public var label: String {
        switch self {
        case .cleanUp: "环境整治"
        case .rectification: "专项整治"
        case .vaccination: "疫苗接种"
        }
    }
}
