import Foundation

/// A shop's month: the mean of its inspection scores less 5 points for each case its
/// inspections opened, and the grade that follows.
public struct MonthlyShopScore: Hashable, Sendable, Codable {
    public let shopID: String
    public let inspections: Int
    public let cases: Int
    /// 0–100, one decimal; nil when the shop was not inspected this month.
    public let score: Double?
    public let grade: ShopGrade?
    /// Failed item codes with how many inspections failed them, most frequent first.
    public let failures: [Failure]

    public struct Failure: Hashable, Sendable, Codable {
        public let item: String
        public let count: Int
    }

    public static let casePenalty = 5.0

    public init(shopID: String, inspections: [Inspection]) {
        self.shopID = shopID
        self.inspections = inspections.count
        cases = inspections.reduce(0) { $0 + $1.cases.count }
        if inspections.isEmpty {
            score = nil
            grade = nil
        } else {
            let mean = Double(inspections.reduce(0) { $0 + $1.sheet.score }) / Double(inspections.count)
            let value = max(0, mean - Self.casePenalty * Double(cases))
            let rounded = (value * 10).rounded() / 10
            score = rounded
            grade = ShopGrade(score: rounded)
        }
        var counts: [String: Int] = [:]
        for inspection in inspections {
            for item in inspection.sheet.failedItems { counts[item, default: 0] += 1 }
        }
        failures = counts.map { Failure(item: $0.key, count: $0.value) }.sorted { ($0.count, $1.item) > ($1.count, $0.item) }
    }
}

/// 优 (90 and over), 良 (70 and over), 差 (below 70).
public enum ShopGrade: String, Hashable, Sendable, Codable {
    case good, fair, poor

    public init(score: Double) {
        self = score >= 90 ? .good : score >= 70 ? .fair : .poor
    }

    public var label: String {
        switch self {
        case .good: "优"
        case .fair: "良"
        case .poor: "差"
        }
    }
}

/// One street's 红黑榜 for a month: the red list (graded 优, best first) and the black list
/// (graded 差, or two or more cases, or already on the last published black list and
/// still not 优, or put there by an escalated rectification notice), each with the reason
/// in words. Once published it is kept as it was.
public struct ShopBoard: Hashable, Sendable, Codable {
    public struct Entry: Hashable, Sendable, Codable {
        public let shopID: String
        public let shopName: String
        public let address: String
        /// nil for a shop put on the black list by a notice but not inspected this month.
        public let score: Double?
        public let grade: ShopGrade?
        public let inspections: Int
        public let cases: Int
        public let repeatOffender: Bool
        public let reason: String
    }

    public let month: String
    public let streetCode: String
    public let red: [Entry]
    public let black: [Entry]

    public static let redSize = 10

    /// Builds the board from the month's scores. `texts` gives a checklist item's words;
    /// `lastBlack` holds the shops on the street's previous published black list; `listings`
    /// the shops put on this black list by escalated notices — such a shop leaves the red
    /// list, and its reason is added to what its score says.
    public init(
        month: String, streetCode: String, shops: [Shop], scores: [MonthlyShopScore], lastBlack: Set<String>,
        listings: [BoardListing] = [], texts: (String) -> String
    ) {
        self.month = month
        self.streetCode = streetCode
        let byID = Dictionary(uniqueKeysWithValues: shops.map { ($0.id, $0) })
        var red: [Entry] = []
        var black: [Entry] = []
        for score in scores {
            guard let value = score.score, let grade = score.grade, let shop = byID[score.shopID] else { continue }
            let repeated = lastBlack.contains(shop.id) && grade != .good
            func entry(_ reason: String) -> Entry {
                Entry(
                    shopID: shop.id, shopName: shop.details.name, address: shop.details.address, score: value, grade: grade,
                    inspections: score.inspections, cases: score.cases, repeatOffender: repeated, reason: reason
                )
            }
            let summary = "本月检查 \(score.inspections) 次，得分 \(Self.format(value))（\(grade.label)）"
            if grade == .good {
                red.append(entry(score.failures.isEmpty
                    ? "\(summary)；门前五包责任落实较好，各项检查均合格"
                    : "\(summary)；门前五包责任落实较好"))
            } else if grade == .poor || score.cases >= 2 || repeated {
                var parts = [summary]
                let failed = score.failures.prefix(3).map { "\(texts($0.item))未落实\($0.count > 1 ? "（\($0.count) 次）" : "")" }
                if !failed.isEmpty { parts.append(failed.joined(separator: "；")) }
                if score.cases > 0 { parts.append("检查发现问题立案 \(score.cases) 件") }
                if repeated { parts.append("连续上黑榜") }
                black.append(entry(parts.joined(separator: "；")))
            }
        }
        let listed = Dictionary(grouping: listings, by: \.shopID)
        for (shopID, entries) in listed.sorted(by: { $0.key < $1.key }) {
            guard let shop = byID[shopID] else { continue }
            let reasons = entries.map(\.reason).joined(separator: "；")
            red.removeAll { $0.shopID == shopID }
            if let index = black.firstIndex(where: { $0.shopID == shopID }) {
                let old = black[index]
                black[index] = Entry(
                    shopID: old.shopID, shopName: old.shopName, address: old.address, score: old.score, grade: old.grade,
                    inspections: old.inspections, cases: old.cases, repeatOffender: old.repeatOffender, reason: "\(old.reason)；\(reasons)"
                )
                continue
            }
            let score = scores.first { $0.shopID == shopID }
            let summary = score?.score.map { "本月检查 \(score?.inspections ?? 0) 次，得分 \(Self.format($0))（\(score?.grade?.label ?? "")）；" } ?? ""
            black.append(Entry(
                shopID: shop.id, shopName: shop.details.name, address: shop.details.address, score: score?.score, grade: score?.grade,
                inspections: score?.inspections ?? 0, cases: score?.cases ?? 0, repeatOffender: lastBlack.contains(shopID), reason: summary + reasons
            ))
        }
        // Unscored shops (listed by a notice only) sort first on the black list, as the worst known.
        self.red = Array(red.sorted { ($0.score ?? 0, $1.shopName) > ($1.score ?? 0, $0.shopName) }.prefix(Self.redSize))
        self.black = black.sorted { ($0.score ?? -1, $0.shopName) < ($1.score ?? -1, $1.shopName) }
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
