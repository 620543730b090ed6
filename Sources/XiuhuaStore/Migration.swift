/// One step of the schema, applied once and recorded by name.
public struct Migration: Sendable {
    public let name: String
    public let sqliteStatements: [String]

    public init(_ name: String, sqlite: [String]) {
        self.name = name
        self.sqliteStatements = sqlite
    }
}
