/// A functional department (部门) that handles dispatched cases: 环卫处, 城管执法局 ….
public struct Department: Hashable, Sendable, Codable {
    public var code: String
    public var name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}
