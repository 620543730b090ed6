/// 评价等级: A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, E below, each with the colour the 通报
/// prints it in.
public enum Grade: String, Hashable, Sendable, Codable, CaseIterable {
    case a = "A", b = "B", c = "C", d = "D", e = "E"

    /// The grade of a score out of 100.
    public init(score: Double) {
        switch score {
        case 90...: self = .a
        case 75..<90: self = .b
        case 60..<75: self = .c
        case 40..<60: self = .d
        default: self = .e
        }
    }

    /// zh-CN band name.
    public var label: String {
        switch self {
        case .a: "优秀"
        case .b: "良好"
        case .c: "合格"
        case .d: "较差"
        case .e: "差"
        }
    }

    /// The band's colour (green, blue, yellow, orange, red), dark enough to print.
    public var colour: String {
        switch self {
        case .a: "#1a7f37"
        case .b: "#0b57d0"
        case .c: "#b58900"
        case .d: "#d9730d"
        case .e: "#c62828"
        }
    }
}
