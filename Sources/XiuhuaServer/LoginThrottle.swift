import Foundation

/// Limits guessing passwords: after `perUser` failed sign-ins within `window` for one
/// username, or `perAddress` from one address, further attempts are refused until the
/// oldest failure falls out of the window — whether or not the password would now be
/// right. The address limit is higher because a whole office may share one address.
public actor LoginThrottle {
    let perUser: Int
    let perAddress: Int
    let window: TimeInterval
    private var failures: [String: [Date]] = [:]

    public init(perUser: Int = 5, perAddress: Int = 20, window: TimeInterval = 300) {
        self.perUser = perUser
        self.perAddress = perAddress
        self.window = window
    }

    /// The limits of the configuration's `limits.login` section.
    public init(_ limit: ServerSettings.LoginLimit) {
        self.init(perUser: limit.failuresPerUser, perAddress: limit.failuresPerAddress, window: TimeInterval(limit.windowSeconds))
    }

    /// Seconds until `username` from `address` may try again, or nil when it may try now.
    func waitTime(username: String, address: String?, at now: Date) -> TimeInterval? {
        let waits = keys(username, address).compactMap { key -> TimeInterval? in
            let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
            failures[key] = recent.isEmpty ? nil : recent
            let limit = key.hasPrefix("user:") ? perUser : perAddress
            guard recent.count >= limit, let oldest = recent.suffix(limit).first else { return nil }
            return window - now.timeIntervalSince(oldest)
        }
        return waits.max()
    }

    func recordFailure(username: String, address: String?, at now: Date) {
        for key in keys(username, address) { failures[key, default: []].append(now) }
        // Someone trying many usernames from many addresses must not grow the table for
        // ever: entries whose failures have all left the window are forgotten.
        if failures.count > Self.pruneAbove {
            failures = failures.filter { ($0.value.last.map { now.timeIntervalSince($0) < window }) ?? false }
        }
    }

    static let pruneAbove = 20_000

    /// How many usernames and addresses are being tracked.
    var trackedCount: Int { failures.count }

    func recordSuccess(username: String) {
        failures["user:\(username.lowercased())"] = nil
    }

    private func keys(_ username: String, _ address: String?) -> [String] {
        ["user:\(username.lowercased())"] + (address.map { ["addr:\($0)"] } ?? [])
    }
}
