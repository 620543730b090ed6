import Foundation
import NIOPosix
import Xiuhua
import XiuhuaStore

/// Everything an administrator does to accounts — add one, disable or enable it, reset its
/// password, end its sessions, lift its sign-in lock — with the same rules whether it comes
/// from the admin API or the command line: the password rule (`PasswordRule`) and the
/// scope a role needs (`AccountScope`). Refusals are `APIError`s, so the API answers them
/// as they are and the command line prints their message.
public struct AccountDesk: Sendable {
    let store: Store
    let now: @Sendable () -> Date

    public init(store: Store, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.now = now
    }

    /// What a new account is made of, before its password is hashed.
    public struct NewAccount: Sendable {
        public var username: String
        public var name: String
        public var role: Role
        public var departmentCode: String?
        public var streetCodes: [String]
        public var gridCodes: [String]
        public var password: String

        public init(
            username: String, name: String, role: Role, departmentCode: String? = nil, streetCodes: [String] = [],
            gridCodes: [String] = [], password: String
        ) {
            self.username = username
            self.name = name
            self.role = role
            self.departmentCode = departmentCode
            self.streetCodes = streetCodes
            self.gridCodes = gridCodes
            self.password = password
        }
    }

    /// Adds an account after checking its username, name, role, scope (against `regions`
    /// and `departments` when given) and password.
    public func add(_ new: NewAccount, regions: RegionTree?, departments: Set<String>?) async throws -> Account {
        if let problem = UsernameRule.problem(new.username) { throw APIError.badRequest("invalid_username", problem) }
        let name = new.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...100).contains(name.count) else {
            throw APIError.badRequest("invalid_name", "姓名须为 1–100 个字符 (the name needs 1–100 characters)")
        }
        guard new.role != .citizen else {
            throw APIError.badRequest("invalid_role", "市民不需要账号 (citizens have no accounts)")
        }
        try Self.checkPassword(new.password, username: new.username)
        var account = Account(
            id: UUID().uuidString.lowercased(), username: new.username, name: name, role: new.role,
            departmentCode: new.departmentCode.flatMap { $0.isEmpty ? nil : $0 }, streetCodes: new.streetCodes, gridCodes: new.gridCodes,
            passwordHash: ""
        )
        if let problem = AccountScope.problem(of: account, regions: regions, departments: departments) {
            throw APIError.badRequest("scope_required", problem)
        }
        account.passwordHash = try await Self.hash(new.password)
        do {
            try await store.addAccount(account, at: now())
        } catch let error as AccountError {
            throw APIError(.conflict, code: "username_taken", message: error.description)
        }
        return account
    }

    /// Disables `username`: it can no longer sign in and its sessions end now.
    public func disable(_ username: String) async throws -> Account {
        try await known { try await store.setAccountDisabled(username: username, true, at: now()) }
    }

    public func enable(_ username: String) async throws -> Account {
        try await known { try await store.setAccountDisabled(username: username, false, at: now()) }
    }

    /// Sets a new password (checked against the rule); the account's sessions end and its
    /// failed sign-ins are forgotten.
    public func resetPassword(_ username: String, to password: String) async throws -> Account {
        try Self.checkPassword(password, username: username)
        let hash = try await Self.hash(password)
        return try await known { try await store.resetPassword(username: username, passwordHash: hash) }
    }

    /// Ends every session of `username`; returns how many there were.
    public func revokeSessions(_ username: String) async throws -> Int {
        try await known { try await store.revokeSessions(username: username) }
    }

    /// Forgets the failed sign-ins of `username`, so it may sign in at once.
    public func unlock(_ username: String) async throws -> Account {
        try await known { try await store.unlockAccount(username: username) }
    }

    /// The password rule, as the refusal every path gives (400 `weak_password`).
    public static func checkPassword(_ password: String, username: String) throws {
        if let problem = PasswordRule.problem(password, username: username) {
            throw APIError.badRequest("weak_password", problem)
        }
    }

    static func hash(_ password: String) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { PasswordHashing.hash(password) }
    }

    private func known<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch AccountError.noSuchAccount(let username) {
            throw APIError.notFound("account_not_found", "没有这个账号 (no such account): \(username)")
        }
    }
}
