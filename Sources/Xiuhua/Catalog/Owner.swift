/// Who handles a category's cases by default: a functional department (条) or the street
/// where the case lies (属地, 块).
public enum Owner: Hashable, Sendable {
    /// A department, by its organisation code (e.g. `huanwei`).
    case department(String)
    /// The territorial street of the case's location, resolved when the case is routed.
    case street

    /// Reads the catalog notation: `dept:<code>` or `street`.
    public init?(notation: String) {
        if notation == "street" {
            self = .street
            return
        }
        guard notation.hasPrefix("dept:") else { return nil }
        let code = String(notation.dropFirst("dept:".count))
        guard OrganisationCodeSyntax.isValid(code) else { return nil }
        self = .department(code)
    }

    /// The catalog notation: `dept:<code>` or `street`.
    public var notation: String {
        switch self {
        case .department(let code): "dept:\(code)"
        case .street: "street"
        }
    }
}
