import AsyncHTTPClient
import Crypto
import Foundation
import Logging
import Metrics
import NIOCore
import ServiceLifecycle
import Xiuhua
import XiuhuaStore

/// Sends the outbox to the configured channels, retrying with exponential backoff.
///
/// It works from the store, not from memory: a row is marked delivered only after the
/// receiver answered 2xx, so a receiver that is down or a server restart loses nothing,
/// and an acknowledged row is never sent again. A crash between the 2xx and the mark sends
/// the row once more with the same `Idempotency-Key` (the row id), which the receiver uses
/// to drop the repeat.
public struct NotificationDelivery: Service {
    public static var signatureHeader: String { "X-Xiuhua-Signature" }
    public static var idempotencyHeader: String { "Idempotency-Key" }
    /// The lease that makes one server at a time deliver the outbox.
    public static var leaseName: String { "notification-delivery" }

    let store: Store
    let settings: NotificationSettings
    let logger: Logger
    let now: @Sendable () -> Date
    let requestTimeout: TimeAmount

    public init(
        store: Store,
        settings: NotificationSettings,
        logger: Logger,
        requestTimeout: TimeAmount = .seconds(10),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.settings = settings
        self.logger = logger
        self.requestTimeout = requestTimeout
        self.now = now
        XiuhuaMetrics.bootstrap()
    }

    public struct Report: Sendable, Equatable {
        public var delivered: [String] = []
        public var failed: [String] = []

        public init() {}
    }

    /// The channels with a destination configured; rows for the others wait in the outbox.
    public var channels: [NotificationChannel] {
        NotificationChannel.allCases.filter { channel in
            switch channel {
            case .webhook: settings.webhook != nil
            case .sms: settings.sms != nil
            }
        }
    }

    public func run() async throws {
        // A graceful shutdown lets the delivery in flight finish and be recorded, then stops.
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            await deliverDue()
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: settings.pollInterval) }
        }
    }

    /// One pass: tries every due row once.
    @discardableResult
    public func deliverDue() async -> Report {
        var report = Report()
        // Servers sharing a PostgreSQL database would read the same due rows and post each
        // of them once per server: only the holder of the lease sends (on SQLite, always
        // this server). When it dies, another takes the lease at its next pass.
        guard await store.holdsLease(Self.leaseName) else { return report }
        for channel in channels {
            let due: [OutboxEntry]
            do {
                due = try await store.dueNotifications(on: channel, at: now())
            } catch {
                logger.error("outbox read failed", metadata: ["error": "\(error)"])
                continue
            }
            for entry in due {
                if Task.isShuttingDownGracefully { return report }
                if await deliver(entry, on: channel) {
                    report.delivered.append(entry.id)
                } else {
                    report.failed.append(entry.id)
                }
            }
        }
        return report
    }

    /// Sends one row; true when the receiver acknowledged it and the store recorded that.
    func deliver(_ entry: OutboxEntry, on channel: NotificationChannel) async -> Bool {
        let metadata: Logger.Metadata = [
            "notification": "\(entry.id)", "channel": "\(channel.rawValue)", "recipient": "\(Self.loggable(entry.notification.recipient))",
        ]
        let failure: String
        do {
            let status = try await send(entry, on: channel)
            if (200..<300).contains(status) {
                try await store.markDelivered(entry.id, at: now())
                Counter(label: "xiuhua_notifications_delivered_total", dimensions: [("channel", channel.rawValue)]).increment()
                logger.info("notification delivered", metadata: metadata)
                return true
            }
            failure = "HTTP \(status)"
        } catch {
            failure = "\(error)"
        }
        Counter(label: "xiuhua_notification_failures_total", dimensions: [("channel", channel.rawValue)]).increment()
        let retryAt = now().addingTimeInterval(retryDelay(afterFailures: entry.attempts + 1))
        logger.warning("notification not delivered; will retry", metadata: metadata.merging([
            "error": "\(failure)", "attempt": "\(entry.attempts + 1)", "retry_at": "\(retryAt)",
        ]) { $1 })
        do {
            try await store.recordDeliveryFailure(entry.id, error: failure, retryAt: retryAt)
        } catch {
            logger.error("outbox update failed", metadata: metadata.merging(["error": "\(error)"]) { $1 })
        }
        return false
    }

    /// The wait after the n-th failure: the initial delay, doubled each time, capped.
    public func retryDelay(afterFailures failures: Int) -> TimeInterval {
        let initial = Self.seconds(settings.initialRetryDelay)
        let delay = initial * pow(2, Double(max(0, min(failures - 1, 30))))
        return min(delay, Self.seconds(settings.maxRetryDelay))
    }

    private func send(_ entry: OutboxEntry, on channel: NotificationChannel) async throws -> UInt {
        var request: HTTPClientRequest
        let body: Data
        switch channel {
        case .webhook:
            guard let webhook = settings.webhook else { throw DeliveryError.notConfigured }
            body = try NotificationPayload.webhook(entry)
            request = HTTPClientRequest(url: webhook.url.absoluteString)
            let signature = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(webhook.secret.utf8)))
            request.headers.add(name: Self.signatureHeader, value: "sha256=" + signature.map { String(format: "%02x", $0) }.joined())
        case .sms:
            guard let sms = settings.sms else { throw DeliveryError.notConfigured }
            body = try NotificationPayload.sms(entry)
            request = HTTPClientRequest(url: sms.endpoint.absoluteString)
            if let token = sms.token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        }
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        request.headers.add(name: Self.idempotencyHeader, value: entry.id)
        request.headers.add(name: "X-Xiuhua-Event", value: entry.notification.kind.rawValue)
        request.body = .bytes(ByteBuffer(bytes: body))
        let response = try await HTTPClient.shared.execute(request, timeout: requestTimeout)
        // Read (and drop) the body so the connection can be reused.
        _ = try? await response.body.collect(upTo: 64 * 1024)
        return response.status.code
    }

    /// A recipient as logs may show it: phone numbers masked.
    static func loggable(_ recipient: CaseNotification.Recipient) -> String {
        if case .citizen(let phone) = recipient { return "phone:\(PhoneMask.mask(phone))" }
        return recipient.address
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    enum DeliveryError: Error, CustomStringConvertible {
        case notConfigured
        var description: String { "channel not configured" }
    }
}
