/// A big class (大类) of one kind, e.g. 事项 `06` 市容环境类.
public struct BigClass: Hashable, Sendable {
    /// 部件 or 事项; the same two digits name different big classes in each kind.
    public var kind: CategoryKind
    /// The two-digit code, e.g. `06`.
    public var code: String
    /// The name, e.g. 市容环境类.
    public var name: String

    /// Creates a big class.
    public init(kind: CategoryKind, code: String, name: String) {
        self.kind = kind
        self.code = code
        self.name = name
    }
}
