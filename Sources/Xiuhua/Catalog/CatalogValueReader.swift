import Foundation

/// Reads the single values shared by catalog texts and overrides texts, refusing a bad
/// value with an error that names its line and column.
struct CatalogValueReader {
    let line: Int

    func kind(_ value: String, column: String) throws(CatalogError) -> CategoryKind {
        guard let kind = CategoryKind(rawValue: value) else { throw invalid(value, column, "部件 or 事项") }
        return kind
    }

    func code(_ value: String, column: String) throws(CatalogError) -> String {
        guard value.count == 5, Self.isDigits(value) else { throw invalid(value, column, "a five-digit code") }
        return value
    }

    func text(_ value: String, column: String) throws(CatalogError) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw invalid(value, column, "a non-empty text") }
        return trimmed
    }

    func limit(_ value: String, column: String) throws(CatalogError) -> TimeLimit {
        guard let limit = TimeLimit(catalogNotation: value) else {
            throw invalid(value, column, "a time limit like 120m, 2nh, 4h or 2d")
        }
        return limit
    }

    func urgency(_ value: String, column: String) throws(CatalogError) -> Urgency {
        guard let urgency = Urgency(catalogNotation: value) else { throw invalid(value, column, "紧急 or 一般") }
        return urgency
    }

    func command(_ value: String, column: String) throws(CatalogError) -> String {
        guard OrganisationCodeSyntax.isValid(value) else {
            throw invalid(value, column, "a sub-command code such as shirong")
        }
        return value
    }

    func owner(_ value: String, column: String) throws(CatalogError) -> Owner {
        guard let owner = Owner(notation: value) else { throw invalid(value, column, "dept:<code> or street") }
        return owner
    }

    func legacyCode(_ value: String, column: String) throws(CatalogError) -> String {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && Self.isDigits($0) }) else {
            throw invalid(value, column, "a legacy code like 04-06")
        }
        return value
    }

    func flag(_ value: String, column: String) throws(CatalogError) -> Bool {
        switch value {
        case "1": return true
        case "0": return false
        default: throw invalid(value, column, "1 or 0")
        }
    }

    private func invalid(_ value: String, _ column: String, _ expected: String) -> CatalogError {
        CatalogError(line: line, column: column, problem: .invalidValue(value, expected: expected))
    }

    private static func isDigits(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
    }
}
