import Foundation
import PostgresNIO

/// A lease held by one server among all those sharing the database: a session-level
/// PostgreSQL advisory lock, kept on a pooled connection set aside for it.
///
/// The lock lives as long as the connection: when the holder is killed, its connection
/// drops and PostgreSQL releases the lock at once, so another server takes the lease at
/// its next attempt — the takeover is bounded by the callers' attempt interval, with no
/// expiry to tune. Advisory locks span the whole database, so the key includes the schema:
/// districts in schemas of one database do not share leases.
actor PostgresLease {
    private let name: String
    private var requests: AsyncStream<CheckedContinuation<Bool, Never>>.Continuation?
    private var holder: Task<Void, Never>?

    init(name: String) {
        self.name = name
    }

    /// True when this server holds the lease now (taking it if it is free).
    func hold(using client: PostgresClient) async -> Bool {
        if let requests {
            // Ask the holding connection whether it still has the lock: it may have been
            // cut off (database restarted, connection killed) since the last time.
            let stillHeld = await withCheckedContinuation { continuation in
                if case .terminated = requests.yield(continuation) { continuation.resume(returning: false) }
            }
            if stillHeld { return true }
            await release()
        }
        return await acquire(using: client)
    }

    private func acquire(using client: PostgresClient) async -> Bool {
        let (stream, requests) = AsyncStream<CheckedContinuation<Bool, Never>>.makeStream()
        let name = self.name
        let acquired: Bool = await withCheckedContinuation { outcome in
            holder = Task {
                var reported = false
                do {
                    try await client.withConnection { connection in
                        let rows = try await connection.query(
                            "SELECT pg_try_advisory_lock(\(PostgresLease.space), hashtext(current_schema() || ':' || \(name))) AS held",
                            logger: connection.logger
                        )
                        var held = false
                        for try await (value) in rows.decode(Bool.self) { held = value }
                        reported = true
                        outcome.resume(returning: held)
                        guard held else { return }
                        // Hold the connection, answering "still held?" until released.
                        var alive = true
                        for await request in stream {
                            if connection.isClosed {
                                alive = false
                            } else {
                                alive = (try? await connection.query("SELECT 1", logger: connection.logger)) != nil
                            }
                            request.resume(returning: alive)
                            if !alive { break }
                        }
                        // Back to the pool without the lock.
                        if alive {
                            _ = try? await connection.query("SELECT pg_advisory_unlock_all()", logger: connection.logger)
                        }
                    }
                } catch {
                    if !reported { outcome.resume(returning: false) }
                }
            }
        }
        if acquired {
            self.requests = requests
        } else {
            requests.finish()
            await holder?.value
            holder = nil
        }
        return acquired
    }

    /// Gives the lease up (if held) and waits until its connection is back in the pool.
    func release() async {
        requests?.finish()
        requests = nil
        await holder?.value
        holder = nil
    }

    /// The first key of the two-key advisory locks for leases ("leas").
    static let space: Int32 = 0x6C65_6173
}
