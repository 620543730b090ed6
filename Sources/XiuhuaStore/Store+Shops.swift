import Foundation
import SQLKit
import Xiuhua
import XiuhuaGeo

/// Which shops to list: optionally only some streets, or a name or code fragment.
public struct ShopQuery: Hashable, Sendable {
    public var streetCodes: [String]?
    /// Only shops in these grid cells (a grid worker's scope); nil for any grid.
    public var gridCodes: [String]?
    public var text: String?
    public var limit: Int
    public var offset: Int

    public init(streetCodes: [String]? = nil, text: String? = nil, limit: Int = 100, offset: Int = 0) {
        self.streetCodes = streetCodes
        self.text = text
        self.limit = limit
        self.offset = offset
    }
}

extension Store {
    /// Adds shops in one transaction: all of them, or none when any credit code is already
    /// registered. `progress` hears after each batch of 500.
    public func addShops(_ shops: [Shop], progress: (@Sendable (_ written: Int, _ total: Int) -> Void)? = nil) async throws {
        try await engine.write { db in
            // Registry writes take turns, so the credit-code check holds until the insert.
            try await db.takeTurns(on: "shop-registry")
            var taken: [String] = []
            for batch in shops.chunked(into: 500) {
                let codes = batch.map(\.details.creditCode.text)
                taken += try await db.raw("SELECT credit_code FROM shops WHERE credit_code IN (\(binds: codes))").all()
                    .map { try $0.decode(column: "credit_code", as: String.self) }
            }
            if !taken.isEmpty { throw ShopStoreError.creditCodeTaken(taken.sorted()) }
            var written = 0
            for batch in shops.chunked(into: 500) {
                var insert = db.insert(into: "shops").columns(Store.shopColumns)
                for shop in batch { insert = insert.values(Store.shopValues(shop)) }
                try await insert.run()
                written += batch.count
                progress?(written, shops.count)
            }
        }
    }

    public func shop(id: String) async throws -> Shop? {
        try await engine.read { db in
            try await db.raw("SELECT * FROM shops WHERE id = \(bind: id)").first().map(Store.decodeShop)
        }
    }

    /// Shops in name order, with the total matching the query (for paging).
    public func shops(_ query: ShopQuery) async throws -> (shops: [Shop], total: Int) {
        try await engine.read { db in
            var conditions: [SQLQueryString] = []
            if let streets = query.streetCodes {
                conditions.append(streets.isEmpty ? "1 = 0" : "street_code IN (\(binds: streets))")
            }
            if let grids = query.gridCodes {
                conditions.append(grids.isEmpty ? "1 = 0" : "grid_code IN (\(binds: grids))")
            }
            if let text = query.text, !text.isEmpty {
                let pattern = "%" + text.replacingOccurrences(of: "\\", with: "\\\\")
                    .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"
                conditions.append("(name LIKE \(bind: pattern) ESCAPE '\\' OR credit_code LIKE \(bind: pattern) ESCAPE '\\' OR address LIKE \(bind: pattern) ESCAPE '\\')")
            }
            var filter: SQLQueryString = ""
            if !conditions.isEmpty {
                filter = " WHERE " + conditions.dropFirst().reduce(conditions[0]) { $0 + " AND " + $1 }
            }
            let total = try await db.raw("SELECT count(*) AS n FROM shops" + filter).first()?.decode(column: "n", as: Int.self) ?? 0
            let rows = try await db.raw("SELECT * FROM shops" + filter + " ORDER BY name, id LIMIT \(bind: query.limit) OFFSET \(bind: query.offset)").all()
            return (try rows.map(Store.decodeShop), total)
        }
    }

    /// Saves a changed shop; throws `notFound` or `creditCodeTaken` (by another shop).
    public func updateShop(_ shop: Shop) async throws {
        try await engine.write { db in
            try await db.takeTurns(on: "shop-registry")
            let code = shop.details.creditCode.text
            let other = try await db.raw("SELECT id FROM shops WHERE credit_code = \(bind: code) AND id <> \(bind: shop.id)").first()
            if other != nil { throw ShopStoreError.creditCodeTaken([code]) }
            let existing = try await db.raw("SELECT id FROM shops WHERE id = \(bind: shop.id)").first()
            guard existing != nil else { throw ShopStoreError.notFound(id: shop.id) }
            let d = shop.details
            try await db.raw("""
                UPDATE shops SET credit_code = \(bind: code), name = \(bind: d.name), licence = \(bind: d.licence),
                    owner_name = \(bind: d.ownerName), phone = \(bind: d.phone), address = \(bind: d.address),
                    lat = \(bind: d.position.lat), lon = \(bind: d.position.lon), frontage = \(bind: d.frontage.map { $0.geoJSON.jsonText }),
                    grid_code = \(bind: shop.place.gridCode), community_code = \(bind: shop.place.communityCode),
                    street_code = \(bind: shop.place.streetCode), updated_at = \(bind: shop.updatedAt.millis)
                WHERE id = \(bind: shop.id)
                """).run()
        }
    }

    /// Removes a shop; returns false when there was none, throws `hasRecords` when it has
    /// been inspected or holds a contract (its history must stay).
    public func deleteShop(id: String) async throws -> Bool {
        try await engine.write { db in
            let existing = try await db.raw("SELECT id FROM shops WHERE id = \(bind: id)").first()
            guard existing != nil else { return false }
            for table in ["inspections", "duty_contracts", "rectification_notices"] {
                let referenced = try await db.raw("SELECT 1 AS x FROM \(unsafeRaw: table) WHERE shop_id = \(bind: id) LIMIT 1").first()
                if referenced != nil { throw ShopStoreError.hasRecords(id: id) }
            }
            try await db.raw("DELETE FROM shops WHERE id = \(bind: id)").run()
            return true
        }
    }

    static let shopColumns = [
        "id", "credit_code", "name", "licence", "owner_name", "phone", "address", "lat", "lon", "frontage",
        "grid_code", "community_code", "street_code", "created_at", "updated_at",
    ]

    static func shopValues(_ shop: Shop) -> [any SQLExpression] {
        let d = shop.details
        return [
            SQLBind(shop.id), SQLBind(d.creditCode.text), SQLBind(d.name), SQLBind(d.licence), SQLBind(d.ownerName),
            SQLBind(d.phone), SQLBind(d.address), SQLBind(d.position.lat), SQLBind(d.position.lon),
            SQLBind(d.frontage.map { $0.geoJSON.jsonText }), SQLBind(shop.place.gridCode), SQLBind(shop.place.communityCode),
            SQLBind(shop.place.streetCode), SQLBind(shop.createdAt.millis), SQLBind(shop.updatedAt.millis),
        ]
    }

    static func decodeShop(_ row: any SQLRow) throws -> Shop {
        let id = try row.decode(column: "id", as: String.self)
        func corrupt(_ reason: String) -> CaseStoreError { .corrupt(number: "shop \(id)", reason: reason) }
        let codeText = try row.decode(column: "credit_code", as: String.self)
        let code: SocialCreditCode
        do {
            code = try SocialCreditCode(codeText)
        } catch {
            throw corrupt(error.message)
        }
        var frontage: Frontage?
        if let text = try row.decode(column: "frontage", as: String?.self) {
            do {
                frontage = try Frontage(geoJSON: try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)))
            } catch {
                throw corrupt("frontage: \(error)")
            }
        }
        let details = ShopDetails(
            name: try row.decode(column: "name", as: String.self),
            creditCode: code,
            licence: try row.decode(column: "licence", as: String?.self),
            ownerName: try row.decode(column: "owner_name", as: String.self),
            phone: try row.decode(column: "phone", as: String.self),
            address: try row.decode(column: "address", as: String.self),
            position: Coordinate(lon: try row.decode(column: "lon", as: Double.self), lat: try row.decode(column: "lat", as: Double.self)),
            frontage: frontage
        )
        return Shop(
            id: id,
            details: details,
            place: ShopPlace(
                gridCode: try row.decode(column: "grid_code", as: String.self),
                communityCode: try row.decode(column: "community_code", as: String.self),
                streetCode: try row.decode(column: "street_code", as: String.self)
            ),
            createdAt: Date(millis: try row.decode(column: "created_at", as: Int64.self)),
            updatedAt: Date(millis: try row.decode(column: "updated_at", as: Int64.self))
        )
    }
}
