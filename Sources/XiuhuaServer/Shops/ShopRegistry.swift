import Foundation
import Xiuhua
import XiuhuaGeo
import XiuhuaStore

/// The shop registry's operations, shared by the API and the `xiuhua shops` command:
/// check the input, find the place, apply the caller's scope, write.
public struct ShopRegistry {
    let services: XiuhuaServices

    public init(services: XiuhuaServices) {
        self.services = services
    }

    /// The grid cell, community and street of a WGS-84 point; nil outside the district.
    func place(of point: Coordinate) -> ShopPlace? {
        guard let regions = services.regions, let grid = services.gridIndex.locate(point),
              let community = regions.ancestor(of: grid, at: .community),
              let street = regions.ancestor(of: grid, at: .street) else { return nil }
        return ShopPlace(gridCode: grid, communityCode: community.code, streetCode: street.code)
    }

    func checked(_ input: ShopInput) throws(ShopInputError) -> (details: ShopDetails, place: ShopPlace) {
        try input.checked(locate: place(of:)).get()
    }

    func create(_ input: ShopInput, by account: Account) async throws -> Shop {
        let (details, place) = try checked(input)
        try Self.requireScope(account, place)
        let now = services.now()
        let shop = Shop(id: Self.newID(), details: details, place: place, createdAt: now, updatedAt: now)
        try await services.store.addShops([shop])
        return shop
    }

    func update(id: String, _ input: ShopInput, by account: Account) async throws -> Shop {
        guard var shop = try await services.store.shop(id: id) else { throw Self.notFound(id) }
        try Self.requireScope(account, shop.place)
        let (details, place) = try checked(input)
        try Self.requireScope(account, place)
        shop.details = details
        shop.place = place
        shop.updatedAt = services.now()
        try await services.store.updateShop(shop)
        return shop
    }

    /// What an import is doing, for a progress line.
    public enum ImportStage: Sendable {
        case checked(Int, of: Int)
        case written(Int, of: Int)
    }

    /// Imports every row of a CSV file, or none: any wrong row, a credit code given twice
    /// or already registered, or a row outside `account`'s streets fails the whole import
    /// with the report of every such row. Returns the shops added.
    public func importCSV(_ text: String, by account: Account?, progress: (@Sendable (ImportStage) -> Void)? = nil) async throws -> [Shop] {
        let rows: [ShopCSV.Row]
        do {
            rows = try ShopCSV.rows(text)
        } catch {
            throw APIError.badRequest("invalid_csv", error.message)
        }
        guard !rows.isEmpty else { throw APIError.badRequest("invalid_csv", "文件只有表头，没有数据行 (the file has a header but no rows)") }
        var problems: [ShopImportReport.RowError] = []
        var shops: [Shop] = []
        var lineOfCode: [String: Int] = [:]
        let now = services.now()
        for (index, row) in rows.enumerated() {
            switch row.input.checked(locate: place(of:)) {
            case .failure(let failure):
                problems += failure.errors.map { ShopImportReport.RowError(line: row.line, $0) }
            case .success(let (details, place)):
                if let account, !Self.inScope(account, place) {
                    problems.append(.init(line: row.line, ShopFieldError(field: "lat", code: "outside_scope", message: "位置不在您负责的街道内 (the shop lies outside your streets)")))
                } else if let first = lineOfCode[details.creditCode.text] {
                    problems.append(.init(line: row.line, ShopFieldError(field: "credit_code", code: "duplicate_in_file", message: "统一社会信用代码与第 \(first) 行重复 (same credit code as line \(first)): \(details.creditCode)")))
                } else {
                    lineOfCode[details.creditCode.text] = row.line
                    shops.append(Shop(id: Self.newID(), details: details, place: place, createdAt: now, updatedAt: now))
                }
            }
            if (index + 1) % 500 == 0 || index + 1 == rows.count { progress?(.checked(index + 1, of: rows.count)) }
        }
        guard problems.isEmpty else { throw ShopImportReport(rowCount: rows.count, errors: problems) }
        do {
            try await services.store.addShops(shops) { written, total in progress?(.written(written, of: total)) }
        } catch ShopStoreError.creditCodeTaken(let codes) {
            let taken = Set(codes)
            throw ShopImportReport(rowCount: rows.count, errors: shops.filter { taken.contains($0.details.creditCode.text) }.map { shop in
                ShopImportReport.RowError(line: lineOfCode[shop.details.creditCode.text] ?? 0, ShopFieldError(
                    field: "credit_code", code: "credit_code_taken",
                    message: "该统一社会信用代码已登记 (a shop with this credit code is already registered): \(shop.details.creditCode)"
                ))
            })
        }
        return shops
    }

    /// True when `place` lies in what `account` may read and act on in the shop register
    /// (`AccessPolicy`): shops, and through them their contracts, inspections and notices.
    static func inScope(_ account: Account, _ place: ShopPlace, in register: AccessPolicy.Register = .shops) -> Bool {
        AccessPolicy.territory(of: account.actor, in: register).contains(gridCode: place.gridCode, streetCode: place.streetCode)
    }

    /// True when `account` may read the register of the whole street `code` (its board).
    static func inScope(_ account: Account, street code: String) -> Bool {
        AccessPolicy.territory(of: account.actor, in: .shops).contains(gridCode: nil, streetCode: code)
    }

    /// A shop list's query narrowed to `account`'s territory.
    static func scoped(_ query: ShopQuery, for account: Account) -> ShopQuery {
        var query = query
        switch AccessPolicy.territory(of: account.actor, in: .shops) {
        case .district: break
        case .streets(let streets): query.streetCodes = (query.streetCodes ?? streets.sorted()).filter(streets.contains)
        case .grids(let grids): query.gridCodes = grids.sorted()
        case .nothing: query.streetCodes = []
        }
        return query
    }

    static func requireScope(_ account: Account, _ place: ShopPlace, in register: AccessPolicy.Register = .shops) throws {
        guard inScope(account, place, in: register) else { throw outsideScope }
    }

    static func requireScope(_ account: Account, street code: String) throws {
        guard inScope(account, street: code) else { throw outsideScope }
    }

    private static var outsideScope: APIError {
        APIError(.forbidden, code: "outside_scope", message: "该商户不在您负责的范围内 (the shop lies outside your streets or grids)")
    }

    static func notFound(_ id: String) -> APIError {
        APIError.notFound("shop_not_found", "没有这个商户 (no such shop): \(id)")
    }

    static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        return "SH" + String(format: "%012llx", generator.next() & 0xffff_ffff_ffff)
    }
}

/// Why an import wrote nothing: every wrong row, by line of the file.
public struct ShopImportReport: Error, Encodable, Sendable {
    public struct RowError: Encodable, Sendable {
        public let line: Int
        public let field: String
        public let code: String
        public let message: String

        init(line: Int, _ error: ShopFieldError) {
            self.line = line
            field = error.field
            code = error.code
            message = error.message
        }
    }

    let error = "invalid_rows"
    public let message: String
    public let rows: [RowError]

    init(rowCount: Int, errors: [RowError]) {
        let lines = Set(errors.map(\.line)).count
        message = "\(rowCount) 行中有 \(lines) 行有错，未导入任何商户 (\(lines) of \(rowCount) rows are wrong; nothing was imported)"
        rows = errors
    }
}
