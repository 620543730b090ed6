import Foundation
import Testing
import Xiuhua
import XiuhuaGeo
import XiuhuaStore

@Suite("Store: shop registry")
struct StoreShopsTests {
    static let yongtai = ShopPlace(gridCode: "140213003001001", communityCode: "140213003001", streetCode: "140213003")
    static let wenyinghu = ShopPlace(gridCode: "140213001001001", communityCode: "140213001001", streetCode: "140213001")
    static let now = Date(timeIntervalSince1970: 1_796_000_000)

    static func shop(_ id: String, _ name: String, code: String, place: ShopPlace = yongtai) throws -> Shop {
        let details = ShopDetails(
            name: name, creditCode: try SocialCreditCode(code), licence: nil, ownerName: "张三", phone: "13812341234",
            address: "永泰南路 12 号", position: Coordinate(lon: 113.3, lat: 40.08),
            frontage: .area([
                Coordinate(lon: 113.3, lat: 40.08), Coordinate(lon: 113.301, lat: 40.08),
                Coordinate(lon: 113.301, lat: 40.081), Coordinate(lon: 113.3, lat: 40.08),
            ])
        )
        return Shop(id: id, details: details, place: place, createdAt: now, updatedAt: now)
    }

    @Test("shops read back exactly as written, after the store is reopened", arguments: Backend.all)
    func roundTrip(backend: Backend) async throws {
        try await TemporaryDirectory.with(backend: backend) { directory in
            let a = try Self.shop("SH1", "永泰便利店", code: "91140213MA0K3XH01G")
            let store = try await directory.open()
            try await store.addShops([a])
            await store.close()
            let reopened = try await directory.open()
            #expect(try await reopened.shop(id: "SH1") == a)
            #expect(try await reopened.shop(id: "nope") == nil)
            await reopened.close()
        }
    }

    @Test("an import with one credit code already registered writes none of its shops", arguments: Backend.all)
    func allOrNothing(backend: Backend) async throws {
        try await withTemporaryStore(backend: backend) { store, _ in
            try await store.addShops([try Self.shop("SH1", "永泰便利店", code: "91140213MA0K3XH01G")])
            let batch = [
                try Self.shop("SH2", "老王烧烤", code: "92140213MA0K3XH02G"),
                try Self.shop("SH3", "又一家便利店", code: "91140213MA0K3XH01G"),
            ]
            await #expect(throws: ShopStoreError.creditCodeTaken(["91140213MA0K3XH01G"])) { try await store.addShops(batch) }
            #expect(try await store.shops(ShopQuery()).total == 1)
            #expect(try await store.shop(id: "SH2") == nil)
        }
    }

    @Test("listing filters by street and text, in name order, with the total for paging", arguments: Backend.all)
    func listing(backend: Backend) async throws {
        try await withTemporaryStore(backend: backend) { store, _ in
            try await store.addShops([
                try Self.shop("SH1", "b 永泰便利店", code: "91140213MA0K3XH01G"),
                try Self.shop("SH2", "a 老王烧烤", code: "92140213MA0K3XH02G"),
                try Self.shop("SH3", "c 文瀛湖茶馆", code: "91140213MA0K3XH03N", place: Self.wenyinghu),
            ])
            #expect(try await store.shops(ShopQuery()).shops.map(\.id) == ["SH2", "SH1", "SH3"])
            #expect(try await store.shops(ShopQuery(streetCodes: ["140213003"])).shops.map(\.id) == ["SH2", "SH1"])
            #expect(try await store.shops(ShopQuery(streetCodes: [])).total == 0)
            #expect(try await store.shops(ShopQuery(text: "烧烤")).shops.map(\.id) == ["SH2"])
            #expect(try await store.shops(ShopQuery(text: "K3XH03")).shops.map(\.id) == ["SH3"])
            #expect(try await store.shops(ShopQuery(text: "%")).total == 0)
            let page = try await store.shops(ShopQuery(limit: 1, offset: 1))
            #expect(page.shops.map(\.id) == ["SH1"])
            #expect(page.total == 3)
        }
    }

    @Test("update keeps credit codes unique and refuses an unknown shop; delete removes", arguments: Backend.all)
    func updateAndDelete(backend: Backend) async throws {
        try await withTemporaryStore(backend: backend) { store, _ in
            let a = try Self.shop("SH1", "永泰便利店", code: "91140213MA0K3XH01G")
            let b = try Self.shop("SH2", "老王烧烤", code: "92140213MA0K3XH02G")
            try await store.addShops([a, b])
            var changed = b
            changed.details.name = "老王烧烤（新店）"
            changed.details.frontage = nil
            changed.place = Self.wenyinghu
            try await store.updateShop(changed)
            #expect(try await store.shop(id: "SH2") == changed)

            var clash = changed
            clash.details.creditCode = a.details.creditCode
            await #expect(throws: ShopStoreError.creditCodeTaken(["91140213MA0K3XH01G"])) { try await store.updateShop(clash) }
            #expect(try await store.shop(id: "SH2") == changed)
            let ghost = try Self.shop("SH9", "无此店", code: "91140213MA0K3XH04R")
            await #expect(throws: ShopStoreError.notFound(id: "SH9")) { try await store.updateShop(ghost) }

            #expect(try await store.deleteShop(id: "SH1"))
            #expect(try await store.deleteShop(id: "SH1") == false)
            #expect(try await store.shops(ShopQuery()).shops.map(\.id) == ["SH2"])
        }
    }
}
