import Logging
import ServiceLifecycle

/// The loop of the periodic scans (overdue cases, overdue notices, contract reminders):
/// one `tick` at once — a restarted server catches up before it waits — then one every
/// `interval`, until the service group shuts down gracefully, which ends the wait at once
/// and counts as a clean stop. `tick` answers how many things it did; `message` is logged
/// with that count when it is not zero.
func runPeriodicScan(every interval: Duration, logger: Logger, message: Logger.Message, _ tick: @escaping @Sendable () async -> Int) async throws {
    do {
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                let count = await tick()
                if count > 0 { logger.info(message, metadata: ["count": "\(count)"]) }
                try await Task.sleep(for: interval)
            }
        }
    } catch is CancellationError where Task.isShuttingDownGracefully {
        // A graceful shutdown interrupted the sleep: a clean stop, not a failure.
    }
}
