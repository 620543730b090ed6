/// The unit that must fix a case: a functional department (条) or a territorial street (块).
public struct CaseOwner: Hashable, Sendable, Codable {
    /// Which kind of unit owns the case.
    public enum Kind: String, Hashable, Sendable, Codable {
        case department
        case street
    }

    /// Department or street.
    public var kind: Kind
    /// The department code or the street code.
    public var code: String

    /// Creates an owner.
    public init(kind: Kind, code: String) {
        self.kind = kind
        self.code = code
    }

    /// A functional department as owner.
    public static func department(_ code: String) -> CaseOwner { CaseOwner(kind: .department, code: code) }

    /// A street as territorial owner.
    public static func street(_ code: String) -> CaseOwner { CaseOwner(kind: .street, code: code) }
}
