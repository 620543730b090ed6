import Foundation
import Testing
@testable import XiuhuaServer

/// The per-address tables of the limits stay bounded however many addresses come by:
/// entries that no longer limit anybody are dropped when the table grows large.
@Suite("Limiter memory")
struct LimiterMemoryTests {
    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var current = Date(timeIntervalSince1970: 1_800_000_000)
        var now: Date { lock.withLock { current } }
        func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }
    }

    @Test("intake buckets that have filled up again are dropped once the table passes its bound; a live bucket is kept")
    func intakeBuckets() async {
        let clock = Clock()
        let limiter = IntakeRateLimiter(.init(perMinute: 60, burst: 2), clock: { clock.now })
        _ = await limiter.admit("203.0.113.1")
        _ = await limiter.admit("203.0.113.1")
        #expect(await limiter.admit("203.0.113.1") != nil, "empty bucket")
        for index in 0..<IntakeRateLimiter.pruneAbove { _ = await limiter.admit("a\(index)") }
        #expect(await limiter.trackedCount == IntakeRateLimiter.pruneAbove + 1)
        // A second later the one-request buckets are full again; 203.0.113.1 has one token of two.
        clock.advance(1)
        _ = await limiter.admit("one more")
        #expect(await limiter.trackedCount == 2, "full buckets forgotten, the live one and the new one kept")
        #expect(await limiter.admit("203.0.113.1") == nil)
        #expect(await limiter.admit("203.0.113.1") != nil, "the partly spent bucket was kept, not replaced by a full one")
    }

    @Test("sign-in failures that no longer hold anyone back are forgotten once the table passes its bound")
    func loginFailures() async {
        let throttle = LoginThrottle(perUser: 5, perAddress: 20, window: 300, ceiling: 900)
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        for index in 0..<(LoginThrottle.pruneAbove / 2 + 1) {
            await throttle.recordUnknownUserFailure("u\(index)", at: start)
            await throttle.recordAddressFailure("a\(index)", at: start)
        }
        let before = await throttle.trackedCount
        #expect(before > LoginThrottle.pruneAbove)
        // Past the address window and past the username's restart (lock ceiling + window).
        let late = start.addingTimeInterval(1201)
        await throttle.recordUnknownUserFailure("late", at: late)
        await throttle.recordAddressFailure("b", at: late)
        #expect(await throttle.trackedCount == 2, "only the fresh failure's user and address remain")
    }
}
