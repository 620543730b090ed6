/// One node of the territorial tree: the district, a street, a community or a grid cell.
public struct Region: Hashable, Sendable, Codable {
    public var code: String
    public var name: String
    public var level: RegionLevel
    /// The code of the enclosing region; nil only for the district.
    public var parentCode: String?

    public init(code: String, name: String, level: RegionLevel, parentCode: String?) {
        self.code = code
        self.name = name
        self.level = level
        self.parentCode = parentCode
    }
}
