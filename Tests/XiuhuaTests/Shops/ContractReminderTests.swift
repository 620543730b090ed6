import Foundation
import Testing
import Xiuhua

@Suite("门前五包 contract reminders")
struct ContractReminderTests {
    static func date(_ text: String) -> LocalDate { DutyContractTests.date(text) }

    static func signed() throws -> DutyContract {
        var contract = DutyContractTests.contract()
        try contract.sign(on: date("2025-12-20"), issuerSignatory: "陈静", shopSignatory: "张三", draftedOn: date("2025-12-15"))
        return contract
    }

    static func shop(phone: String = "13812341234") throws -> Shop {
        var shop = try ShopBoardTests.shop("SH1", "永泰便利店")
        shop.details.phone = phone
        return shop
    }

    @Test("nothing while active; on entering its last 30 days the street, the community and the shop's phone are told, with stable ids")
    func expiring() throws {
        let contract = try Self.signed()
        #expect(ContractReminder.due(for: contract, shop: try Self.shop(), on: Self.date("2026-12-01"), renewed: false).isEmpty)
        let due = ContractReminder.due(for: contract, shop: try Self.shop(), on: Self.date("2026-12-02"), renewed: false)
        #expect(due.map(\.id) == ["contract/MQWB-2026-0001/expiring/1", "contract/MQWB-2026-0001/expiring/2", "contract/MQWB-2026-0001/expiring/3"])
        #expect(due.map(\.notification.recipient.address) == ["street:s", "community:c", "phone:13812341234"])
        #expect(due.allSatisfy { $0.notification.kind == .contractExpiring && $0.notification.caseNumber == "MQWB-2026-0001" })
        #expect(due[0].notification.text == "门前五包责任书 MQWB-2026-0001（永泰便利店）将于 2026-12-31 到期，请及时续签。")
    }

    @Test("expired: told within 30 days of the last day, not after; a shop without a phone is not texted")
    func expired() throws {
        let contract = try Self.signed()
        let due = ContractReminder.due(for: contract, shop: try Self.shop(phone: " "), on: Self.date("2027-01-01"), renewed: false)
        #expect(due.map(\.id) == ["contract/MQWB-2026-0001/expired/1", "contract/MQWB-2026-0001/expired/2"])
        #expect(due.allSatisfy { $0.notification.kind == .contractExpired })
        #expect(ContractReminder.due(for: contract, shop: try Self.shop(), on: Self.date("2027-01-30"), renewed: false).count == 3)
        #expect(ContractReminder.due(for: contract, shop: try Self.shop(), on: Self.date("2027-01-31"), renewed: false).isEmpty)
    }

    @Test("an unsigned, a renewed or another shop's contract calls for no reminder")
    func none() throws {
        let day = Self.date("2026-12-15")
        #expect(ContractReminder.due(for: DutyContractTests.contract(), shop: try Self.shop(), on: day, renewed: false).isEmpty)
        #expect(ContractReminder.due(for: try Self.signed(), shop: try Self.shop(), on: day, renewed: true).isEmpty)
        #expect(ContractReminder.due(for: try Self.signed(), shop: try ShopBoardTests.shop("SH2", "别家"), on: day, renewed: false).isEmpty)
    }
}
