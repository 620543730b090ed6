import Foundation
import XiuhuaStore

/// How long one username waits after failed sign-ins: the first `perUser - 1` failures
/// cost nothing, the `perUser`th locks it for `base`, each failure after a lock doubles
/// the lock, and no lock is ever longer than `ceiling` — so someone guessing a named
/// person's password can slow their sign-in down but never lock them out for good.
/// Attempts while locked are refused without checking the password and are not counted.
public struct LoginBackoff: Sendable, Equatable {
    public var perUser: Int
    public var base: TimeInterval
    public var ceiling: TimeInterval

    public init(perUser: Int, base: TimeInterval, ceiling: TimeInterval) {
        self.perUser = perUser
        self.base = base
        self.ceiling = max(ceiling, base)
    }

    /// A failure this long after the previous one starts the count again.
    public var restartAfter: TimeInterval { ceiling + base }

    /// Seconds until the next try is allowed, or nil when it is allowed now.
    public func wait(_ record: LoginRecord, at now: Date) -> TimeInterval? {
        guard record.failures >= perUser, let last = record.lastFailure else { return nil }
        let doublings = min(record.failures - perUser, 30)
        let lock = min(base * Double(1 << doublings), ceiling)
        let remaining = lock - now.timeIntervalSince(last)
        return remaining > 0 ? remaining : nil
    }

    /// The record after one more failure at `now`.
    public func failing(_ record: LoginRecord, at now: Date) -> LoginRecord {
        let continues = record.lastFailure.map { now.timeIntervalSince($0) <= restartAfter } ?? false
        return LoginRecord(failures: continues ? record.failures + 1 : 1, lastFailure: now)
    }
}

/// Limits guessing passwords, per account and per client address.
///
/// An account's failures are kept in the database (`LoginRecord`), so every server on it
/// counts them and `xiuhua account unlock` clears them; they follow `LoginBackoff`. A
/// username that names no account is counted here the same way, so the answers do not tell
/// which usernames exist. An address may fail `perAddress` times within `window`, then
/// waits until the oldest of those leaves the window; the limit is higher because a whole
/// office may share one address.
public actor LoginThrottle {
    public let backoff: LoginBackoff
    let perAddress: Int
    let window: TimeInterval
    private var addressFailures: [String: [Date]] = [:]
    private var unknownUsers: [String: LoginRecord] = [:]

    public init(perUser: Int = 5, perAddress: Int = 20, window: TimeInterval = 300, ceiling: TimeInterval = 900) {
        self.backoff = LoginBackoff(perUser: perUser, base: window, ceiling: ceiling)
        self.perAddress = perAddress
        self.window = window
    }

    /// The limits of the configuration's `limits.login` section.
    public init(_ limit: ServerSettings.LoginLimit) {
        self.init(
            perUser: limit.failuresPerUser, perAddress: limit.failuresPerAddress, window: TimeInterval(limit.windowSeconds),
            ceiling: TimeInterval(limit.maxLockSeconds)
        )
    }

    /// Seconds until `address` may try again, or nil when it may try now.
    func addressWait(_ address: String?, at now: Date) -> TimeInterval? {
        guard let address else { return nil }
        let recent = (addressFailures[address] ?? []).filter { now.timeIntervalSince($0) < window }
        addressFailures[address] = recent.isEmpty ? nil : recent
        guard recent.count >= perAddress, let oldest = recent.suffix(perAddress).first else { return nil }
        return window - now.timeIntervalSince(oldest)
    }

    /// Seconds until the unknown username may be tried again, or nil.
    func unknownUserWait(_ username: String, at now: Date) -> TimeInterval? {
        backoff.wait(unknownUsers[username.lowercased()] ?? .clean, at: now)
    }

    func recordAddressFailure(_ address: String?, at now: Date) {
        if let address { addressFailures[address, default: []].append(now) }
        prune(at: now)
    }

    func recordUnknownUserFailure(_ username: String, at now: Date) {
        let key = username.lowercased()
        unknownUsers[key] = backoff.failing(unknownUsers[key] ?? .clean, at: now)
        prune(at: now)
    }

    /// Someone trying many usernames from many addresses must not grow the tables for
    /// ever: entries that no longer hold anyone back are forgotten.
    private func prune(at now: Date) {
        guard addressFailures.count + unknownUsers.count > Self.pruneAbove else { return }
        addressFailures = addressFailures.filter { ($0.value.last.map { now.timeIntervalSince($0) < window }) ?? false }
        unknownUsers = unknownUsers.filter { ($0.value.lastFailure.map { now.timeIntervalSince($0) <= backoff.restartAfter }) ?? false }
    }

    static let pruneAbove = 20_000

    /// How many usernames and addresses are being tracked.
    var trackedCount: Int { addressFailures.count + unknownUsers.count }
}
