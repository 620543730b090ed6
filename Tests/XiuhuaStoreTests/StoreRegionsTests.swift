import Foundation
import SQLKit
import Testing
import Xiuhua
import XiuhuaGeo
import XiuhuaStore

/// A small district whose grid cells are a jittered 4 × 3 grid, so the outlines carry
/// full-precision coordinates; listed children first to show the store orders them.
private func smallDistrict(code: String = "110101", name: String = "东城区") -> [RegionFeature] {
    let grid = SyntheticGrid(origin: Coordinate(lon: 116.41, lat: 39.93), columns: 4, rows: 3, cellSizeMetres: 100, jitter: 0.25, seed: 7)
    var features: [RegionFeature] = []
    for (i, cell) in grid.cells.enumerated() {
        let community = code + (i < 6 ? "001001" : "001002")
        features.append(RegionFeature(
            region: Region(code: community + String(format: "%03d", i + 1), name: "网格\(i + 1)", level: .grid, parentCode: community),
            geometry: cell
        ))
    }
    let square = Geometry.polygon(Polygon(exterior: Ring([
        Coordinate(lon: 116.40, lat: 39.92), Coordinate(lon: 116.42, lat: 39.92),
        Coordinate(lon: 116.42, lat: 39.94), Coordinate(lon: 116.40, lat: 39.94),
    ])))
    features += [
        RegionFeature(region: Region(code: code + "001002", name: "第二社区", level: .community, parentCode: code + "001"), geometry: nil),
        RegionFeature(region: Region(code: code + "001001", name: "第一社区", level: .community, parentCode: code + "001"), geometry: square),
        RegionFeature(region: Region(code: code + "001", name: "第一街道", level: .street, parentCode: code), geometry: square),
        RegionFeature(region: Region(code: code, name: name, level: .district, parentCode: nil), geometry: nil),
    ]
    return features
}

private func rowCount(_ store: Store) async throws -> Int {
    try await store.engine.read { db in
        try await db.raw("SELECT COUNT(*) AS n FROM regions").first()?.decode(column: "n", as: Int.self) ?? -1
    }
}

/// Regions in a canonical order (level, then code), for comparing what went in with what came out.
private func canonical(_ features: [RegionFeature]) -> [Region] {
    features.map(\.region).sorted { ($0.level, $0.code) < ($1.level, $1.code) }
}

@Suite("Store regions")
struct StoreRegionsTests {
    @Test("replaceRegions then regionFeatures gives back every region and outline, parents first", arguments: Backend.all)
    func roundTrip(backend: Backend) async throws {
        try await withTemporaryStore(backend: backend) { store, _ in
            let original = smallDistrict()
            try await store.replaceRegions(original)
            let loaded = try await store.regionFeatures()

            #expect(loaded.map(\.region) == canonical(original))
            let geometryByCode = Dictionary(uniqueKeysWithValues: original.map { ($0.region.code, $0.geometry) })
            for feature in loaded {
                #expect(feature.geometry == geometryByCode[feature.region.code] ?? nil, "outline of \(feature.region.code)")
            }
            // Parents first: every region's parent appears before it.
            var seen = Set<String>()
            for feature in loaded {
                if let parent = feature.region.parentCode { #expect(seen.contains(parent), "\(feature.region.code)") }
                seen.insert(feature.region.code)
            }
            #expect(try RegionTree(loaded.map(\.region)).count == original.count)
            #expect(try await store.meta("district_code") == "110101")
        }
    }

    @Test("an empty store has no regions", arguments: Backend.all)
    func emptyStore(backend: Backend) async throws {
        try await withTemporaryStore(backend: backend) { store, _ in
            let features = try await store.regionFeatures()
            let districtCode = try await store.meta("district_code")
            #expect(features.isEmpty)
            #expect(districtCode == nil)
        }
    }

    @Test("replacing removes regions that are not in the new tree", arguments: Backend.all)
    func replaceIsWhole(backend: Backend) async throws {
        try await withTemporaryStore(backend: backend) { store, _ in
            try await store.replaceRegions(smallDistrict())
            let other = smallDistrict(code: "110102", name: "西城区")
            try await store.replaceRegions(other)
            let loaded = try await store.regionFeatures()
            #expect(loaded.map(\.region) == canonical(other))
            #expect(loaded.allSatisfy { $0.region.code.hasPrefix("110102") })
            #expect(try await store.meta("district_code") == "110102")
        }
    }

    @Test("a failing replace (two features with one code) leaves the previous regions exactly in place", arguments: Backend.all)
    func failingReplaceDuplicate(backend: Backend) async throws {
        try await withTemporaryStore(backend: backend) { store, _ in
            let original = smallDistrict()
            try await store.replaceRegions(original)
            let before = try await store.regionFeatures()

            var broken = smallDistrict(code: "110102", name: "西城区")
            broken.append(broken[0]) // the same grid code twice: the primary key refuses it
            await #expect(throws: (any Error).self) { try await store.replaceRegions(broken) }

            let after = try await store.regionFeatures()
            #expect(after.map(\.region) == before.map(\.region))
            #expect(after.map(\.geometry) == before.map(\.geometry))
            #expect(try await store.meta("district_code") == "110101")
        }
    }

    @Test("a failing replace in a later batch (a parent that does not exist) also changes nothing", arguments: Backend.all)
    func failingReplaceLateBatch(backend: Backend) async throws {
        try await withTemporaryStore(backend: backend) { store, _ in
            try await store.replaceRegions(smallDistrict())
            let before = try await store.regionFeatures()

            // 987 more valid cells fill the first two batches; the orphan sorts last, into the
            // third batch, and fails the foreign key.
            var broken = smallDistrict(code: "110102", name: "西城区")
            let cell = try #require(broken.first { $0.region.level == .grid }?.geometry)
            for i in 13...999 {
                broken.append(RegionFeature(
                    region: Region(code: "110102001002" + String(format: "%03d", i), name: "网格\(i)", level: .grid, parentCode: "110102001002"),
                    geometry: cell
                ))
            }
            broken.append(RegionFeature(
                region: Region(code: "110102999999999", name: "孤儿网格", level: .grid, parentCode: "110102999999"), geometry: cell))
            let progress = Progress()
            await #expect(throws: (any Error).self) {
                try await store.replaceRegions(broken) { written, _ in progress.add(written) }
            }
            #expect(progress.values == [500, 1_000], "two batches were written before the failure")

            #expect(try await store.regionFeatures().map(\.region) == before.map(\.region))
            #expect(try await rowCount(store) == before.count)
        }
    }

    @Test("progress is reported per batch of 500 up to the total", arguments: Backend.all)
    func progressReports(backend: Backend) async throws {
        try await withTemporaryStore(backend: backend) { store, _ in
            var features = smallDistrict()
            let cell = try #require(features.first { $0.region.level == .grid }?.geometry)
            for i in 13...999 {
                features.append(RegionFeature(
                    region: Region(code: "110101001002" + String(format: "%03d", i), name: "网格\(i)", level: .grid, parentCode: "110101001002"),
                    geometry: cell
                ))
            }
            let progress = Progress()
            try await store.replaceRegions(features) { written, total in progress.add(written, total: total) }
            #expect(features.count == 1_003)
            #expect(progress.values == [500, 1_000, 1_003])
            #expect(progress.totals == [1_003, 1_003, 1_003])
            #expect(try await rowCount(store) == features.count)
        }
    }

    @Test("regions survive closing and reopening the store", arguments: Backend.all)
    func survivesReopen(backend: Backend) async throws {
        try await TemporaryDirectory.with(backend: backend) { directory in
            let original = smallDistrict()
            let store = try await directory.open()
            try await store.replaceRegions(original)
            await store.close()

            let reopened = try await directory.open()
            let loaded = try await reopened.regionFeatures()
            #expect(loaded.map(\.region) == canonical(original))
            #expect(loaded.compactMap(\.geometry).count == original.compactMap(\.geometry).count)
            await reopened.close()
        }
    }
}

/// Collects progress calls from the store's callback.
private final class Progress: @unchecked Sendable {
    private let lock = NSLock()
    private var _values: [Int] = []
    private var _totals: [Int] = []

    func add(_ value: Int, total: Int = 0) {
        lock.lock()
        defer { lock.unlock() }
        _values.append(value)
        _totals.append(total)
    }

    var values: [Int] { lock.lock(); defer { lock.unlock() }; return _values }
    var totals: [Int] { lock.lock(); defer { lock.unlock() }; return _totals }
}
