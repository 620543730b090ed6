import Testing
import XiuhuaGeo

struct SyntheticGridTests {
    let origin = Coordinate(lon: 116.4, lat: 39.9)

    @Test("the same seed gives the same grid; another seed a different one")
    func deterministic() {
        let a = SyntheticGrid(origin: origin, columns: 8, rows: 5, cellSizeMetres: 100, jitter: 0.3, seed: 9)
        let b = SyntheticGrid(origin: origin, columns: 8, rows: 5, cellSizeMetres: 100, jitter: 0.3, seed: 9)
        let c = SyntheticGrid(origin: origin, columns: 8, rows: 5, cellSizeMetres: 100, jitter: 0.3, seed: 10)
        #expect(a.cells == b.cells)
        #expect(a.cells != c.cells)
    }

    @Test("SplitMix64 produces the published reference sequence for seed 0")
    func splitMixReference() {
        var random = SplitMix64(seed: 0)
        #expect(random.next() == 0xE220_A839_7B1D_CDAF)
        #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test("cells are row-major from the north-west, with the requested vertex count and size")
    func layout() {
        let grid = SyntheticGrid(
            origin: origin, columns: 4, rows: 3, cellSizeMetres: 100, jitter: 0.2, seed: 1, extraVerticesPerEdge: 2)
        #expect(grid.cells.count == 12)
        let northWest = grid.cell(row: 0, column: 0).representativePoint
        let southEast = grid.cell(row: 2, column: 3).representativePoint
        #expect(northWest.lat > southEast.lat && northWest.lon < southEast.lon)
        #expect(grid.cell(row: 1, column: 2) == grid.cells[6])
        #expect(grid.cells.allSatisfy { $0.polygons[0].exterior.vertices.count == 12 })
        #expect(grid.boundingBox.contains(origin))
        #expect(abs(grid.boundingBox.centre.lon - origin.lon) < 1e-9 && abs(grid.boundingBox.centre.lat - origin.lat) < 1e-9)
    }

    @Test("cell areas add up to the rectangle's area: the cells tile without gaps or overlaps")
    func tiles() {
        let grid = SyntheticGrid(
            origin: origin, columns: 10, rows: 10, cellSizeMetres: 100, jitter: 0.3, seed: 4, extraVerticesPerEdge: 2)
        let total = grid.cells.reduce(0) { $0 + $1.areaSquareMetres }
        #expect(abs(total - 1_000_000) < 1_000)
        #expect(grid.cells.allSatisfy { $0.areaSquareMetres > 2_000 })
    }
}
