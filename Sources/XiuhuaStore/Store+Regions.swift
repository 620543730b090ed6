import SQLKit
import Xiuhua
import XiuhuaGeo

extension Store {
    /// Replaces the district's whole region tree in one transaction: afterwards the store
    /// holds exactly `features`, or, if anything fails, exactly what it held before.
    ///
    /// Parents are written before children so the tree's foreign keys hold at every step;
    /// rows go in batches of 500 per statement, which is what makes 25,000 cells quick.
    public func replaceRegions(
        _ features: [RegionFeature],
        progress: (@Sendable (_ written: Int, _ total: Int) -> Void)? = nil
    ) async throws {
        let ordered = features.sorted { ($0.region.level, $0.region.code) < ($1.region.level, $1.region.code) }
        try await engine.write { db in
            try await db.raw("DELETE FROM regions").run()
            var written = 0
            for batch in ordered.chunked(into: 500) {
                var insert = db.insert(into: "regions").columns("code", "level", "name", "parent_code", "geometry")
                for feature in batch {
                    let region = feature.region
                    insert = insert.values([
                        SQLBind(region.code), SQLBind(region.level.rawValue), SQLBind(region.name),
                        SQLBind(region.parentCode), SQLBind(feature.geometry?.geoJSONText),
                    ])
                }
                try await insert.run()
                written += batch.count
                progress?(written, ordered.count)
            }
            if let district = ordered.first(where: { $0.region.level == .district }) {
                try await Store.setMeta("district_code", district.region.code, in: db)
            }
        }
    }

    /// Every region with its outline, parents first.
    public func regionFeatures() async throws -> [RegionFeature] {
        try await engine.read { db in
            let rows = try await db.raw("""
                SELECT code, level, name, parent_code, geometry FROM regions
                ORDER BY CASE level WHEN 'district' THEN 0 WHEN 'street' THEN 1 WHEN 'community' THEN 2 ELSE 3 END, code
                """).all()
            return try rows.map { row in
                let code = try row.decode(column: "code", as: String.self)
                let levelText = try row.decode(column: "level", as: String.self)
                guard let level = RegionLevel(rawValue: levelText) else {
                    throw StoreError.corruptRow(table: "regions", key: code, reason: "unknown level \(levelText)")
                }
                var geometry: Geometry?
                if let text = try row.decode(column: "geometry", as: String?.self) {
                    do {
                        geometry = try Geometry(geoJSONText: text)
                    } catch {
                        throw StoreError.corruptRow(table: "regions", key: code, reason: "\(error)")
                    }
                }
                let region = Region(
                    code: code,
                    name: try row.decode(column: "name", as: String.self),
                    level: level,
                    parentCode: try row.decode(column: "parent_code", as: String?.self)
                )
                return RegionFeature(region: region, geometry: geometry)
            }
        }
    }
}

extension Array {
    /// The array cut into consecutive slices of at most `size` elements.
    func chunked(into size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
