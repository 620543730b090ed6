/// What an evaluation groups cases by: the evaluation objects (区域, 部门, 岗位) and the
/// breakdowns the monthly report shows (channel, sub-command, category, hotspots).
public enum EvaluationDimension: String, Hashable, Sendable, Codable, CaseIterable {
    /// The whole district (one unit, code "").
    case district
    /// 街道, by where the problem is (属地).
    case street
    /// 社区/村.
    case community
    /// 单元网格.
    case grid
    /// 专业部门, by the owner who holds or last held the case.
    case department
    /// 岗位: grid worker, operator, duty chief, dispatcher; unit `role:accountID`.
    case post
    /// 来源渠道.
    case source
    /// 分指挥部.
    case command
    /// 事项/部件 小类.
    case category
    /// 网格 × 小类, unit `grid|category`, for hotspots (未诉先办).
    case gridCategory

    /// The dimensions a person can ask an evaluation table for.
    public static let levels: [EvaluationDimension] = [.street, .community, .grid, .department, .post]

    /// zh-CN name.
    public var label: String {
        switch self {
        case .district: "全区"
        case .street: "街道"
        case .community: "社区"
        case .grid: "单元网格"
        case .department: "专业部门"
        case .post: "岗位"
        case .source: "来源渠道"
        case .command: "分指挥部"
        case .category: "小类"
        case .gridCategory: "网格×小类"
        }
    }
}

/// One unit of one dimension: the key a tally is kept under.
public struct TallyKey: Hashable, Sendable {
    public var dimension: EvaluationDimension
    public var unit: String

    public init(_ dimension: EvaluationDimension, _ unit: String) {
        self.dimension = dimension
        self.unit = unit
    }

    /// The post key of an account acting in `role`.
    public static func post(_ role: Role, _ accountID: String) -> TallyKey {
        TallyKey(.post, "\(role.rawValue):\(accountID)")
    }
}
