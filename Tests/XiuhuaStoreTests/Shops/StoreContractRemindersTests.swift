import Foundation
import Testing
import Xiuhua
import XiuhuaStore

@Suite("Store: contract reminders in the outbox")
struct StoreContractRemindersTests {
    static func date(_ text: String) -> LocalDate { try! LocalDate(text) }

    static func contract(_ number: String, until: String, renews: String? = nil) -> DutyContract {
        DutyContract(
            number: number, shopID: "SH1", issuer: .init(street: "永泰街道", community: "红旗里社区", squad: "永泰街道城管执法中队"),
            area: "门前至路缘石", lengthMetres: 12, depthMetres: 5, duties: DutyContract.standardDuties,
            validFrom: date("2026-01-01"), validUntil: date(until), renews: renews, createdAt: StoreShopsTests.now
        )
    }

    @Test("contracts ending in a window and not renewed are found; a reminder is written once, whoever writes it again", arguments: Backend.all)
    func windowAndOnce(backend: Backend) async throws {
        try await withTemporaryStore(backend: backend) { store, _ in
            try await store.addShops([try StoreShopsTests.shop("SH1", "永泰便利店", code: "91140213MA0K3XH01G")])
            for (number, until, renews) in [("A", "2026-11-10", nil), ("B", "2026-12-20", nil), ("C", "2027-03-01", nil), ("D", "2026-12-01", nil), ("E", "2027-12-01", "D")] {
                _ = try await store.addContract(shopID: "SH1", year: 2026) { _ in Self.contract(number, until: until, renews: renews) }
            }
            let found = try await store.unrenewedContracts(endingFrom: Self.date("2026-11-01"), through: Self.date("2026-12-31"))
            #expect(found.map(\.number) == ["A", "B"], "C ends later; D was renewed by E")

            let notification = CaseNotification(
                kind: .contractExpiring, recipient: .community(code: "140213003001"), caseNumber: "B", ticketCode: "", text: "将到期"
            )
            let reminders = [(id: "contract/B/expiring/1", notification: notification)]
            #expect(try await store.enqueueContractReminders(reminders, at: StoreShopsTests.now) == ["contract/B/expiring/1"])
            #expect(try await store.enqueueContractReminders(reminders, at: StoreShopsTests.now.addingTimeInterval(60)) == [])
            let rows = try await store.outbox(ofCase: "B")
            #expect(rows.count == 1)
            #expect(rows.first?.entry.notification == notification)
            #expect(rows.first?.entry.createdAt == StoreShopsTests.now, "the first write stands")
            #expect(try await store.dueNotifications(on: .webhook, at: StoreShopsTests.now).map(\.id) == ["contract/B/expiring/1"])
        }
    }
}
