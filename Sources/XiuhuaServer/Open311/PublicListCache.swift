import Hummingbird
import Synchronization

/// Recently written public answers (Open311 `GET requests` and `services`), keyed by the
/// request target exactly as the client sent it (path and query).
///
/// A list of 50 cases costs about 2 ms to read and write out, and the same query tends to
/// be asked again and again (apps polling the newest page, dashboards of other systems). An
/// answer is reused only while no case was written through this server since it was made
/// (`Store.caseWriteCount`) and for at most `maximumAge`, which bounds how stale it can be
/// when another process writes to the same database. The routes fill it; the routes and
/// `PublicAnswerHandler` (which answers on the event loop, before Hummingbird) read it, so
/// both follow the same staleness rules. Only answers a route gave with 200 are kept, so a
/// target that is refused never has an entry.
///
/// Bounded in entries and in bytes: a page of 1,000 requests with extensions is about a
/// megabyte, and every distinct query string is a key, so 512 of them could otherwise
/// hold half a gigabyte.
final class PublicListCache: Sendable {
    struct Entry: Sendable {
        let writeCount: UInt64
        let madeAt: ContinuousClock.Instant
        let format: Open311Format
        let body: ByteBuffer
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var bytes = 0

        mutating func remove(_ target: String) {
            if let old = entries.removeValue(forKey: target) { bytes -= old.body.readableBytes }
        }
    }

    private let state = Mutex(State())
    let maximumAge: Duration
    let capacity: Int
    /// The most bytes of answers kept at once; an answer larger than this is never kept.
    let maximumBytes: Int

    init(maximumAge: Duration = .seconds(1), capacity: Int = 512, maximumBytes: Int = 32 << 20) {
        self.maximumAge = maximumAge
        self.capacity = capacity
        self.maximumBytes = maximumBytes
    }

    /// How many bytes the kept answers hold.
    var bytes: Int { state.withLock { $0.bytes } }

    /// The entry stored for `target` if it is still current for `writeCount`.
    func entry(for target: String, writeCount: UInt64) -> Entry? {
        let now = ContinuousClock.now
        return state.withLock { state in
            guard let entry = state.entries[target] else { return nil }
            guard entry.writeCount == writeCount, now - entry.madeAt < maximumAge else {
                state.remove(target)
                return nil
            }
            return entry
        }
    }

    /// Keeps `body` (in `format`) for `target`, made from data at `writeCount` (read before
    /// the query ran).
    func store(_ body: ByteBuffer, format: Open311Format, for target: String, writeCount: UInt64) {
        let entry = Entry(writeCount: writeCount, madeAt: .now, format: format, body: body)
        guard body.readableBytes <= maximumBytes else { return }
        state.withLock { state in
            state.remove(target)
            // Many distinct queries or large answers: start afresh rather than grow.
            if state.entries.count >= capacity || state.bytes + body.readableBytes > maximumBytes {
                state.entries.removeAll(keepingCapacity: true)
                state.bytes = 0
            }
            state.entries[target] = entry
            state.bytes += body.readableBytes
        }
    }
}
