import ArgumentParser
import Foundation
import XiuhuaServer

struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "配置文件 (configuration file).",
        subcommands: [Check.self]
    )

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "检查配置文件 (check a configuration file) and name every mistake with its line.",
            discussion: "Exits with status 1 when the file is invalid; the server refuses to start on such a file."
        )

        @Argument(help: "配置文件 (YAML).")
        var file: String

        func run() async throws {
            let c = try XiuhuaConfiguration.load(path: file)
            print("配置有效 (configuration valid): \(file)")
            print("  listen      \(c.host):\(c.port)")
            print("  data        \(c.dataDirectory ?? "(default)")")
            print("  time zone   \(c.timeZone?.identifier ?? "(calendar's)")")
            print("  webhook     \(c.notifications.webhook?.url.absoluteString ?? "(none)")")
            print("  sms gateway \(c.notifications.sms?.endpoint.absoluteString ?? "(none)")")
        }
    }
}
