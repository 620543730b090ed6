import Foundation
import Logging
import ServiceLifecycle
import Xiuhua
import XiuhuaStore

/// Writes the reminders of 门前五包 contracts entering `expiring` or `expired` to the
/// notification outbox, where the delivery worker sends them like any notification.
///
/// Like the overdue scans it works from what is stored: each tick looks at every contract's
/// status today, and the outbox ids (`contract/<number>/<status>/<n>`) make a reminder that
/// is already there a no-op — so a restart catches up without repeating, and two servers
/// scanning at once still write each reminder once. With several servers on one PostgreSQL
/// database only the holder of the lease scans.
public struct ContractReminderScan: Service {
    /// The lease that makes the scan run on one server at a time.
    public static let leaseName = "contract-reminders"

    let services: XiuhuaServices
    let interval: Duration
    let logger: Logger

    public init(services: XiuhuaServices, interval: Duration = .seconds(60), logger: Logger) {
        self.services = services
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        try await runPeriodicScan(every: interval, logger: logger, message: "contract reminders written") { await tick().count }
    }

    /// One scan; returns the outbox ids written by it.
    @discardableResult
    public func tick() async -> [String] {
        guard await services.store.holdsLease(Self.leaseName) else { return [] }
        do {
            let now = services.now()
            let today = services.calendar.localDate(of: now)
            // Expiring: the last day within the warning days ahead; expired: within the
            // reminder window behind. Dates are text YYYY-MM-DD, so they compare in order.
            let contracts = try await services.store.unrenewedContracts(
                endingFrom: today.adding(days: -ContractReminder.expiredWindowDays),
                through: today.adding(days: DutyContract.warningDays)
            )
            var shops: [String: Shop] = [:]
            var reminders: [(id: String, notification: CaseNotification)] = []
            for contract in contracts where contract.signing != nil {
                let status = contract.status(on: today)
                guard status == .expiring || status == .expired else { continue }
                if shops[contract.shopID] == nil { shops[contract.shopID] = try await services.store.shop(id: contract.shopID) }
                guard let shop = shops[contract.shopID] else { continue }
                reminders += ContractReminder.due(for: contract, shop: shop, on: today, renewed: false)
            }
            return try await services.store.enqueueContractReminders(reminders, at: now)
        } catch {
            logger.error("contract reminder scan failed", metadata: ["error": "\(error)"])
            return []
        }
    }
}
