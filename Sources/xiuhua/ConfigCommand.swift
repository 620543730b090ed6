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
            let server = c.server
            let proxies = server.trustedProxies.map(\.description).joined(separator: ", ")
            print("  proxies     \(proxies.isEmpty ? "(none: X-Forwarded-For ignored)" : proxies)\(server.behindTLS ? "; behind TLS (HSTS)" : "")")
            let intake = server.intakeLimit.isOff ? "off" : "\(server.intakeLimit.burst) at once, then \(server.intakeLimit.perMinute)/min per address"
            print("  intake      \(intake)")
            let login = server.loginLimit
            print("  sign-in     \(login.failuresPerUser) failures per user, \(login.failuresPerAddress) per address, in \(login.windowSeconds) s")
            print("  stop        drain up to \(server.shutdownTimeout.components.seconds) s; idle connections closed after \(server.idleTimeout.components.seconds) s")
        }
    }
}
