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
final class PublicListCache: Sendable {
    struct Entry: Sendable {
        let writeCount: UInt64
        let madeAt: ContinuousClock.Instant
        let format: Open311Format
        let body: ByteBuffer
    }

    private let entries = Mutex<[String: Entry]>([:])
    let maximumAge: Duration
    let capacity: Int

    init(maximumAge: Duration = .seconds(1), capacity: Int = 512) {
        self.maximumAge = maximumAge
        self.capacity = capacity
    }

    /// The entry stored for `target` if it is still current for `writeCount`.
    func entry(for target: String, writeCount: UInt64) -> Entry? {
        let now = ContinuousClock.now
        return entries.withLock { entries in
            guard let entry = entries[target] else { return nil }
            guard entry.writeCount == writeCount, now - entry.madeAt < maximumAge else {
                entries[target] = nil
                return nil
            }
            return entry
        }
    }

    /// Keeps `body` (in `format`) for `target`, made from data at `writeCount` (read before
    /// the query ran).
    func store(_ body: ByteBuffer, format: Open311Format, for target: String, writeCount: UInt64) {
        let entry = Entry(writeCount: writeCount, madeAt: .now, format: format, body: body)
        entries.withLock { entries in
            // Many distinct queries: start afresh rather than keep an unbounded map.
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[target] = entry
        }
    }
}
