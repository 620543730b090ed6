import Foundation
import Testing
import XiuhuaServer
import XiuhuaStore

/// Two servers' delivery workers on one PostgreSQL database, passing at the same moment:
/// only the holder of the delivery lease sends, so no outbox row reaches the receiver twice.
/// Runs when `XIUHUA_TEST_POSTGRES_URL` is set (as scripts/test sets it).
@Suite(
    "Notification delivery from two servers on one PostgreSQL database",
    .enabled(if: ProcessInfo.processInfo.environment["XIUHUA_TEST_POSTGRES_URL"].map { !$0.isEmpty } ?? false, "XIUHUA_TEST_POSTGRES_URL is not set")
)
struct NotificationDeliveryTwoServersTests {
    @Test("two delivery workers passing at once on a shared outbox: every row is posted exactly once, by the lease holder, and the other takes over when the holder's store closes")
    func oneSenderAcrossServers() async throws {
        let database = try await ScratchDatabase.create(prefix: "two_deliverers")
        do {
            let first = try await Store.openPostgres(url: database.url, logger: ServerFixture.logger)
            let second = try await Store.openPostgres(url: database.url, logger: ServerFixture.logger)
            let clock = ManualClock()
            var filed: [String] = []
            for _ in 0..<6 { filed.append(try await NotificationDeliveryTests.fileAcceptDispatch(first, at: clock.now)) }
            let numbers = filed
            let receiver = Receiver()
            // Slow answers keep both passes in flight together.
            await receiver.set(failing: false, delay: .milliseconds(30))
            try await Receiver.run(receiver) { port in
                let a = NotificationDeliveryTests.delivery(first, port: port, clock: clock)
                let b = NotificationDeliveryTests.delivery(second, port: port, clock: clock)
                async let fromA = a.deliverDue()
                async let fromB = b.deliverDue()
                let (reportA, reportB) = await (fromA, fromB)
                #expect(reportA.delivered.isEmpty != reportB.delivered.isEmpty, "exactly one server sends: \(reportA.delivered.count) and \(reportB.delivered.count)")
                #expect(reportA.delivered.count + reportB.delivered.count == 2 * numbers.count)
                #expect(reportA.failed.isEmpty && reportB.failed.isEmpty)

                let keys = await receiver.deliveries.compactMap(\.idempotencyKey)
                #expect(keys.count == 2 * numbers.count, "\(keys.count) posts for \(2 * numbers.count) rows")
                #expect(Set(keys).count == keys.count, "a row was posted twice")
                #expect(try await second.outboxBacklog().values.reduce(0, +) == 0)

                // The holder goes away (its connections close, PostgreSQL frees the lock):
                // new rows are sent by the other server.
                let (holder, survivor, survivorStore) = reportA.delivered.isEmpty ? (second, a, first) : (first, b, second)
                await holder.close()
                let later = try await NotificationDeliveryTests.fileAcceptDispatch(survivorStore, at: clock.now)
                let report = await survivor.deliverDue()
                #expect(report.delivered.count == 2, "the survivor sent \(report.delivered) for \(later)")
                let all = await receiver.deliveries.compactMap(\.idempotencyKey)
                #expect(Set(all).count == all.count && all.count == 2 * numbers.count + 2)
                await survivorStore.close()
            }
        } catch {
            try? await database.drop()
            throw error
        }
        try await database.drop()
    }
}
