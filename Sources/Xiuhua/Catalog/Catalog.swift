import Foundation

/// The classification of 部件 and 事项 with each category's limits, owner and conditions:
/// the national GB/T 47678.5 catalog plus local extensions, as adjusted by the district.
///
/// ```swift
/// let catalog = try Catalog.national.applying(overridesText: adminText)
/// catalog.matter(code: "06010")?.disposalLimit   // .workingHours(4)
/// catalog.resolve(code: "04-06")?.name           // 占道经营
/// ```
public struct Catalog: Hashable, Sendable {
    private struct Key: Hashable {
        var kind: CategoryKind
        var code: String
    }

    /// Every category, 部件 before 事项, each kind in code order.
    public let categories: [Category]
    private let positions: [Key: Int]
    private let matterPositionsByLegacyCode: [String: Int]

    /// Takes in categories, each with the line it came from so that a refusal can point at
    /// it, checking that codes are unique per kind, legacy codes unique, and each big class
    /// code has one name per kind.
    init(numberedCategories: [(line: Int, category: Category)]) throws(CatalogError) {
        var seen = Set<Key>()
        var legacyCodes = Set<String>()
        var bigClassNames: [Key: String] = [:]
        for (line, category) in numberedCategories {
            guard seen.insert(Key(kind: category.kind, code: category.code)).inserted else {
                throw CatalogError(line: line, column: "code", problem: .duplicateCategory(category.kind, category.code))
            }
            if let legacy = category.legacyCode, !legacyCodes.insert(legacy).inserted {
                throw CatalogError(line: line, column: "legacy", problem: .duplicateLegacyCode(legacy))
            }
            let bigClassKey = Key(kind: category.kind, code: category.bigClassCode)
            if let existing = bigClassNames[bigClassKey], existing != category.bigClass {
                throw CatalogError(
                    line: line, column: "big_class",
                    problem: .conflictingBigClass(code: category.bigClassCode, existing: existing))
            }
            bigClassNames[bigClassKey] = category.bigClass
        }
        let sorted = numberedCategories.map(\.category).sorted {
            ($0.kind == .component ? 0 : 1, $0.code) < ($1.kind == .component ? 0 : 1, $1.code)
        }
        categories = sorted
        positions = Dictionary(uniqueKeysWithValues: sorted.indices.map { (Key(kind: sorted[$0].kind, code: sorted[$0].code), $0) })
        matterPositionsByLegacyCode = Dictionary(uniqueKeysWithValues: sorted.indices.compactMap { index in
            sorted[index].legacyCode.map { ($0, index) }
        })
    }

    /// The category of the given kind and five-digit code.
    public func category(kind: CategoryKind, code: String) -> Category? {
        positions[Key(kind: kind, code: code)].map { categories[$0] }
    }

    /// The 事项 with the given five-digit code, e.g. `06010` 暴露垃圾.
    public func matter(code: String) -> Category? {
        category(kind: .matter, code: code)
    }

    /// The 部件 with the given five-digit code, e.g. `01001` 供水井盖.
    public func component(code: String) -> Category? {
        category(kind: .component, code: code)
    }

    /// The 事项 a code written by a person or an older system stands for: a current
    /// five-digit code (`09006`), or a GB/T 30428.2-2013 code written big class, hyphen,
    /// small class (`04-06`), as that standard prints it. Surrounding spaces are ignored.
    public func resolve(code: String) -> Category? {
        let code = code.trimmingCharacters(in: .whitespaces)
        if let category = matter(code: code) { return category }
        return matterPositionsByLegacyCode[code].map { categories[$0] }
    }

    /// The categories matching every given criterion, in catalog order.
    ///
    /// - Parameters:
    ///   - kind: 部件 or 事项; nil for both.
    ///   - bigClass: a two-digit big class code such as `09`; nil for all.
    ///   - text: matched case-insensitively against the name, and as a prefix against the
    ///     code and the legacy code; nil or blank matches everything.
    public func filter(kind: CategoryKind? = nil, bigClass: String? = nil, text: String? = nil) -> [Category] {
        let needle = text?.trimmingCharacters(in: .whitespaces) ?? ""
        return categories.filter { category in
            if let kind, category.kind != kind { return false }
            if let bigClass, category.bigClassCode != bigClass { return false }
            guard !needle.isEmpty else { return true }
            return category.name.range(of: needle, options: .caseInsensitive) != nil
                || category.code.hasPrefix(needle)
                || category.legacyCode?.hasPrefix(needle) == true
        }
    }

    /// The big classes in use, 部件 before 事项, each kind in code order.
    public var bigClasses: [BigClass] {
        var seen = Set<Key>()
        return categories.compactMap { category in
            guard seen.insert(Key(kind: category.kind, code: category.bigClassCode)).inserted else { return nil }
            return BigClass(kind: category.kind, code: category.bigClassCode, name: category.bigClass)
        }
    }

    /// The number of categories of all kinds.
    public var count: Int { categories.count }

    /// The number of categories of one kind.
    public func count(of kind: CategoryKind) -> Int {
        categories.count { $0.kind == kind }
    }
}
