import Foundation
import SQLKit
import Xiuhua

/// Failed sign-ins of one account since its last good one.
public struct LoginRecord: Sendable, Equatable {
    public var failures: Int
    public var lastFailure: Date?

    public init(failures: Int, lastFailure: Date?) {
        self.failures = failures
        self.lastFailure = lastFailure
    }

    public static let clean = LoginRecord(failures: 0, lastFailure: nil)
}

extension Store {
    /// Disables or enables the account `username`. Disabling also ends its sessions, so a
    /// page or script signed in as it is refused from the next request on.
    @discardableResult
    public func setAccountDisabled(username: String, _ disabled: Bool, at now: Date) async throws -> Account {
        try await engine.write { db in
            let id = try await Self.accountID(username, db)
            if disabled {
                try await db.raw("UPDATE accounts SET disabled_at = \(bind: now.millis) WHERE id = \(bind: id) AND disabled_at IS NULL").run()
                try await db.raw("DELETE FROM sessions WHERE account_id = \(bind: id)").run()
            } else {
                try await db.raw("UPDATE accounts SET disabled_at = NULL WHERE id = \(bind: id)").run()
            }
            return try await Self.account(id: id, db)
        }
    }

    /// Sets a new password hash, ends the account's sessions and forgets its failed
    /// sign-ins: whoever had the old password, or a session opened with it, is out.
    @discardableResult
    public func resetPassword(username: String, passwordHash: String) async throws -> Account {
        try await engine.write { db in
            let id = try await Self.accountID(username, db)
            try await db.raw("""
                UPDATE accounts SET password_hash = \(bind: passwordHash), failed_logins = 0, last_failed_login_at = NULL
                WHERE id = \(bind: id)
                """).run()
            try await db.raw("DELETE FROM sessions WHERE account_id = \(bind: id)").run()
            return try await Self.account(id: id, db)
        }
    }

    /// Ends every session of `username`; returns how many were open (expired ones included).
    @discardableResult
    public func revokeSessions(username: String) async throws -> Int {
        try await engine.write { db in
            let id = try await Self.accountID(username, db)
            let count = try await db.raw("SELECT COUNT(*) AS n FROM sessions WHERE account_id = \(bind: id)").first()?
                .decode(column: "n", as: Int.self) ?? 0
            try await db.raw("DELETE FROM sessions WHERE account_id = \(bind: id)").run()
            return count
        }
    }

    /// Forgets the failed sign-ins of `username`, so it may try again at once.
    @discardableResult
    public func unlockAccount(username: String) async throws -> Account {
        try await engine.write { db in
            let id = try await Self.accountID(username, db)
            try await db.raw("UPDATE accounts SET failed_logins = 0, last_failed_login_at = NULL WHERE id = \(bind: id)").run()
            return try await Self.account(id: id, db)
        }
    }

    /// The failed sign-ins of the account `id` (clean for an unknown id).
    public func loginRecord(accountID id: String) async throws -> LoginRecord {
        try await engine.read { db in
            guard let row = try await db.raw("SELECT failed_logins, last_failed_login_at FROM accounts WHERE id = \(bind: id)").first()
            else { return .clean }
            return LoginRecord(
                failures: try row.decode(column: "failed_logins", as: Int.self),
                lastFailure: try row.decode(column: "last_failed_login_at", as: Int64?.self).map(Date.init(millis:))
            )
        }
    }

    /// Counts a failed sign-in of account `id` in one statement, so that servers sharing
    /// the database count every failure: a failure more than `restartAfter` after the
    /// previous one starts the count again at 1.
    @discardableResult
    public func recordLoginFailure(accountID id: String, at now: Date, restartAfter: TimeInterval) async throws -> LoginRecord {
        let restartBefore = now.addingTimeInterval(-restartAfter).millis
        try await engine.write { db in
            try await db.raw("""
                UPDATE accounts SET
                    failed_logins = CASE WHEN last_failed_login_at IS NOT NULL AND last_failed_login_at >= \(bind: restartBefore)
                                         THEN failed_logins + 1 ELSE 1 END,
                    last_failed_login_at = \(bind: now.millis)
                WHERE id = \(bind: id)
                """).run()
        }
        return try await loginRecord(accountID: id)
    }

    /// A good sign-in forgets the failed ones before it.
    public func recordLoginSuccess(accountID id: String) async throws {
        try await engine.write { db in
            try await db.raw("""
                UPDATE accounts SET failed_logins = 0, last_failed_login_at = NULL WHERE id = \(bind: id) AND failed_logins <> 0
                """).run()
        }
    }

    private static func accountID(_ username: String, _ db: any SQLDatabase) async throws -> String {
        guard let row = try await db.raw("SELECT id FROM accounts WHERE username = \(bind: username)").first() else {
            throw AccountError.noSuchAccount(username)
        }
        return try row.decode(column: "id", as: String.self)
    }

    private static func account(id: String, _ db: any SQLDatabase) async throws -> Account {
        guard let row = try await db.raw("SELECT * FROM accounts WHERE id = \(bind: id)").first() else {
            throw AccountError.noSuchAccount(id)
        }
        return try decodeAccount(row)
    }
}
