import Foundation
import SQLKit
import Xiuhua

extension Store {
    /// The contracts whose last day lies between `first` and `last` (inclusive) and that
    /// have not been renewed: the only ones a reminder can be due for, found without
    /// reading every contract of the district.
    public func unrenewedContracts(endingFrom first: LocalDate, through last: LocalDate) async throws -> [DutyContract] {
        try await engine.read { db in
            try await db.raw("""
                SELECT contract FROM duty_contracts d
                WHERE d.valid_until >= \(bind: first.description) AND d.valid_until <= \(bind: last.description)
                AND NOT EXISTS (SELECT 1 FROM duty_contracts r WHERE r.renews = d.number)
                ORDER BY d.year, d.sequence
                """).all().map(Store.decodeContract)
        }
    }

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
