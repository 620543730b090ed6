import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing
import Xiuhua
import XiuhuaServer
import XiuhuaStore

/// A real HTTP receiver for webhook and SMS posts: answers 503 while `failing`, and can
/// hold its answer back to make the sender time out after the work was done.
actor Receiver {
    struct Delivery: Sendable {
        let path: String
        let idempotencyKey: String?
        let signature: String?
        let body: Data
        let status: Int
    }

    var failing = false
    var delay: Duration?
    private(set) var deliveries: [Delivery] = []

    func set(failing: Bool, delay: Duration? = nil) {
        self.failing = failing
        self.delay = delay
    }

    func receive(_ request: Request) async throws -> Response {
        let body = Data(try await request.body.collect(upTo: 1 << 20).readableBytesView)
        let status: HTTPResponse.Status = failing ? .serviceUnavailable : .ok
        deliveries.append(Delivery(
            path: request.uri.path,
            idempotencyKey: request.headers[HTTPField.Name("Idempotency-Key")!],
            signature: request.headers[HTTPField.Name("X-Xiuhua-Signature")!],
            body: body, status: Int(status.code)
        ))
        if let delay { try await Task.sleep(for: delay) }
        return Response(status: status)
    }

    /// Keys the receiver acknowledged with a 2xx, once per key however often it came.
    var acknowledged: [String] { deliveries.filter { $0.status == 200 }.compactMap(\.idempotencyKey) }

    /// Runs a live receiver on a free port of 127.0.0.1 and calls `body` with its port.
    static func run<T: Sendable>(_ receiver: Receiver, _ body: @Sendable (Int) async throws -> T) async throws -> T {
        let router = Router()
        router.post("/hook") { request, _ in try await receiver.receive(request) }
        router.post("/sms") { request, _ in try await receiver.receive(request) }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: ServerFixture.logger)
        return try await app.test(.live) { client in try await body(try #require(client.port)) }
    }
}

/// A clock the test moves by hand.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date()

    var now: Date {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    func advance(_ seconds: TimeInterval) {
        lock.lock()
        current = current.addingTimeInterval(seconds)
        lock.unlock()
    }
}

@Suite("Notification outbox and delivery")
struct NotificationDeliveryTests {
    static let dutyChief = Actor(id: "dc", name: "值班长", role: .dutyChief)
    static let dispatcher = Actor(id: "dp", name: "派遣员", role: .dispatcher)
    static let operatorActor = Actor(id: "op", name: "受理员", role: .operator)
    static let secret = "webhook-secret-for-tests"

    /// Files a hotline case with the caller's phone, accepts and dispatches it: one text
    /// message for the citizen and one webhook post for the department wait in the outbox.
    static func fileAcceptDispatch(_ store: Store, at now: Date) async throws -> String {
        let intake = CaseIntake(
            number: "", ticketCode: "", source: .hotline, categoryCode: "06010", urgency: .normal, disposalLimit: .hours(4),
            suggestedOwner: .department("huanwei"), subCommandCode: nil,
            location: CaseLocation(latitude: nil, longitude: nil, address: "红旗街1号", gridCode: nil, communityCode: nil, streetCode: nil),
            description: "垃圾堆积", photos: [], reporterName: "张三", reporterPhone: "13812345678",
            directAcceptance: true, selfHandled: false
        )
        let numbering = CaseNumbering(prefix: "T", timeZone: WorkCalendar.chinaDefault.timeZone)
        let filed = try await store.createCase(intake, by: operatorActor, at: now, numbering: numbering, clock: WorkCalendar.chinaDefault)
        _ = try await store.act(on: filed.number, .accept(), by: dutyChief, at: now, clock: WorkCalendar.chinaDefault)
        _ = try await store.act(on: filed.number, .dispatch(to: .department("huanwei")), by: dispatcher, at: now, clock: WorkCalendar.chinaDefault)
        return filed.number
    }

    static func delivery(_ store: Store, port: Int, clock: ManualClock, timeout: TimeAmount = .seconds(5)) -> NotificationDelivery {
        var settings = NotificationSettings(
            webhook: .init(url: URL(string: "http://127.0.0.1:\(port)/hook")!, secret: secret),
            sms: .init(endpoint: URL(string: "http://127.0.0.1:\(port)/sms")!)
        )
        settings.initialRetryDelay = .seconds(5)
        settings.maxRetryDelay = .seconds(60)
        return NotificationDelivery(store: store, settings: settings, logger: ServerFixture.logger, requestTimeout: timeout, now: { clock.now })
    }

    @Test("the outbox rows are written with the events: one SMS for the citizen, one webhook post for the owner")
    func outboxWithEvents() async throws {
        try await withTemporaryDataDirectory { directory in
            let store = try await Store.openSQLite(dataDirectory: directory, logger: ServerFixture.logger)
            let number = try await Self.fileAcceptDispatch(store, at: Date())
            let rows = try await store.outbox(ofCase: number)
            #expect(rows.map(\.entry.notification.kind) == [.citizenAccepted, .assigned])
            #expect(rows.map(\.entry.id) == ["\(number)/2/1", "\(number)/3/1"])
            #expect(rows.allSatisfy { $0.deliveredAt == nil })
            #expect(try await store.outboxBacklog() == [.sms: 1, .webhook: 1])
            await store.close()
        }
    }

    @Test("a receiver that is down, then a restart, then recovery: everything arrives once, signed")
    func failRestartRecover() async throws {
        let receiver = Receiver()
        await receiver.set(failing: true)
        try await Receiver.run(receiver) { port in
            try await withTemporaryDataDirectory { directory in
                let clock = ManualClock()
                var store = try await Store.openSQLite(dataDirectory: directory, logger: ServerFixture.logger)
                let number = try await Self.fileAcceptDispatch(store, at: clock.now)

                let first = await Self.delivery(store, port: port, clock: clock).deliverDue()
                #expect(first.delivered.isEmpty)
                #expect(first.failed.count == 2)
                // Backing off: nothing is due again straight away.
                #expect(await Self.delivery(store, port: port, clock: clock).deliverDue() == .init())

                // The server restarts while the receiver is still down.
                await store.close()
                store = try await Store.openSQLite(dataDirectory: directory, logger: ServerFixture.logger)
                clock.advance(5)
                #expect(await Self.delivery(store, port: port, clock: clock).deliverDue().failed.count == 2)

                await receiver.set(failing: false)
                clock.advance(9)
                #expect(await Self.delivery(store, port: port, clock: clock).deliverDue().delivered.isEmpty, "second backoff is 10 s")
                clock.advance(1)
                let recovered = await Self.delivery(store, port: port, clock: clock).deliverDue()
                #expect(Set(recovered.delivered) == ["\(number)/2/1", "\(number)/3/1"])

                clock.advance(3600)
                #expect(await Self.delivery(store, port: port, clock: clock).deliverDue() == .init())
                #expect(try await store.outbox(ofCase: number).allSatisfy { $0.deliveredAt != nil })
                #expect(try await store.outboxBacklog().isEmpty)
                await store.close()

                let acknowledged = await receiver.acknowledged
                #expect(acknowledged.sorted() == ["\(number)/2/1", "\(number)/3/1"], "each acknowledged exactly once")
                let deliveries = await receiver.deliveries
                #expect(deliveries.count == 6)
                for delivery in deliveries where delivery.path == "/hook" {
                    let mac = HMAC<SHA256>.authenticationCode(for: delivery.body, using: SymmetricKey(data: Data(Self.secret.utf8)))
                    #expect(delivery.signature == "sha256=" + mac.map { String(format: "%02x", $0) }.joined())
                    let json = try #require(try JSONSerialization.jsonObject(with: delivery.body) as? [String: Any])
                    #expect(json["id"] as? String == delivery.idempotencyKey)
                    #expect(json["kind"] as? String == "assigned")
                    #expect(json["recipient"] as? String == "dept:huanwei")
                    #expect(json["case_number"] as? String == number)
                }
                let sms = try #require(deliveries.last { $0.path == "/sms" })
                let json = try #require(try JSONSerialization.jsonObject(with: sms.body) as? [String: Any])
                #expect(json["phone"] as? String == "13812345678")
                #expect((json["text"] as? String)?.contains("已立案") == true)
                // Every attempt of a row sends the same bytes.
                #expect(Set(deliveries.filter { $0.path == "/sms" }.map(\.body)).count == 1)
            }
        }
    }

    @Test("a receiver that did the work but answered too late gets the retry with the same idempotency key")
    func lateAcknowledgement() async throws {
        let receiver = Receiver()
        await receiver.set(failing: false, delay: .milliseconds(800))
        try await Receiver.run(receiver) { port in
            try await withTemporaryDataDirectory { directory in
                let clock = ManualClock()
                let store = try await Store.openSQLite(dataDirectory: directory, logger: ServerFixture.logger)
                _ = try await Self.fileAcceptDispatch(store, at: clock.now)
                let timedOut = await Self.delivery(store, port: port, clock: clock, timeout: .milliseconds(200)).deliverDue()
                #expect(timedOut.failed.count == 2)
                await receiver.set(failing: false)
                clock.advance(5)
                #expect(await Self.delivery(store, port: port, clock: clock).deliverDue().delivered.count == 2)
                await store.close()
                let keys = await receiver.deliveries.compactMap(\.idempotencyKey)
                #expect(keys.count == 4)
                #expect(Set(keys).count == 2, "the repeat carries the key the receiver already saw")
            }
        }
    }
}
