import Hummingbird
import Synchronization

/// Recently written public lists (Open311 `GET requests`), keyed by their query.
///
/// A list of 50 cases costs about 2 ms to read and write out, and the same query tends to
/// be asked again and again (apps polling the newest page, dashboards of other systems). An
/// answer is reused only while no case was written through this server since it was made
/// (`Store.caseWriteCount`) and for at most `maximumAge`, which bounds how stale it can be
/// when another process writes to the same database.
final class PublicListCache: Sendable {
    struct Entry: Sendable {
        let writeCount: UInt64
        let madeAt: ContinuousClock.Instant
        let body: ByteBuffer
    }

    private let entries = Mutex<[String: Entry]>([:])
    let maximumAge: Duration
    let capacity: Int

    init(maximumAge: Duration = .seconds(1), capacity: Int = 512) {
        self.maximumAge = maximumAge
        self.capacity = capacity
    }

    /// The body stored for `key` if it is still current for `writeCount`.
    func body(for key: String, writeCount: UInt64) -> ByteBuffer? {
        let now = ContinuousClock.now
        return entries.withLock { entries in
            guard let entry = entries[key] else { return nil }
            guard entry.writeCount == writeCount, now - entry.madeAt < maximumAge else {
                entries[key] = nil
                return nil
            }
            return entry.body
        }
    }

    /// Keeps `body` for `key`, made from data at `writeCount` (read before the query ran).
    func store(_ body: ByteBuffer, for key: String, writeCount: UInt64) {
        let entry = Entry(writeCount: writeCount, madeAt: .now, body: body)
        entries.withLock { entries in
            // Many distinct queries: start afresh rather than keep an unbounded map.
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = entry
        }
    }
}
