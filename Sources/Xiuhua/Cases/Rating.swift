import Foundation

/// The citizen's follow-up answer (回访).
public struct Rating: Hashable, Sendable, Codable {
    /// How satisfied the citizen is.
    public enum Satisfaction: String, Hashable, Sendable, Codable, CaseIterable {
        case satisfied
        case basicallySatisfied
        case unsatisfied
    }

    /// How satisfied the citizen is.
    public var satisfaction: Satisfaction
    /// Whether the problem is actually fixed; "no" reopens the case.
    public var fixed: Bool

    /// Creates a rating.
    public init(satisfaction: Satisfaction, fixed: Bool) {
        self.satisfaction = satisfaction
        self.fixed = fixed
    }
}
