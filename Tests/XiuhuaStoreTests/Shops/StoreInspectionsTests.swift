import Foundation
import Testing
import Xiuhua
import XiuhuaGeo
import XiuhuaStore

@Suite("Store: inspections")
struct StoreInspectionsTests {
    static func inspection(_ id: String, shop: String, at seconds: Double) throws -> Inspection {
        let answers = ChecklistTemplate.shopFrontage.items.map {
            InspectionSheet.Answer(item: $0.code, passed: $0.code != "zhixu.outside", findings: 2, note: "门口摆放货架", photos: ["abc"])
        }
        return Inspection(
            id: id, shopID: shop, officerID: "acc-1", officerName: "赵磊", at: Date(timeIntervalSince1970: seconds),
            position: Coordinate(lon: 113.3, lat: 40.08), sheet: try InspectionSheet(.shopFrontage, answers: answers)
        )
    }

    @Test("inspections read back whole, newest first; a claimed item cannot be claimed again; a given-up claim can", arguments: Backend.all)
    func roundTrip(backend: Backend) async throws {
        try await TemporaryDirectory.with(backend: backend) { directory in
            let store = try await directory.open()
            try await store.addShops([try StoreShopsTests.shop("SH1", "永泰便利店", code: "91140213MA0K3XH01G")])
            let first = try Self.inspection("IN1", shop: "SH1", at: 1_796_000_000)
            let second = try Self.inspection("IN2", shop: "SH1", at: 1_796_100_000)
            try await store.addInspection(first)
            try await store.addInspection(second)
            await #expect(throws: ShopStoreError.notFound(id: "SH9")) { try await store.addInspection(try Self.inspection("IN3", shop: "SH9", at: 0)) }

            try await store.claimInspectionCase(inspectionID: "IN1", item: "zhixu.outside")
            await #expect(throws: ShopStoreError.caseAlreadyOpened(inspectionID: "IN1", item: "zhixu.outside", caseNumber: nil)) {
                try await store.claimInspectionCase(inspectionID: "IN1", item: "zhixu.outside")
            }
            try await store.settleInspectionCase(inspectionID: "IN1", item: "zhixu.outside", caseNumber: "PC001")
            try await store.claimInspectionCase(inspectionID: "IN2", item: "zhixu.outside")
            try await store.settleInspectionCase(inspectionID: "IN2", item: "zhixu.outside", caseNumber: nil)
            try await store.claimInspectionCase(inspectionID: "IN2", item: "zhixu.outside")
            await store.close()

            let reopened = try await directory.open()
            var expected = first
            expected.cases = ["zhixu.outside": "PC001"]
            #expect(try await reopened.inspection(id: "IN1") == expected)
            #expect(try await reopened.inspections(shopID: "SH1").map(\.id) == ["IN2", "IN1"])
            #expect(try await reopened.inspection(id: "IN2")?.cases == [:])
            await #expect(throws: ShopStoreError.hasRecords(id: "SH1")) { try await reopened.deleteShop(id: "SH1") }
            #expect(try await reopened.shop(id: "SH1") != nil)
            await reopened.close()
        }
    }
}
