/// Why a campaign (or vaccination) rule says no, in words a person can act on. The kind
/// decides the HTTP status: invalid input 400, a role without the right 403, a record in
/// the wrong state 409.
public struct CampaignRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        case invalid
        case forbidden
        case notFound
        case conflict
    }

    public let kind: Kind
    /// Stable machine-readable code, e.g. `wrong_state`.
    public let code: String
    /// Chinese first, English in brackets.
    public let message: String

    public init(_ kind: Kind, _ code: String, _ message: String) {
        self.kind = kind
        self.code = code
        self.message = message
    }

    public static func invalid(_ code: String, _ message: String) -> CampaignRefusal { .init(.invalid, code, message) }

    public var description: String { message }
}
