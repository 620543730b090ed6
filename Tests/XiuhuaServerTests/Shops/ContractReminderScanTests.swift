import Foundation
import Testing
import Xiuhua
import XiuhuaServer
import XiuhuaStore

/// Expiry reminders of 门前五包 contracts as real outbox rows: written when a contract
/// enters `expiring` and `expired`, once each, whatever scans, restarts or second servers.
@Suite("Contract expiry reminders")
struct ContractReminderScanTests {
    /// A contract drafted and signed over the API: 2026-12-01 … 2027-11-30.
    static func signedContract(_ api: DemoAPI) async throws -> String {
        let (_, number) = try await ContractAPITests.draft(api)
        let signed = try await api.post("/api/v1/contracts/\(number)/sign", as: "yongtai", ContractAPITests.signing)
        try #require(signed.status == .ok, "\(signed.text)")
        return number
    }

    @Test("entering expiring and then expired writes one reminder each to the street, the community and the shop's phone; scanning again or after a restart writes nothing more")
    func onceAcrossScansAndRestarts() async throws {
        try await DemoServerFixture.with { fixture in
            let number = try await fixture.serve { api in try await Self.signedContract(api) }
            let scan = { ContractReminderScan(services: fixture.services, logger: .quiet) }
            fixture.clock.set("2027-10-31T23:00:00+08:00")
            #expect(await scan().tick() == [], "31 days before its last day it is still active")
            fixture.clock.set("2027-11-01T00:30:00+08:00")
            let written = await scan().tick()
            #expect(written == (1...3).map { "contract/\(number)/expiring/\($0)" })
            #expect(await scan().tick() == [], "a second scan writes nothing")
            try await fixture.restart()
            #expect(await scan().tick() == [], "nor does one after a restart")

            let rows = try await fixture.store.outbox(ofCase: number)
            #expect(rows.count == 3)
            #expect(rows.map(\.entry.notification.kind) == [.contractExpiring, .contractExpiring, .contractExpiring])
            #expect(rows.map(\.entry.notification.recipient.address) == ["street:\(Demo.yongtai)", "community:\(Demo.hongqili)", "phone:13812341234"])
            #expect(rows.map(\.entry.notification.recipient.channel) == [.webhook, .webhook, .sms])
            #expect(rows[0].entry.notification.text.contains("将于 2027-11-30 到期"))
            #expect(rows[0].entry.notification.caseNumber == number)

            fixture.clock.set("2027-12-01T08:00:00+08:00")
            #expect(await scan().tick() == (1...3).map { "contract/\(number)/expired/\($0)" })
            try await fixture.restart()
            #expect(await scan().tick() == [])
            let all = try await fixture.store.outbox(ofCase: number)
            #expect(all.count == 6)
            #expect(all.filter { $0.entry.notification.kind == .contractExpired }.count == 3)
            #expect(all.allSatisfy { $0.deliveredAt == nil }, "they wait for the delivery worker like any notification")
        }
    }

    @Test("the delivery worker sends the reminders like any notification: the street and community by webhook, the shop by SMS, each once")
    func delivered() async throws {
        try await DemoServerFixture.with { fixture in
            let number = try await fixture.serve { api in try await Self.signedContract(api) }
            fixture.clock.set("2027-11-20T10:00:00+08:00")
            #expect(await ContractReminderScan(services: fixture.services, logger: .quiet).tick().count == 3)
            let receiver = Receiver()
            let store = fixture.store
            let clock = fixture.clock
            try await Receiver.run(receiver) { port in
                let settings = NotificationSettings(
                    webhook: .init(url: URL(string: "http://127.0.0.1:\(port)/hook")!, secret: NotificationDeliveryTests.secret),
                    sms: .init(endpoint: URL(string: "http://127.0.0.1:\(port)/sms")!)
                )
                let delivery = NotificationDelivery(store: store, settings: settings, logger: .quiet, now: { clock.now })
                #expect(await delivery.deliverDue().delivered.count == 3)
                #expect(await delivery.deliverDue().delivered.isEmpty, "an acknowledged reminder is not sent again")
            }
            let deliveries = await receiver.deliveries
            #expect(deliveries.map(\.path).sorted() == ["/hook", "/hook", "/sms"])
            #expect(Set(await receiver.acknowledged) == Set((1...3).map { "contract/\(number)/expiring/\($0)" }))
            let hooks = try deliveries.filter { $0.path == "/hook" }.map { try #require(JSONSerialization.jsonObject(with: $0.body) as? [String: Any]) }
            #expect(Set(hooks.compactMap { $0["recipient"] as? String }) == ["street:\(Demo.yongtai)", "community:\(Demo.hongqili)"])
            #expect(hooks.allSatisfy { $0["kind"] as? String == "contractExpiring" && $0["case_number"] as? String == number })
            #expect(try await fixture.store.outbox(ofCase: number).allSatisfy { $0.deliveredAt != nil })
        }
    }

    @Test("two servers on one database scanning at the same moment write each reminder once")
    func twoServers() async throws {
        try await DemoServerFixture.with { fixture in
            let number = try await fixture.serve { api in try await Self.signedContract(api) }
            let second = try await Store.openSQLite(dataDirectory: fixture.directory.path, logger: .quiet)
            let clock = fixture.clock
            let other = try await XiuhuaServices.load(store: second, catalog: .national, calendar: .chinaDefault, now: { clock.now })
            fixture.clock.set("2027-11-15T10:00:00+08:00")
            async let a = ContractReminderScan(services: fixture.services, logger: .quiet).tick()
            async let b = ContractReminderScan(services: other, logger: .quiet).tick()
            let (first, next) = await (a, b)
            await second.close()
            #expect(first.count + next.count == 3, "\(first) \(next)")
            #expect(Set(first).isDisjoint(with: next))
            #expect(try await fixture.store.outbox(ofCase: number).count == 3)
        }
    }

    @Test("a renewed contract, an unsigned one and one that ran out long ago are not reminded of")
    func nothingToRemind() async throws {
        try await DemoServerFixture.with { fixture in
            let (renewed, unsigned) = try await fixture.serve { api in
                let number = try await Self.signedContract(api)
                let renewal = try await api.post("/api/v1/contracts/\(number)/renew", as: "yongtai", [:])
                try #require(renewal.status == .created, "\(renewal.text)")
                let shop = try #require(try await api.get("/api/v1/contracts/\(number)", as: "admin")["contract"]?["shop_id"]?.stringValue)
                let drafted = try await api.post("/api/v1/shops/\(shop)/contracts", as: "yongtai", ContractAPITests.terms)
                return (number, try #require(drafted["contract"]?["number"]?.stringValue, "\(drafted.text)"))
            }
            fixture.clock.set("2027-11-15T10:00:00+08:00")
            #expect(await ContractReminderScan(services: fixture.services, logger: .quiet).tick() == [])
            #expect(try await fixture.store.outbox(ofCase: renewed).isEmpty)
            #expect(try await fixture.store.outbox(ofCase: unsigned).isEmpty)
        }
    }
}
