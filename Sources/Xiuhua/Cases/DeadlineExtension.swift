/// How an approved extension (延期) moves the disposal deadline.
public struct DeadlineExtension: Hashable, Sendable, Codable {
    /// Whether the extension replaces the limit or adds time after the current deadline.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// The stage gets a new total limit, counted from the stage start.
        case newLimit
        /// The stage gets extra time, counted from the current deadline.
        case extraTime
    }

    /// Replace or add.
    public var kind: Kind
    /// The new limit, or the extra time.
    public var limit: TimeLimit

    /// Creates an extension.
    public init(kind: Kind, limit: TimeLimit) {
        self.kind = kind
        self.limit = limit
    }

    /// The stage gets `limit` in total, counted from its start.
    public static func newLimit(_ limit: TimeLimit) -> DeadlineExtension { .init(kind: .newLimit, limit: limit) }

    /// The stage gets `limit` more after its current deadline.
    public static func extraTime(_ limit: TimeLimit) -> DeadlineExtension { .init(kind: .extraTime, limit: limit) }
}
