import Hummingbird
import Synchronization
import Testing
@testable import XiuhuaServer

/// The caches of public answers are bounded in bytes as well as entries, and the heavy
/// GeoJSON answers are made once.
@Suite("Public answer caches are bounded")
struct PublicCacheBoundsTests {
    static func body(_ bytes: Int) -> ByteBuffer { ByteBuffer(repeating: 0x41, count: bytes) }

    @Test("the Open311 list cache never holds more than its byte bound, and never keeps an answer larger than the bound")
    func listCacheBytes() {
        let cache = PublicListCache(maximumAge: .seconds(60), capacity: 512, maximumBytes: 10_000)
        for index in 0..<40 {
            cache.store(Self.body(3_000), format: .json, for: "/open311/v2/requests.json?page=\(index)", writeCount: 1)
            #expect(cache.bytes <= 10_000)
        }
        #expect(cache.entry(for: "/open311/v2/requests.json?page=39", writeCount: 1) != nil, "the newest answer is kept")
        cache.store(Self.body(10_001), format: .json, for: "/big", writeCount: 1)
        #expect(cache.entry(for: "/big", writeCount: 1) == nil)
        // Replacing an entry counts its bytes once.
        let fresh = PublicListCache(maximumAge: .seconds(60), capacity: 512, maximumBytes: 10_000)
        for _ in 0..<10 { fresh.store(Self.body(1_000), format: .json, for: "/same", writeCount: 1) }
        #expect(fresh.bytes == 1_000)
        // A stale entry leaves the count when it is dropped.
        #expect(fresh.entry(for: "/same", writeCount: 2) == nil)
        #expect(fresh.bytes == 0)
    }

    @Test("a GeoJSON answer is made once per filter and then served as the same bytes; the cache stays within its byte bound")
    func geoJSONOnce() {
        let cache = GeoJSONCache(maximumBytes: 10_000, capacity: 100)
        let made = Mutex(0)
        for _ in 0..<5 {
            let body = cache.answer("street|*") {
                made.withLock { $0 += 1 }
                return String(repeating: "x", count: 4_000)
            }
            #expect(body.readableBytes == 4_000)
        }
        #expect(made.withLock { $0 } == 1, "made once, served five times")
        for index in 0..<20 { _ = cache.answer("grid|\(index)") { String(repeating: "y", count: 3_000) } }
        #expect(cache.bytes <= 10_000)
        _ = cache.answer("huge") { String(repeating: "z", count: 20_000) }
        #expect(cache.bytes <= 10_000, "an answer over the bound is served but not kept")
    }
}
