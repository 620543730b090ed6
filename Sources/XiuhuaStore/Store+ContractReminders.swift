import Foundation
import SQLKit
import Xiuhua

extension Store {
    /// Writes contract reminders to the notification outbox, each under its stable id, and
    /// returns the ids written now. A reminder already in the outbox (from an earlier scan,
    /// before a restart, or by another server at the same moment) is left as it is, so each
    /// is sent once. The outbox's `case_number` holds the contract's number.
    public func enqueueContractReminders(_ reminders: [(id: String, notification: CaseNotification)], at now: Date) async throws -> [String] {
        guard !reminders.isEmpty else { return [] }
        return try await engine.write { db in
            var written: [String] = []
            for (id, notification) in reminders {
                let body = String(decoding: try CanonicalJSON.encode(notification), as: UTF8.self)
                let inserted = try await db.raw("""
                    INSERT INTO notification_outbox (id, channel, kind, recipient, case_number, body, created_at, next_attempt_at)
                    VALUES (\(bind: id), \(bind: notification.recipient.channel.rawValue), \(bind: notification.kind.rawValue),
                        \(bind: notification.recipient.address), \(bind: notification.caseNumber), \(bind: body),
                        \(bind: now.millis), \(bind: now.millis))
                    ON CONFLICT (id) DO NOTHING RETURNING id
                    """).first()
                if inserted != nil { written.append(id) }
            }
            return written
        }
    }
}
