import ArgumentParser
import Foundation
import Xiuhua
import XiuhuaServer
import XiuhuaStore

struct AccountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account",
        abstract: "账号管理 (accounts).",
        subcommands: [Add.self, List.self]
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
        @Option(help: "部门编码 (department code), for departmentHandler.") var department: String?
        @Option(help: "街道编码，逗号分隔 (street codes), for streetOfficer.") var streets: String?
        @Option(help: "网格编码，逗号分隔 (grid codes), for gridWorker.") var grids: String?

        func run() async throws {
            guard let role = Role(rawValue: role), role != .citizen else {
                throw CLIError("未知角色 (unknown role): \(self.role)")
            }
            let password = ProcessInfo.processInfo.environment["XIUHUA_PASSWORD"] ?? readLine(strippingNewline: true) ?? ""
            guard password.count >= 8 else { throw CLIError("密码至少 8 位 (password must have at least 8 characters)") }
            if role == .departmentHandler, department == nil { throw CLIError("部门处置人员需要 --department") }
            if role == .streetOfficer, streets == nil { throw CLIError("街道人员需要 --streets") }
            func list(_ text: String?) -> [String] {
                text?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } ?? []
            }
            let account = Account(
                id: UUID().uuidString.lowercased(), username: username, name: name, role: role, departmentCode: department,
                streetCodes: list(streets), gridCodes: list(grids), passwordHash: PasswordHashing.hash(password)
            )
            do {
                try await options.withStore { store in try await store.addAccount(account, at: Date()) }
            } catch let error as AccountError {
                throw CLIError(error.description)
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
                print("\(account.username)\t\(account.role.rawValue)\t\(account.name)")
            }
        }
    }
}
