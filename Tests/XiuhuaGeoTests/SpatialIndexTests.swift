import Testing
import XiuhuaGeo

struct SpatialIndexTests {
    @Test("a point on the edge shared by two squares resolves to the first square, every time, whatever the order")
    func sharedEdge() {
        let west = Shapes.square(lon: 0, lat: 0), east = Shapes.square(lon: 1, lat: 0)
        let onEdge = Coordinate(lon: 1, lat: 0.5)
        #expect(west.contains(onEdge) && east.contains(onEdge))

        let westFirst = SpatialIndex([(id: "west", geometry: west), (id: "east", geometry: east)])
        let eastFirst = SpatialIndex([(id: "east", geometry: east), (id: "west", geometry: west)])
        for _ in 0..<100 {
            #expect(westFirst.locate(onEdge) == "west")
            #expect(eastFirst.locate(onEdge) == "east")
        }
        #expect(westFirst.locate(Coordinate(lon: 0.999, lat: 0.5)) == "west")
        #expect(westFirst.locate(Coordinate(lon: 1.001, lat: 0.5)) == "east")
        #expect(eastFirst.locate(Coordinate(lon: 0.999, lat: 0.5)) == "west")
    }

    @Test("the vertex shared by four cells resolves to the first of them in input order")
    func sharedVertex() {
        let cells = [
            (id: 10, geometry: Shapes.square(lon: 1, lat: 1)),
            (id: 11, geometry: Shapes.square(lon: 0, lat: 1)),
            (id: 12, geometry: Shapes.square(lon: 0, lat: 0)),
            (id: 13, geometry: Shapes.square(lon: 1, lat: 0)),
        ]
        let corner = Coordinate(lon: 1, lat: 1)
        #expect(SpatialIndex(cells).locate(corner) == 10)
        #expect(SpatialIndex(Array(cells.reversed())).locate(corner) == 13)
        #expect(SpatialIndex(Array(cells.dropFirst())).locate(corner) == 11)
        #expect(SpatialIndex(cells).locate(Coordinate(lon: 0.5, lat: 0.5)) == 12)
    }

    @Test("points outside every geometry, including in a hole and between parts, give nil")
    func outsideIsNil() {
        let index = SpatialIndex([
            (id: 1, geometry: Geometry.polygon(Polygon(
                exterior: Shapes.rectangle(minLon: 0, minLat: 0, maxLon: 10, maxLat: 10),
                holes: [Shapes.rectangle(minLon: 4, minLat: 4, maxLon: 6, maxLat: 6)]))),
            (id: 2, geometry: Geometry.multiPolygon([
                Polygon(exterior: Shapes.rectangle(minLon: 20, minLat: 0, maxLon: 21, maxLat: 1)),
                Polygon(exterior: Shapes.rectangle(minLon: 25, minLat: 0, maxLon: 26, maxLat: 1)),
            ])),
        ])
        #expect(index.locate(Coordinate(lon: 5, lat: 5)) == nil)  // in the hole
        #expect(index.locate(Coordinate(lon: 4, lat: 5)) == 1)  // on the hole's edge
        #expect(index.locate(Coordinate(lon: 23, lat: 0.5)) == nil)  // between the parts
        #expect(index.locate(Coordinate(lon: 25.5, lat: 0.5)) == 2)
        #expect(index.locate(Coordinate(lon: -50, lat: 80)) == nil)  // far away
        #expect(index.locate(Coordinate(lon: .nan, lat: 5)) == nil)
        #expect(SpatialIndex<Int>([]).locate(Coordinate(lon: 0, lat: 0)) == nil)
    }

    @Test("candidates(intersecting:) lists the geometries whose boxes meet the query box, in input order")
    func candidates() {
        let grid = SyntheticGrid(
            origin: Coordinate(lon: 116.4, lat: 39.9), columns: 10, rows: 10, cellSizeMetres: 100, jitter: 0, seed: 1)
        let index = SpatialIndex(grid.cells.enumerated().map { (id: $0.offset, geometry: $0.element) })
        let centre = grid.cell(row: 4, column: 4).representativePoint
        let box = BoundingBox(minLon: centre.lon, minLat: centre.lat, maxLon: centre.lon, maxLat: centre.lat)
        #expect(index.candidates(intersecting: box) == [44])
        let all = index.candidates(intersecting: grid.boundingBox)
        #expect(all == Array(0..<100))
        #expect(index.candidates(intersecting: BoundingBox(minLon: 0, minLat: 0, maxLon: 1, maxLat: 1)).isEmpty)
    }

    @Test("the index agrees with a brute-force scan on 100,000 points over jittered cells with holes and islands")
    func agreesWithBruteForce() {
        let grid = SyntheticGrid(
            origin: Coordinate(lon: 121.47, lat: 31.23), columns: 50, rows: 40, cellSizeMetres: 100, jitter: 0.3,
            seed: 2024, extraVerticesPerEdge: 2)
        // Every 7th cell gets a hole; the hole is filled by an island appended at the end, so
        // the whole rectangle stays covered and the hole's edge is shared by two geometries.
        var geometries: [Geometry] = []
        var islands: [Geometry] = []
        for (i, cell) in grid.cells.enumerated() {
            guard i % 7 == 0, case .polygon(let polygon) = cell else {
                geometries.append(cell)
                continue
            }
            let p = polygon.representativePoint
            let r = 0.0001
            let hole = Shapes.rectangle(minLon: p.lon - r, minLat: p.lat - r, maxLon: p.lon + r, maxLat: p.lat + r)
            #expect(polygon.contains(Coordinate(lon: p.lon - r, lat: p.lat - r)))
            geometries.append(.polygon(Polygon(exterior: polygon.exterior, holes: [hole])))
            islands.append(.polygon(Polygon(exterior: hole)))
        }
        geometries += islands
        let index = SpatialIndex(geometries.enumerated().map { (id: $0.offset, geometry: $0.element) })
        let boxes = geometries.map { $0.boundingBox! }

        // Every geometry in order; the box test only skips work `contains` would reject anyway.
        func bruteForce(_ c: Coordinate) -> Int? {
            for i in geometries.indices where boxes[i].contains(c) && geometries[i].contains(c) { return i }
            return nil
        }

        var random = SplitMix64(seed: 99)
        let box = grid.boundingBox
        let padLon = box.width * 0.05, padLat = box.height * 0.05
        var points: [Coordinate] = []
        for _ in 0..<90_000 {
            points.append(Coordinate(
                lon: random.next(in: box.minLon - padLon, box.maxLon + padLon),
                lat: random.next(in: box.minLat - padLat, box.maxLat + padLat)))
        }
        // Exact vertices: the hardest ties, each shared by up to four cells.
        for _ in 0..<10_000 {
            let vertices = geometries[Int(random.next() % UInt64(geometries.count))].polygons[0].exterior.vertices
            points.append(vertices[Int(random.next() % UInt64(vertices.count))])
        }

        var mismatches = 0, insideRectangleButUnlocated = 0, outside = 0
        for point in points {
            let found = index.locateIndex(point)
            if found != bruteForce(point) { mismatches += 1 }
            if found == nil {
                outside += 1
                if box.contains(point) { insideRectangleButUnlocated += 1 }
            }
        }
        #expect(mismatches == 0)
        // The cells tile the rectangle, so anything inside it must be found: no gaps.
        #expect(insideRectangleButUnlocated == 0)
        #expect(outside > 5_000)  // the padding really produced outside points
    }

    @Test("a point strictly inside a tiled rectangle lies in exactly one cell (no overlaps)")
    func noOverlaps() {
        let grid = SyntheticGrid(
            origin: Coordinate(lon: 113.26, lat: 23.13), columns: 12, rows: 12, cellSizeMetres: 100, jitter: 0.35,
            seed: 5, extraVerticesPerEdge: 1)
        var random = SplitMix64(seed: 6)
        let box = grid.boundingBox
        for _ in 0..<5_000 {
            let point = Coordinate(lon: random.next(in: box.minLon, box.maxLon), lat: random.next(in: box.minLat, box.maxLat))
            #expect(grid.cells.filter { $0.contains(point) }.count == 1)
        }
    }
}
