/// Which composite formula (综合指标值) applies to a unit: the reference's formulas per
/// evaluation object (CJ/T 292 / GB/T 30428.4 structure), plus the 12345 三率 score.
public enum Scorecard: String, Hashable, Sendable, Codable, CaseIterable {
    /// Street, community, grid (区域评价).
    case region
    /// 专业部门.
    case department
    /// 监督员/网格员.
    case gridWorker = "grid_worker"
    /// 受理员.
    case `operator`
    /// 值班长.
    case dutyChief = "duty_chief"
    /// 派遣员.
    case dispatcher
    /// 12345 三率综合成绩, beside the main score of streets and departments.
    case hotline

    /// The scorecard of a post, from the role in its key.
    public init?(postRole role: Role) {
        switch role {
        case .gridWorker: self = .gridWorker
        case .operator: self = .operator
        case .dutyChief: self = .dutyChief
        case .dispatcher: self = .dispatcher
        default: return nil
        }
    }

    /// The main scorecard of a dimension's units (posts: see `init(postRole:)`).
    public init?(dimension: EvaluationDimension) {
        switch dimension {
        case .street, .community, .grid: self = .region
        case .department: self = .department
        default: return nil
        }
    }

    /// zh-CN name.
    public var label: String {
        switch self {
        case .region: "区域评价"
        case .department: "部门评价"
        case .gridWorker: "监督员"
        case .operator: "受理员"
        case .dutyChief: "值班长"
        case .dispatcher: "派遣员"
        case .hotline: "12345 三率"
        }
    }
}

/// One term of a composite score: an indicator's rate, or the 立案数分值 step score.
public enum ScoreItem: Hashable, Sendable, CustomStringConvertible {
    case indicator(Indicator)
    /// 立案数分值: fewer accepted problems score higher (per grid for regions).
    case acceptedCountScore

    /// Reads a weights-file name (`closing_rate`, `accepted_count_score`).
    public init?(name: String) {
        if name == "accepted_count_score" { self = .acceptedCountScore }
        else if let indicator = Indicator(rawValue: name), !indicator.isCount { self = .indicator(indicator) }
        else { return nil }
    }

    public var description: String {
        switch self {
        case .indicator(let indicator): indicator.rawValue
        case .acceptedCountScore: "accepted_count_score"
        }
    }

    /// zh-CN name.
    public var label: String {
        switch self {
        case .indicator(let indicator): indicator.label + "分值"
        case .acceptedCountScore: "立案数分值"
        }
    }

    /// 立案数分值 of a region: accepted cases per grid cell in the period, scored for a
    /// 一类区域 (0 → 100, < 3 → 90, < 5 → 75, < 7 → 60, < 9 → 40, else 0).
    public static func regionCountScore(accepted: Int, gridCells: Int) -> Double {
        let perGrid = Double(accepted) / Double(max(gridCells, 1))
        switch perGrid {
        case 0: return 100
        case ..<3: return 90
        case ..<5: return 75
        case ..<7: return 60
        case ..<9: return 40
        default: return 0
        }
    }

    /// 立案数分值 of a department, on the reference's 10-point scale scaled to 100
    /// (≤ 50 → 100, ≤ 100 → 90, ≤ 200 → 75, ≤ 500 → 60, ≤ 1,000 → 40, else 0).
    public static func departmentCountScore(accepted: Int) -> Double {
        switch accepted {
        case ...50: 100
        case ...100: 90
        case ...200: 75
        case ...500: 60
        case ...1000: 40
        default: 0
        }
    }
}
