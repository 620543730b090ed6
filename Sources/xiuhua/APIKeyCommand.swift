import ArgumentParser
import Foundation
import XiuhuaServer
import XiuhuaStore

struct APIKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apikey",
        abstract: "Open311 API key 管理 (keys of client systems for POST requests).",
        subcommands: [Create.self, Revoke.self, List.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "签发 API key (create a key); the key is printed once and stored only hashed.")
        @OptionGroup var options: DataOptions
        @Argument(help: "接入系统名称 (the client system's name), e.g. 12345热线平台.") var name: String
        @Option(name: .customLong("per-minute"), help: "每分钟请求上限 (rate limit, requests a minute).") var perMinute: Int = 600

        func validate() throws {
            guard (1...6_000_000).contains(perMinute) else { throw ValidationError("--per-minute 应在 1 到 6000000 之间") }
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty, name.count <= 100 else { throw ValidationError("名称应为 1 到 100 个字符") }
        }

        func run() async throws {
            let (key, secret) = try await options.withStore { store in
                try await store.createAPIKey(name: name.trimmingCharacters(in: .whitespaces), perMinute: perMinute, at: Date())
            }
            print("\(key.id)\t\(secret)")
            FileHandle.standardError.write(Data("已签发 (created) \(key.id) for \(key.name), \(key.perMinute)/min — the key above is not shown again\n".utf8))
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "吊销 API key (revoke a key by id).")
        @OptionGroup var options: DataOptions
        @Argument(help: "key id") var id: String

        func run() async throws {
            let key = try await options.withStore { store in try await store.revokeAPIKey(id: id, at: Date()) }
            guard let key else { throw CLIError("没有这个 API key (no such key): \(id)") }
            print("已吊销 (revoked) \(key.id) \(key.name)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出 API key (list keys, never the secrets).")
        @OptionGroup var options: DataOptions

        func run() async throws {
            let keys = try await options.withStore { store in try await store.apiKeys() }
            for key in keys {
                print("\(key.id)\t\(key.isActive ? "active" : "revoked")\t\(key.perMinute)/min\t\(key.name)")
            }
        }
    }
}
