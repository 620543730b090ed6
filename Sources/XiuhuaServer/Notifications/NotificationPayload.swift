import Foundation
import Xiuhua
import XiuhuaStore

/// The JSON bodies the channels receive. Encoded with sorted keys from the stored row, so
/// a retry sends the very same bytes (and the same signature).
enum NotificationPayload {
    /// `POST` to the webhook, signed with `X-Xiuhua-Signature: sha256=<hex HMAC of the body>`.
    struct Webhook: Encodable {
        let id: String
        let kind: String
        let caseNumber: String
        let ticketCode: String
        let recipient: String
        let text: String
        let createdAt: String
    }

    /// `POST` to the SMS gateway: the phone and the whole text; the gateway sends it.
    struct SMS: Encodable {
        let id: String
        let phone: String
        let text: String
    }

    static func webhook(_ entry: OutboxEntry) throws -> Data {
        let n = entry.notification
        let createdAt = ISO8601DateFormatter().string(from: entry.createdAt)
        return try encoder.encode(Webhook(
            id: entry.id, kind: n.kind.rawValue, caseNumber: n.caseNumber, ticketCode: n.ticketCode,
            recipient: n.recipient.address, text: n.text, createdAt: createdAt
        ))
    }

    static func sms(_ entry: OutboxEntry) throws -> Data {
        guard case .citizen(let phone) = entry.notification.recipient else {
            throw NotificationDelivery.DeliveryError.notConfigured
        }
        return try encoder.encode(SMS(id: entry.id, phone: phone, text: entry.notification.text))
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
