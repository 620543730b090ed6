/// Why a catalog text or an overrides text was refused, and where.
///
/// `line` counts from 1 and includes header, blank and comment lines, so it matches what an
/// editor shows. `column` names the TSV column or the override field at fault, when one is.
public struct CatalogError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public enum Problem: Hashable, Sendable {
        /// The text has no header line.
        case missingHeader
        /// A header column is not the one expected at its position.
        case unexpectedHeader(expected: String, found: String)
        /// A data line has the wrong number of tab-separated fields.
        case wrongFieldCount(expected: Int, found: Int)
        /// A value does not have the required form; `expected` describes the form.
        case invalidValue(String, expected: String)
        /// The kind and code are already in the catalog.
        case duplicateCategory(CategoryKind, String)
        /// Another 事项 already has this legacy code.
        case duplicateLegacyCode(String)
        /// The big class name differs from the one other categories of its code use.
        case conflictingBigClass(code: String, existing: String)
        /// An override names a category the catalog does not have.
        case unknownCategory(String)
        /// An override uses a field name that does not exist.
        case unknownField(String)
        /// An override uses a field only allowed when adding a category.
        case fieldOnlyForAdd(String)
        /// An override sets the same field twice.
        case repeatedField(String)
        /// An `add` line lacks a field it needs.
        case missingField(String)
        /// An override line has no field to set.
        case nothingToChange
        /// A double-quoted value is not closed before the end of the line.
        case unterminatedQuote
    }

    /// The 1-based line number of the offending line.
    public let line: Int
    /// The column (TSV) or field (overrides) at fault, if the problem is in one.
    public let column: String?
    /// What is wrong.
    public let problem: Problem

    /// Creates an error.
    public init(line: Int, column: String? = nil, problem: Problem) {
        self.line = line
        self.column = column
        self.problem = problem
    }

    /// A message for the administrator who wrote the text, e.g.
    /// `line 7, column limit: "4x" is not a time limit like 120m, 2nh, 4h or 2d`.
    public var description: String {
        let place = column.map { "line \(line), column \($0)" } ?? "line \(line)"
        return "\(place): \(explanation)"
    }

    private var explanation: String {
        switch problem {
        case .missingHeader: "the header line is missing"
        case .unexpectedHeader(let expected, let found): "expected header \"\(expected)\", found \"\(found)\""
        case .wrongFieldCount(let expected, let found): "expected \(expected) tab-separated fields, found \(found)"
        case .invalidValue(let value, let expected): "\"\(value)\" is not \(expected)"
        case .duplicateCategory(let kind, let code): "\(kind.rawValue) \(code) is already in the catalog"
        case .duplicateLegacyCode(let code): "legacy code \(code) already belongs to another 事项"
        case .conflictingBigClass(let code, let existing): "big class \(code) is already named \(existing)"
        case .unknownCategory(let code): "no category \(code) in the catalog"
        case .unknownField(let field): "unknown field \"\(field)\""
        case .fieldOnlyForAdd(let field): "field \"\(field)\" can only be set on an add line"
        case .repeatedField(let field): "field \"\(field)\" is set twice"
        case .missingField(let field): "an add line needs the field \"\(field)\""
        case .nothingToChange: "the line sets no field"
        case .unterminatedQuote: "a double quote is not closed"
        }
    }
}
