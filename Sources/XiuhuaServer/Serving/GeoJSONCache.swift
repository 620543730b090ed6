import Hummingbird
import Synchronization

/// GeoJSON answers made from the region tree, kept for the life of the server: the tree
/// is loaded once at start and changes only with an import and a restart, while turning
/// thousands of polygons into text costs tens of milliseconds on every request.
///
/// Bounded in bytes, not only in entries: a key is whatever filter a client sent, and an
/// answer may be megabytes. Past the bound the cache starts afresh, as `PublicListCache`
/// does; an answer larger than the bound alone is made every time, never kept.
final class GeoJSONCache: Sendable {
    private struct State {
        var entries: [String: ByteBuffer] = [:]
        var bytes = 0
    }

    private let state = Mutex(State())
    let maximumBytes: Int
    let capacity: Int

    init(maximumBytes: Int = 64 << 20, capacity: Int = 256) {
        self.maximumBytes = maximumBytes
        self.capacity = capacity
    }

    /// The answer for `key`, made by `make` the first time.
    func answer(_ key: String, make: () throws -> String) rethrows -> ByteBuffer {
        if let body = state.withLock({ $0.entries[key] }) { return body }
        let body = ByteBuffer(string: try make())
        state.withLock { state in
            guard body.readableBytes <= maximumBytes, state.entries[key] == nil else { return }
            if state.entries.count >= capacity || state.bytes + body.readableBytes > maximumBytes {
                state.entries.removeAll(keepingCapacity: true)
                state.bytes = 0
            }
            state.entries[key] = body
            state.bytes += body.readableBytes
        }
        return body
    }

    /// How many bytes the kept answers hold.
    var bytes: Int { state.withLock { $0.bytes } }
}
