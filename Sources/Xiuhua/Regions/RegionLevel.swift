import Foundation

/// A level of the territorial tree (块): district → street → community → grid cell.
public enum RegionLevel: String, Sendable, Codable, CaseIterable, Comparable {
    case district
    case street
    case community
    case grid

    /// Number of digits in a code at this level: 6 区划 + 3 街道 + 3 社区 + 3 网格顺序码.
    public var codeLength: Int {
        switch self {
        case .district: 6
        case .street: 9
        case .community: 12
        case .grid: 15
        }
    }

    /// The level directly above, or nil for the district.
    public var parent: RegionLevel? {
        switch self {
        case .district: nil
        case .street: .district
        case .community: .street
        case .grid: .community
        }
    }

    /// The zh-CN name of the level.
    public var label: String {
        switch self {
        case .district: "区"
        case .street: "街道"
        case .community: "社区"
        case .grid: "单元网格"
        }
    }

    /// Reads a level from the English name or the usual Chinese words (区, 街道/乡镇, 社区/村, 网格).
    public init?(word: String) {
        switch word.trimmingCharacters(in: .whitespaces).lowercased() {
        case "district", "区", "县", "区县": self = .district
        case "street", "town", "街道", "乡镇", "镇", "乡": self = .street
        case "community", "village", "社区", "村", "社区/村": self = .community
        case "grid", "cell", "网格", "单元网格": self = .grid
        default: return nil
        }
    }

    private var depth: Int { RegionLevel.allCases.firstIndex(of: self)! }

    public static func < (lhs: RegionLevel, rhs: RegionLevel) -> Bool { lhs.depth < rhs.depth }
}
