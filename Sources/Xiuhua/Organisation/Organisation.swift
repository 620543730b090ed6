/// The district's sub-commands and departments, in display order.
public struct Organisation: Sendable, Codable, Equatable {
    public var commands: [Command]
    public var departments: [Department]

    public init(commands: [Command], departments: [Department]) {
        self.commands = commands
        self.departments = departments
    }

    public func command(_ code: String) -> Command? { commands.first { $0.code == code } }

    public func department(_ code: String) -> Department? { departments.first { $0.code == code } }
}
