import Foundation
import SQLKit
import Xiuhua

/// A notification in the outbox, as the delivery worker sees it.
public struct OutboxEntry: Sendable, Hashable {
    /// `<case number>/<event seq>/<index>`: stable, so it doubles as the idempotency key.
    public let id: String
    public let notification: CaseNotification
    public let createdAt: Date
    /// Failed attempts so far.
    public let attempts: Int
}

extension Store {
    /// Writes the notifications `events` cause to the outbox; called inside the transaction
    /// that appends the events, so both are committed or neither.
    static func enqueueNotifications(
        for events: [CaseEvent], after snapshot: CaseSnapshot, firstSeq: Int, at now: Date, in db: any SQLDatabase
    ) async throws {
        for row in try notificationRows(for: events, after: snapshot, firstSeq: firstSeq, at: now) {
            try await db.raw("""
                INSERT INTO notification_outbox (id, channel, kind, recipient, case_number, body, created_at, next_attempt_at) VALUES
                """ + " " + row).run()
        }
    }

    /// The `notification_outbox` values of what `events` (numbered from `firstSeq`) make
    /// someone hear. The id (case/seq/index) makes a notification unique.
    static func notificationRows(
        for events: [CaseEvent], after snapshot: CaseSnapshot, firstSeq: Int, at now: Date
    ) throws -> [SQLQueryString] {
        var rows: [SQLQueryString] = []
        for (offset, event) in events.enumerated() {
            for (index, notification) in NotificationRules.notifications(for: event, after: snapshot).enumerated() {
                let id = "\(snapshot.number)/\(firstSeq + offset)/\(index + 1)"
                let body = try CanonicalJSON.string(notification)
                rows.append("""
                    (\(bind: id), \(bind: notification.recipient.channel.rawValue), \(bind: notification.kind.rawValue),
                     \(bind: notification.recipient.address), \(bind: snapshot.number), \(bind: body),
                     \(bind: now.millis), \(bind: now.millis))
                    """)
            }
        }
        return rows
    }

    /// Undelivered notifications for `channel` whose next attempt is due at `now`, oldest first.
    public func dueNotifications(on channel: NotificationChannel, at now: Date, limit: Int = 100) async throws -> [OutboxEntry] {
        try await engine.read { db in
            try await db.raw("""
                SELECT id, body, created_at, attempts FROM notification_outbox
                WHERE channel = \(bind: channel.rawValue) AND delivered_at IS NULL AND next_attempt_at <= \(bind: now.millis)
                ORDER BY next_attempt_at, created_at, id LIMIT \(literal: limit)
                """).all().map { row in
                let id = try row.decode(column: "id", as: String.self)
                let body = try row.decode(column: "body", as: String.self)
                do {
                    return OutboxEntry(
                        id: id,
                        notification: try CanonicalJSON.decode(CaseNotification.self, from: Data(body.utf8)),
                        createdAt: Date(millis: try row.decode(column: "created_at", as: Int64.self)),
                        attempts: try row.decode(column: "attempts", as: Int.self)
                    )
                } catch {
                    throw StoreError.corruptRow(table: "notification_outbox", key: id, reason: "\(error)")
                }
            }
        }
    }

    /// Records that a receiver acknowledged the notification; it is never sent again.
    public func markDelivered(_ id: String, at now: Date) async throws {
        try await engine.write { db in
            try await db.raw("""
                UPDATE notification_outbox SET delivered_at = \(bind: now.millis), last_error = NULL
                WHERE id = \(bind: id) AND delivered_at IS NULL
                """).run()
        }
    }

    /// Records a failed attempt and when to try again.
    public func recordDeliveryFailure(_ id: String, error: String, retryAt: Date) async throws {
        try await engine.write { db in
            try await db.raw("""
                UPDATE notification_outbox
                SET attempts = attempts + 1, next_attempt_at = \(bind: retryAt.millis), last_error = \(bind: String(error.prefix(500)))
                WHERE id = \(bind: id) AND delivered_at IS NULL
                """).run()
        }
    }

    /// Undelivered notifications per channel.
    public func outboxBacklog() async throws -> [NotificationChannel: Int] {
        try await engine.read { db in
            var backlog: [NotificationChannel: Int] = [:]
            for row in try await db.raw("""
                SELECT channel, COUNT(*) AS n FROM notification_outbox WHERE delivered_at IS NULL GROUP BY channel
                """).all() {
                guard let channel = NotificationChannel(rawValue: try row.decode(column: "channel", as: String.self)) else { continue }
                backlog[channel] = try row.decode(column: "n", as: Int.self)
            }
            return backlog
        }
    }

    /// Every outbox row of a case, delivered or not, in order — for operators and tests.
    public func outbox(ofCase number: String) async throws -> [(entry: OutboxEntry, deliveredAt: Date?)] {
        try await engine.read { db in
            try await db.raw("""
                SELECT id, body, created_at, attempts, delivered_at FROM notification_outbox
                WHERE case_number = \(bind: number) ORDER BY created_at, id
                """).all().map { row in
                let id = try row.decode(column: "id", as: String.self)
                let body = try row.decode(column: "body", as: String.self)
                let entry = OutboxEntry(
                    id: id,
                    notification: try CanonicalJSON.decode(CaseNotification.self, from: Data(body.utf8)),
                    createdAt: Date(millis: try row.decode(column: "created_at", as: Int64.self)),
                    attempts: try row.decode(column: "attempts", as: Int.self)
                )
                return (entry, try row.decode(column: "delivered_at", as: Int64?.self).map(Date.init(millis:)))
            }
        }
    }
}
