import Foundation
import SQLKit
import Testing
import Xiuhua
import XiuhuaStore

@Suite("Store account controls: disabling, password reset, sessions, failed sign-ins")
struct StoreAccountControlsTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func operatorAccount(id: String = "acc-1", username: String = "wangli") -> Account {
        Account(id: id, username: username, name: "王丽", role: .operator, passwordHash: "hash-1")
    }

    static func withAccount<T>(backend: Backend, _ body: (Store) async throws -> T) async throws -> T {
        try await withTemporaryStore(backend: backend) { store, _ in
            try await store.addAccount(operatorAccount(), at: now)
            try await store.addAccount(operatorAccount(id: "acc-2", username: "other"), at: now)
            return try await body(store)
        }
    }

    @Test("disabling ends the account's sessions at once, leaves others alone, and survives reopening", arguments: Backend.all)
    func disable(backend: Backend) async throws {
        try await TemporaryDirectory.with(backend: backend) { directory in
            let store = try await directory.open()
            try await store.addAccount(Self.operatorAccount(), at: Self.now)
            try await store.addAccount(Self.operatorAccount(id: "acc-2", username: "other"), at: Self.now)
            let later = Self.now.addingTimeInterval(3600)
            try await store.addSession(token: "t1", accountID: "acc-1", at: Self.now, expiresAt: later)
            try await store.addSession(token: "t2", accountID: "acc-2", at: Self.now, expiresAt: later)

            let disabled = try await store.setAccountDisabled(username: "wangli", true, at: Self.now)
            #expect(disabled.isDisabled)
            #expect(try await store.sessionAccount(token: "t1", at: Self.now) == nil)
            #expect(try await store.sessionAccount(token: "t2", at: Self.now)?.username == "other")
            // A session opened behind the disable's back (another server racing it) does not count either.
            try await store.addSession(token: "t3", accountID: "acc-1", at: Self.now, expiresAt: later)
            #expect(try await store.sessionAccount(token: "t3", at: Self.now) == nil)
            await store.close()

            let reopened = try await directory.open()
            #expect(try await reopened.account(username: "wangli")?.disabledAt == Self.now)
            let enabled = try await reopened.setAccountDisabled(username: "wangli", false, at: Self.now)
            #expect(!enabled.isDisabled)
            #expect(try await reopened.sessionAccount(token: "t1", at: Self.now) == nil, "enabling does not bring ended sessions back")
            await reopened.close()
        }
    }

    @Test("resetting a password stores the new hash, ends the sessions and forgets failed sign-ins", arguments: Backend.all)
    func resetPassword(backend: Backend) async throws {
        try await Self.withAccount(backend: backend) { store in
            try await store.addSession(token: "t1", accountID: "acc-1", at: Self.now, expiresAt: Self.now.addingTimeInterval(3600))
            try await store.recordLoginFailure(accountID: "acc-1", at: Self.now, restartAfter: 600)
            let account = try await store.resetPassword(username: "wangli", passwordHash: "hash-2")
            #expect(account.passwordHash == "hash-2")
            #expect(try await store.account(username: "wangli")?.passwordHash == "hash-2")
            #expect(try await store.sessionAccount(token: "t1", at: Self.now) == nil)
            #expect(try await store.loginRecord(accountID: "acc-1") == .clean)
        }
    }

    @Test("revoking sessions ends every one of the account and counts them; an unknown username is refused", arguments: Backend.all)
    func revoke(backend: Backend) async throws {
        try await Self.withAccount(backend: backend) { store in
            for token in ["a", "b", "c"] {
                try await store.addSession(token: token, accountID: "acc-1", at: Self.now, expiresAt: Self.now.addingTimeInterval(3600))
            }
            try await store.addSession(token: "d", accountID: "acc-2", at: Self.now, expiresAt: Self.now.addingTimeInterval(3600))
            #expect(try await store.revokeSessions(username: "wangli") == 3)
            #expect(try await store.sessionAccount(token: "a", at: Self.now) == nil)
            #expect(try await store.sessionAccount(token: "d", at: Self.now) != nil)
            #expect(try await store.revokeSessions(username: "wangli") == 0)
            await #expect(throws: AccountError.self) { try await store.revokeSessions(username: "nosuch") }
            await #expect(throws: AccountError.self) { try await store.setAccountDisabled(username: "nosuch", true, at: Self.now) }
        }
    }

    @Test("failed sign-ins count up, restart after a long pause, reset on success and on unlock", arguments: Backend.all)
    func failures(backend: Backend) async throws {
        try await Self.withAccount(backend: backend) { store in
            #expect(try await store.loginRecord(accountID: "acc-1") == .clean)
            for second in 0..<3 {
                try await store.recordLoginFailure(accountID: "acc-1", at: Self.now.addingTimeInterval(Double(second)), restartAfter: 600)
            }
            #expect(try await store.loginRecord(accountID: "acc-1") == LoginRecord(failures: 3, lastFailure: Self.now.addingTimeInterval(2)))
            #expect(try await store.loginRecord(accountID: "acc-2") == .clean, "another account's count is its own")

            let muchLater = Self.now.addingTimeInterval(1000)
            let restarted = try await store.recordLoginFailure(accountID: "acc-1", at: muchLater, restartAfter: 600)
            #expect(restarted == LoginRecord(failures: 1, lastFailure: muchLater))

            try await store.recordLoginSuccess(accountID: "acc-1")
            #expect(try await store.loginRecord(accountID: "acc-1") == .clean)

            try await store.recordLoginFailure(accountID: "acc-1", at: Self.now, restartAfter: 600)
            try await store.unlockAccount(username: "wangli")
            #expect(try await store.loginRecord(accountID: "acc-1") == .clean)
        }
    }

    @Test("a database made before 110_account_controls upgrades in place on opening: accounts enabled, sessions kept, nothing counted", arguments: Backend.all)
    func upgradeInPlace(backend: Backend) async throws {
        try await TemporaryDirectory.with(backend: backend) { directory in
            let old = try await directory.open(migrate: false)
            do {
                let before = Migrations.all.filter { $0.name != "110_account_controls" }
                #expect(before.count == Migrations.all.count - 1)
                _ = try await Migrator(before).migrate(old.engine)
                try await old.engine.write { db in
                    try await db.raw("""
                        INSERT INTO accounts (id, username, name, role, department_code, street_codes, grid_codes, password_hash, created_at)
                        VALUES ('old-1', 'veteran', '老账号', 'dispatcher', NULL, '[]', '[]', 'hash', 1)
                        """).run()
                }
                try await old.addSession(token: "old", accountID: "old-1", at: Self.now, expiresAt: Self.now.addingTimeInterval(3600))
                await old.close()
            } catch {
                await old.close()
                throw error
            }

            let store = try await directory.open()
            do {
                #expect(try await Migrator().pending(store.engine).isEmpty)
                let account = try #require(try await store.account(username: "veteran"))
                #expect(!account.isDisabled)
                #expect(try await store.loginRecord(accountID: "old-1") == .clean)
                #expect(try await store.sessionAccount(token: "old", at: Self.now)?.username == "veteran")
                try await store.setAccountDisabled(username: "veteran", true, at: Self.now)
                #expect(try await store.sessionAccount(token: "old", at: Self.now) == nil)
                await store.close()
            } catch {
                await store.close()
                throw error
            }
        }
    }
}
