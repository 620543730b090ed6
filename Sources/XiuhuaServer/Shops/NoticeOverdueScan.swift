import Foundation
import Logging
import ServiceLifecycle
import Xiuhua
import XiuhuaStore

/// Marks rectification notices overdue when their deadline passes without rectification.
/// Like the case overdue scan it works from what is stored: each tick marks every open
/// notice past its deadline in one transaction, so a restart misses nothing and repeats
/// nothing (a marked notice is no longer open).
public struct NoticeOverdueScan: Service {
    let services: XiuhuaServices
    let interval: Duration
    let logger: Logger

    public init(services: XiuhuaServices, interval: Duration = .seconds(60), logger: Logger) {
        self.services = services
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        try await runPeriodicScan(every: interval, logger: logger, message: "overdue notices marked") { await tick().count }
    }

    /// One scan; returns the numbers marked.
    @discardableResult
    public func tick() async -> [String] {
        do {
            return try await services.store.markOverdueNotices(at: services.now())
        } catch {
            logger.error("notice overdue scan failed", metadata: ["error": "\(error)"])
            return []
        }
    }
}
