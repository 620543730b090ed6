/// One thing wrong with one field of a shop as entered: the API answers with it, and the
/// CSV import lists it against its row.
public struct ShopFieldError: Error, Hashable, Sendable, Codable {
    /// The API's field name (`credit_code`, `lat` …).
    public let field: String
    /// Stable and machine-readable (`invalid_credit_code`, `outside_district` …).
    public let code: String
    /// For people, in Chinese first.
    public let message: String

    public init(field: String, code: String, message: String) {
        self.field = field
        self.code = code
        self.message = message
    }
}
