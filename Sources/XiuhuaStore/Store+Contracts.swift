import Foundation
import SQLKit
import Xiuhua

extension Store {
    /// Draws the next number of `year` (MQWB-2026-0001) and stores the contract `make`
    /// builds with it; throws `notFound` when the shop is not registered, and
    /// `alreadyRenewed` when the contract it renews has a successor (checked in the same
    /// transaction, so two renewals at once give one).
    public func addContract(shopID: String, year: Int, _ make: @Sendable (String) -> DutyContract) async throws -> DutyContract {
        try await engine.write { db in
            let shop = try await db.raw("SELECT id FROM shops WHERE id = \(bind: shopID)").first()
            guard shop != nil else { throw ShopStoreError.notFound(id: shopID) }
            // Numbers of a year are drawn one at a time (and with them the renewal check).
            try await db.takeTurns(on: "duty-contract-year:\(year)")
            let last = try await db.raw("SELECT max(sequence) AS n FROM duty_contracts WHERE year = \(bind: year)").first()?
                .decode(column: "n", as: Int?.self) ?? 0
            let sequence = last + 1
            let contract = make(String(format: "MQWB-%04d-%04d", year, sequence))
            if let renewed = contract.renews,
               let successor = try await db.raw("SELECT number FROM duty_contracts WHERE renews = \(bind: renewed)").first() {
                throw ShopStoreError.alreadyRenewed(successor: try successor.decode(column: "number", as: String.self))
            }
            try await db.raw("""
                INSERT INTO duty_contracts (number, shop_id, year, sequence, valid_until, renews, contract)
                VALUES (\(bind: contract.number), \(bind: shopID), \(bind: year), \(bind: sequence),
                    \(bind: contract.validUntil.description), \(bind: contract.renews), \(bind: try Store.contractJSON(contract)))
                """).run()
            return contract
        }
    }

    public func contract(number: String) async throws -> DutyContract? {
        try await engine.read { db in
            try await db.raw("SELECT contract FROM duty_contracts WHERE number = \(bind: number)").first().map(Store.decodeContract)
        }
    }

    /// Every contract, or one shop's, newest number first.
    public func contracts(shopID: String? = nil) async throws -> [DutyContract] {
        try await engine.read { db in
            let filter: SQLQueryString = shopID.map { "WHERE shop_id = \(bind: $0)" } ?? ""
            return try await db.raw("SELECT contract FROM duty_contracts " + filter + " ORDER BY year DESC, sequence DESC").all().map(Store.decodeContract)
        }
    }

    /// Changes a contract in one transaction: `change` sees it as stored, so two signings
    /// at once cannot both pass the "not yet signed" check. Returns nil when there is none.
    public func changeContract(number: String, _ change: @Sendable (inout DutyContract) throws -> Void) async throws -> DutyContract? {
        try await engine.write { db in
            guard var contract = try await db.raw("SELECT contract FROM duty_contracts WHERE number = \(bind: number)" + db.forUpdate).first().map(Store.decodeContract) else {
                return nil
            }
            try change(&contract)
            try await db.raw("UPDATE duty_contracts SET contract = \(bind: try Store.contractJSON(contract)) WHERE number = \(bind: number)").run()
            return contract
        }
    }

    static func contractJSON(_ contract: DutyContract) throws -> String {
        String(decoding: try CanonicalJSON.encode(contract), as: UTF8.self)
    }

    static func decodeContract(_ row: any SQLRow) throws -> DutyContract {
        let text = try row.decode(column: "contract", as: String.self)
        do {
            return try CanonicalJSON.decode(DutyContract.self, from: Data(text.utf8))
        } catch {
            throw CaseStoreError.corrupt(number: "contract", reason: "\(error)")
        }
    }
}
