import Foundation

/// A party put on a street's black list by an act rather than by its score: a rectification
/// notice escalated to the black list (列入黑榜). The board shows it with `reason`, whether
/// or not the shop was inspected that month.
public struct BoardListing: Hashable, Sendable, Codable {
    public let shopID: String
    /// What put it there, in words: the notice number and the rule broken.
    public let reason: String

    public init(shopID: String, reason: String) {
        self.shopID = shopID
        self.reason = reason
    }
}

extension ShopBoard {
    /// The month after `month` (`2026-12` → `2027-01`); nil when `month` is not `YYYY-MM`.
    public static func month(after month: String) -> String? {
        let parts = month.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), let number = Int(parts[1]), (1...12).contains(number) else { return nil }
        return number == 12 ? String(format: "%04d-01", year + 1) : String(format: "%04d-%02d", year, number + 1)
    }
}
