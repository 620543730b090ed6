import Crypto
import Foundation
import SQLKit
import Xiuhua

extension Store {
    /// Adds an account. A taken username is refused with `AccountError.usernameTaken`.
    public func addAccount(_ account: Account, at now: Date) async throws {
        try await engine.write { db in
            let taken = try await db.raw("SELECT 1 AS x FROM accounts WHERE username = \(bind: account.username)").first() != nil
            if taken { throw AccountError.usernameTaken(account.username) }
            try await db.raw("""
                INSERT INTO accounts (id, username, name, role, department_code, street_codes, grid_codes, password_hash, created_at)
                VALUES (\(bind: account.id), \(bind: account.username), \(bind: account.name), \(bind: account.role.rawValue),
                        \(bind: account.departmentCode), \(bind: Store.jsonList(account.streetCodes)),
                        \(bind: Store.jsonList(account.gridCodes)), \(bind: account.passwordHash), \(bind: now.millis))
                """).run()
        }
    }

    public func account(username: String) async throws -> Account? {
        try await engine.read { db in
            try await db.raw("SELECT * FROM accounts WHERE username = \(bind: username)").first().map(Store.decodeAccount)
        }
    }

    public func accounts() async throws -> [Account] {
        try await engine.read { db in
            try await db.raw("SELECT * FROM accounts ORDER BY username").all().map(Store.decodeAccount)
        }
    }

    /// Records a session under the hash of its token (the token itself is never stored).
    public func addSession(token: String, accountID: String, at now: Date, expiresAt: Date) async throws {
        let tokenHash = Store.tokenHash(token)
        try await engine.write { db in
            try await db.raw("DELETE FROM sessions WHERE expires_at < \(bind: now.millis)").run()
            try await db.raw("""
                INSERT INTO sessions (token_hash, account_id, created_at, expires_at)
                VALUES (\(bind: tokenHash), \(bind: accountID), \(bind: now.millis), \(bind: expiresAt.millis))
                """).run()
        }
    }

    /// The account of a live session, or nil when the token is unknown or expired or its
    /// account is disabled.
    public func sessionAccount(token: String, at now: Date) async throws -> Account? {
        let tokenHash = Store.tokenHash(token)
        return try await engine.read { db in
            try await db.raw("""
                SELECT accounts.* FROM sessions JOIN accounts ON accounts.id = sessions.account_id
                WHERE sessions.token_hash = \(bind: tokenHash) AND sessions.expires_at > \(bind: now.millis)
                  AND accounts.disabled_at IS NULL
                """).first().map(Store.decodeAccount)
        }
    }

    public func removeSession(token: String) async throws {
        let tokenHash = Store.tokenHash(token)
        try await engine.write { db in
            try await db.raw("DELETE FROM sessions WHERE token_hash = \(bind: tokenHash)").run()
        }
    }

    /// Sessions are stored by the SHA-256 of their token, so a copy of the database does
    /// not hand out live logins.
    static func tokenHash(_ token: String) -> String {
        Hex.string(SHA256.hash(data: Data(token.utf8)))
    }

    static func jsonList(_ values: [String]) -> String {
        String(decoding: (try? JSONEncoder().encode(values)) ?? Data("[]".utf8), as: UTF8.self)
    }

    static func decodeAccount(_ row: any SQLRow) throws -> Account {
        let id = try row.decode(column: "id", as: String.self)
        let roleText = try row.decode(column: "role", as: String.self)
        guard let role = Role(rawValue: roleText) else {
            throw StoreError.corruptRow(table: "accounts", key: id, reason: "unknown role \(roleText)")
        }
        func list(_ column: String) throws -> [String] {
            let text = try row.decode(column: column, as: String.self)
            return (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
        }
        return Account(
            id: id,
            username: try row.decode(column: "username", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            role: role,
            departmentCode: try row.decode(column: "department_code", as: String?.self),
            streetCodes: try list("street_codes"),
            gridCodes: try list("grid_codes"),
            passwordHash: try row.decode(column: "password_hash", as: String.self),
            disabledAt: try row.decode(column: "disabled_at", as: Int64?.self).map(Date.init(millis:))
        )
    }
}

public enum AccountError: Error, Sendable, CustomStringConvertible {
    case usernameTaken(String)
    case noSuchAccount(String)

    public var description: String {
        switch self {
        case .usernameTaken(let name): "用户名已存在 (username taken): \(name)"
        case .noSuchAccount(let name): "没有这个账号 (no such account): \(name)"
        }
    }
}
