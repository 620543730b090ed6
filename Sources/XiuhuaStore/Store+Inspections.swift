import Foundation
import SQLKit
import Xiuhua
import XiuhuaGeo

extension Store {
    /// Records an inspection; throws `notFound` when its shop is not registered.
    public func addInspection(_ inspection: Inspection) async throws {
        let sheet = String(decoding: try CanonicalJSON.encode(inspection.sheet), as: UTF8.self)
        try await engine.write { db in
            let shop = try await db.raw("SELECT id FROM shops WHERE id = \(bind: inspection.shopID)").first()
            guard shop != nil else { throw ShopStoreError.notFound(id: inspection.shopID) }
            try await db.raw("""
                INSERT INTO inspections (id, shop_id, template, officer_id, officer_name, at, lat, lon, score, sheet)
                VALUES (\(bind: inspection.id), \(bind: inspection.shopID), \(bind: inspection.sheet.template),
                    \(bind: inspection.officerID), \(bind: inspection.officerName), \(bind: inspection.at.millis),
                    \(bind: inspection.position?.lat), \(bind: inspection.position?.lon), \(bind: inspection.sheet.score), \(bind: sheet))
                """).run()
        }
    }

    public func inspection(id: String) async throws -> Inspection? {
        try await engine.read { db in
            guard let row = try await db.raw("SELECT * FROM inspections WHERE id = \(bind: id)").first() else { return nil }
            return try await Store.decodeInspection(row, in: db)
        }
    }

    /// A shop's inspections, newest first.
    public func inspections(shopID: String) async throws -> [Inspection] {
        try await engine.read { db in
            var found: [Inspection] = []
            for row in try await db.raw("SELECT * FROM inspections WHERE shop_id = \(bind: shopID) ORDER BY at DESC, id").all() {
                found.append(try await Store.decodeInspection(row, in: db))
            }
            return found
        }
    }

    /// Claims inspection item `item` for a case about to be filed; throws
    /// `caseAlreadyOpened` when it was claimed before.
    public func claimInspectionCase(inspectionID: String, item: String) async throws {
        try await engine.write { db in
            try await db.takeTurns(on: "inspection-item:\(inspectionID):\(item)")
            if let row = try await db.raw("""
                SELECT case_number FROM inspection_cases WHERE inspection_id = \(bind: inspectionID) AND item = \(bind: item)
                """).first() {
                throw ShopStoreError.caseAlreadyOpened(
                    inspectionID: inspectionID, item: item, caseNumber: try row.decode(column: "case_number", as: String?.self)
                )
            }
            try await db.raw("INSERT INTO inspection_cases (inspection_id, item) VALUES (\(bind: inspectionID), \(bind: item))").run()
        }
    }

    /// Completes a claim with the case filed for it, or (nil) gives the claim up because
    /// filing failed.
    public func settleInspectionCase(inspectionID: String, item: String, caseNumber: String?) async throws {
        try await engine.write { db in
            if let caseNumber {
                try await db.raw("""
                    UPDATE inspection_cases SET case_number = \(bind: caseNumber)
                    WHERE inspection_id = \(bind: inspectionID) AND item = \(bind: item)
                    """).run()
            } else {
                try await db.raw("""
                    DELETE FROM inspection_cases WHERE inspection_id = \(bind: inspectionID) AND item = \(bind: item) AND case_number IS NULL
                    """).run()
            }
        }
    }

    static func decodeInspection(_ row: any SQLRow, in db: any SQLDatabase) async throws -> Inspection {
        let id = try row.decode(column: "id", as: String.self)
        let text = try row.decode(column: "sheet", as: String.self)
        let sheet: InspectionSheet
        do {
            sheet = try CanonicalJSON.decode(InspectionSheet.self, from: Data(text.utf8))
        } catch {
            throw CaseStoreError.corrupt(number: "inspection \(id)", reason: "sheet: \(error)")
        }
        var cases: [String: String] = [:]
        for link in try await db.raw("SELECT item, case_number FROM inspection_cases WHERE inspection_id = \(bind: id) AND case_number IS NOT NULL").all() {
            cases[try link.decode(column: "item", as: String.self)] = try link.decode(column: "case_number", as: String.self)
        }
        let lat = try row.decode(column: "lat", as: Double?.self)
        let lon = try row.decode(column: "lon", as: Double?.self)
        return Inspection(
            id: id,
            shopID: try row.decode(column: "shop_id", as: String.self),
            officerID: try row.decode(column: "officer_id", as: String.self),
            officerName: try row.decode(column: "officer_name", as: String.self),
            at: Date(millis: try row.decode(column: "at", as: Int64.self)),
            position: lat.flatMap { lat in lon.map { Coordinate(lon: $0, lat: lat) } },
            sheet: sheet,
            cases: cases
        )
    }
}
