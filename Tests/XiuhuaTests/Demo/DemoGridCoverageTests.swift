import Foundation
import Testing
import Xiuhua
import XiuhuaGeo

/// The demo grid tiles the district: every point inside lies in exactly one cell.
@Suite("Demo grid coverage")
struct DemoGridCoverageTests {
    static let index = SpatialIndex(DemoFixture.cells.map { (id: $0.code, geometry: $0.geometry) })

    /// Codes of every cell containing the point, in input order, checked one by one.
    static func bruteForce(_ point: Coordinate, boxes: UnsafeBufferPointer<Double>) -> [String] {
        var found: [String] = []
        for i in 0..<DemoFixture.cells.count {
            let b = 4 * i
            guard point.lon >= boxes[b], point.lat >= boxes[b + 1], point.lon <= boxes[b + 2], point.lat <= boxes[b + 3] else {
                continue // outside the cell's box, hence outside the cell
            }
            if DemoFixture.cells[i].geometry.contains(point) { found.append(DemoFixture.cells[i].code) }
        }
        return found
    }

    static let boxes: [Double] = DemoFixture.cells.flatMap { cell -> [Double] in
        let box = cell.geometry.boundingBox!
        return [box.minLon, box.minLat, box.maxLon, box.maxLat]
    }

    @Test("the grid covers about 12 km × 8.1 km, and the cells' areas add up to it")
    func extent() throws {
        let box = try #require(Self.index.boundingBox)
        #expect(Self.index.count == 9_720)
        let metresPerDegreeLat = 111_195.0
        let metresPerDegreeLon = metresPerDegreeLat * cos(DemoDistrict.centre.lat * .pi / 180)
        let width = box.width * metresPerDegreeLon, height = box.height * metresPerDegreeLat
        #expect(abs(width - 12_000) < 12)
        #expect(abs(height - 8_100) < 8)
        let cellArea = DemoFixture.cells.reduce(0) { $0 + $1.geometry.areaSquareMetres }
        #expect(abs(cellArea - width * height) / (width * height) < 0.001, "no gaps and no overlaps")
    }

    @Test("20,000 random points inside the district each lie in exactly one cell, the one the index names")
    func everyPointInExactlyOneCell() async throws {
        let box = try #require(Self.index.boundingBox)
        var random = SplitMix64(seed: 2_026_113)
        var points: [Coordinate] = []
        while points.count < 20_000 {
            let u = random.nextUnit(), v = random.nextUnit()
            guard u > 0, v > 0 else { continue } // strictly inside
            points.append(Coordinate(lon: box.minLon + u * box.width, lat: box.minLat + v * box.height))
        }
        // Brute force over all 9,720 cells is the slow part: split it across the cores.
        let chunks = stride(from: 0, to: points.count, by: 2_500).map { Array(points[$0..<min($0 + 2_500, points.count)]) }
        let problems = await withTaskGroup(of: [String].self) { group in
            for chunk in chunks {
                group.addTask {
                    Self.boxes.withUnsafeBufferPointer { boxes in
                        chunk.compactMap { point -> String? in
                            let containing = Self.bruteForce(point, boxes: boxes)
                            let located = Self.index.locate(point)
                            if containing.count != 1 { return "\(point) is in \(containing.count) cells: \(containing)" }
                            if located != containing.first { return "\(point): index says \(located ?? "none"), cells say \(containing[0])" }
                            return nil
                        }
                    }
                }
            }
            return await group.reduce(into: []) { $0 += $1 }
        }
        #expect(problems.isEmpty, "\(problems.prefix(5))")
    }

    @Test("points 1 km outside the district lie in no cell")
    func outsidePoints() throws {
        let box = try #require(Self.index.boundingBox)
        let oneKmLat = 1_000 / 111_195.0
        let oneKmLon = oneKmLat / cos(DemoDistrict.centre.lat * .pi / 180)
        var outside: [Coordinate] = []
        for f in stride(from: 0.0, through: 1.0, by: 0.125) {
            let lon = box.minLon + f * box.width, lat = box.minLat + f * box.height
            outside += [
                Coordinate(lon: lon, lat: box.maxLat + oneKmLat), Coordinate(lon: lon, lat: box.minLat - oneKmLat),
                Coordinate(lon: box.minLon - oneKmLon, lat: lat), Coordinate(lon: box.maxLon + oneKmLon, lat: lat),
            ]
        }
        Self.boxes.withUnsafeBufferPointer { boxes in
            for point in outside {
                #expect(Self.index.locate(point) == nil, "\(point)")
                #expect(Self.bruteForce(point, boxes: boxes).isEmpty, "\(point)")
            }
        }
    }

    @Test("every cell's representative point is located in that cell")
    func representativePoints() {
        for cell in DemoFixture.cells {
            #expect(Self.index.locate(cell.geometry.representativePoint) == cell.code)
        }
    }
}
