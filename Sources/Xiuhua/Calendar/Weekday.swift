/// A day of the week, numbered from Monday = 1 as in ISO 8601.
public enum Weekday: Int, CaseIterable, Hashable, Comparable, Sendable, Codable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    /// The three-letter English abbreviation used in calendar files (`mon` … `sun`).
    public var abbreviation: String {
        switch self {
        case .monday: "mon"
        case .tuesday: "tue"
        case .wednesday: "wed"
        case .thursday: "thu"
        case .friday: "fri"
        case .saturday: "sat"
        case .sunday: "sun"
        }
    }

    /// The weekday with this abbreviation, or nil.
    public init?(abbreviation: String) {
        guard let day = Self.allCases.first(where: { $0.abbreviation == abbreviation }) else { return nil }
        self = day
    }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}
