import Foundation
import Xiuhua
import XiuhuaStore

/// Checks Open311 `api_key`s and holds each key to its rate.
///
/// Keys are looked up in the store and remembered for `cacheLifetime`, so a busy client
/// does not cost a database read a request; a key revoked through the API stops at once,
/// one revoked from the command line (another process) within `cacheLifetime`. Each key has
/// a token bucket that refills at its `per_minute` rate and holds ten seconds' worth.
///
/// A lock, not an actor: a cached key is admitted without a hop to another executor and
/// back, which was a measurable part of every Open311 report.
final class APIKeyGate: @unchecked Sendable {
    enum Refusal: Error {
        case missing, unknown, overRate(APIKey)
    }

    private struct Cached {
        let key: APIKey?
        let fetchedAt: Date
    }

    private struct Bucket {
        var tokens: Double
        var at: Date
    }

    private let store: Store
    private let lock = NSLock()
    private let cacheLifetime: TimeInterval
    private var cache: [String: Cached] = [:]
    private var buckets: [String: Bucket] = [:]

    init(store: Store, cacheLifetime: TimeInterval = 10) {
        self.store = store
        self.cacheLifetime = cacheLifetime
    }

    /// The key for `secret` if it is live and under its rate.
    func admit(_ secret: String?, at now: Date) async throws -> APIKey {
        guard let secret, !secret.isEmpty else { throw Refusal.missing }
        let cached = lock.withLock { cache[secret] }
        let key: APIKey?
        if let cached, now.timeIntervalSince(cached.fetchedAt) < cacheLifetime {
            key = cached.key
        } else {
            key = try await store.activeAPIKey(secret: secret)
            lock.withLock {
                if cache.count > 10_000 { cache.removeAll() }
                cache[secret] = Cached(key: key, fetchedAt: now)
            }
        }
        guard let key else { throw Refusal.unknown }
        return try lock.withLock { try take(key, at: now) }
    }

    /// One request from `key`'s bucket (under the lock).
    private func take(_ key: APIKey, at now: Date) throws -> APIKey {
        let rate = Double(key.perMinute) / 60
        let capacity = max(1, rate * 10)
        var bucket = buckets[key.id] ?? Bucket(tokens: capacity, at: now)
        bucket.tokens = min(capacity, bucket.tokens + max(0, now.timeIntervalSince(bucket.at)) * rate)
        bucket.at = now
        guard bucket.tokens >= 1 else {
            buckets[key.id] = bucket
            throw Refusal.overRate(key)
        }
        bucket.tokens -= 1
        buckets[key.id] = bucket
        return key
    }

    /// Forgets key `id` at once (after a revocation through the API).
    func forget(id: String) {
        lock.withLock {
            cache = cache.filter { $0.value.key?.id != id }
            buckets[id] = nil
        }
    }
}

extension APIKey {
    /// Who files a case through this key: the client system, as a `system` actor.
    var actor: Actor {
        Actor(id: "apikey:\(id)", name: name, role: .system)
    }
}
