import ArgumentParser
import Foundation
import Xiuhua
import XiuhuaServer
import XiuhuaStore

struct AccountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account",
        abstract: "账号管理 (accounts).",
        subcommands: [Add.self, List.self, Disable.self, Enable.self, ResetPassword.self, RevokeSessions.self, Unlock.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "新建账号 (add an account); the password is read from XIUHUA_PASSWORD or standard input."
        )

        @OptionGroup var options: DataOptions
        @Argument(help: "用户名 (username).") var username: String
        @Option(help: "姓名 (display name).") var name: String
        @Option(help: "角色 (role): \(Role.allCases.filter { $0 != .citizen }.map(\.rawValue).joined(separator: ", ")).")
        var role: String
        @Option(help: "部门编码 (department code), required for departmentHandler.") var department: String?
        @Option(help: "街道编码，逗号分隔 (street codes), required for streetOfficer.") var streets: String?
        @Option(help: "网格编码，逗号分隔 (grid codes), required for gridWorker.") var grids: String?

        func run() async throws {
            guard let role = Role(rawValue: role), role != .citizen else {
                throw CLIError("未知角色 (unknown role): \(self.role)")
            }
            func list(_ text: String?) -> [String] {
                text?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } ?? []
            }
            let new = AccountDesk.NewAccount(
                username: username, name: name, role: role, departmentCode: department, streetCodes: list(streets),
                gridCodes: list(grids), password: readPassword()
            )
            try await options.withStore { store in
                let features = try await store.regionFeatures()
                let regions = features.isEmpty ? nil : try RegionTree(features.map(\.region))
                let departments = try await store.organisation().departments.map(\.code)
                _ = try await refusalsAsCLIErrors {
                    try await AccountDesk(store: store).add(new, regions: regions, departments: departments.isEmpty ? nil : Set(departments))
                }
            }
            print("已创建账号 (account added): \(username) (\(role.label))")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出账号 (list accounts).")
        @OptionGroup var options: DataOptions

        func run() async throws {
            let accounts = try await options.withStore { store in try await store.accounts() }
            for account in accounts {
                let state = account.isDisabled ? "\t已停用 (disabled)" : ""
                print("\(account.username)\t\(account.role.rawValue)\t\(account.name)\(state)")
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "停用账号 (disable an account): it can no longer sign in, and its sessions end at once."
        )
        @OptionGroup var options: DataOptions
        @Argument(help: "用户名 (username).") var username: String

        func run() async throws {
            _ = try await options.withStore { store in try await refusalsAsCLIErrors { try await AccountDesk(store: store).disable(username) } }
            print("已停用账号 (account disabled): \(username)")
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "启用账号 (enable a disabled account).")
        @OptionGroup var options: DataOptions
        @Argument(help: "用户名 (username).") var username: String

        func run() async throws {
            _ = try await options.withStore { store in try await refusalsAsCLIErrors { try await AccountDesk(store: store).enable(username) } }
            print("已启用账号 (account enabled): \(username)")
        }
    }

    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-password",
            abstract: "重设密码 (reset a password); the new one is read from XIUHUA_PASSWORD or standard input. Its sessions end."
        )
        @OptionGroup var options: DataOptions
        @Argument(help: "用户名 (username).") var username: String

        func run() async throws {
            let password = readPassword()
            _ = try await options.withStore { store in
                try await refusalsAsCLIErrors { try await AccountDesk(store: store).resetPassword(username, to: password) }
            }
            print("已重设密码 (password reset): \(username)")
        }
    }

    struct RevokeSessions: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke-sessions", abstract: "注销账号的全部会话 (end every session of an account)."
        )
        @OptionGroup var options: DataOptions
        @Argument(help: "用户名 (username).") var username: String

        func run() async throws {
            let count = try await options.withStore { store in
                try await refusalsAsCLIErrors { try await AccountDesk(store: store).revokeSessions(username) }
            }
            print("已注销会话 (sessions ended): \(username), \(count)")
        }
    }

    struct Unlock: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "解除登录锁定 (lift the sign-in lock that failed attempts put on an account)."
        )
        @OptionGroup var options: DataOptions
        @Argument(help: "用户名 (username).") var username: String

        func run() async throws {
            _ = try await options.withStore { store in try await refusalsAsCLIErrors { try await AccountDesk(store: store).unlock(username) } }
            print("已解除锁定 (unlocked): \(username)")
        }
    }
}

/// The password for `add` and `reset-password`: XIUHUA_PASSWORD, or the first line of
/// standard input (so it never appears in the process list or the shell's history).
private func readPassword() -> String {
    ProcessInfo.processInfo.environment["XIUHUA_PASSWORD"] ?? readLine(strippingNewline: true) ?? ""
}

/// The desk's refusals (weak password, missing scope, no such account) as one-line errors.
private func refusalsAsCLIErrors<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let refusal as APIError {
        throw CLIError(refusal.message)
    }
}
