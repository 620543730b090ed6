/// A thematic sub-command (分指挥部): owns a set of categories and a public hotline (条).
public struct Command: Hashable, Sendable, Codable {
    public var code: String
    public var name: String
    public var hotline: String

    public init(code: String, name: String, hotline: String) {
        self.code = code
        self.name = name
        self.hotline = hotline
    }
}
