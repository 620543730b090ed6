import Testing
import XiuhuaGeo

struct GeometryTests {
    /// 10×10 square with a 2×2 hole in the middle (4...6).
    let framed = Polygon(
        exterior: Shapes.rectangle(minLon: 0, minLat: 0, maxLon: 10, maxLat: 10),
        holes: [Shapes.rectangle(minLon: 4, minLat: 4, maxLon: 6, maxLat: 6)])

    @Test("a point in a hole is outside, a point in the solid part inside")
    func holesExcluded() {
        #expect(framed.contains(Coordinate(lon: 5, lat: 5)) == false)
        #expect(framed.contains(Coordinate(lon: 2, lat: 2)))
        #expect(framed.contains(Coordinate(lon: 8, lat: 5)))
    }

    @Test("the boundary of the exterior and of a hole both count as inside")
    func closedSet() {
        #expect(framed.contains(Coordinate(lon: 0, lat: 5)))  // exterior edge
        #expect(framed.contains(Coordinate(lon: 10, lat: 10)))  // exterior vertex
        #expect(framed.contains(Coordinate(lon: 4, lat: 5)))  // hole edge
        #expect(framed.contains(Coordinate(lon: 6, lat: 6)))  // hole vertex
        #expect(framed.contains(Coordinate(lon: 10.000001, lat: 5)) == false)
        #expect(framed.contains(Coordinate(lon: 5, lat: -1e-9)) == false)
    }

    @Test("vertices and edges of a slanted triangle are inside; points just off them are not")
    func slantedBoundary() {
        let triangle = Polygon(exterior: Ring([
            Coordinate(lon: 0, lat: 0), Coordinate(lon: 4, lat: 0), Coordinate(lon: 0, lat: 2),
        ]))
        #expect(triangle.contains(Coordinate(lon: 4, lat: 0)))
        #expect(triangle.contains(Coordinate(lon: 2, lat: 1)))  // on the hypotenuse
        #expect(triangle.contains(Coordinate(lon: 2, lat: 1.000001)) == false)
        #expect(triangle.contains(Coordinate(lon: 1, lat: 0.5)))
        // A ray through a vertex must not double-count it.
        #expect(triangle.contains(Coordinate(lon: -1, lat: 0)) == false)
        #expect(triangle.contains(Coordinate(lon: -1, lat: 2)) == false)
    }

    @Test("a multipolygon contains points of each part but not the gap between them")
    func multiPolygon() {
        let islands = Geometry.multiPolygon([
            Polygon(exterior: Shapes.rectangle(minLon: 0, minLat: 0, maxLon: 1, maxLat: 1)),
            Polygon(exterior: Shapes.rectangle(minLon: 3, minLat: 0, maxLon: 4, maxLat: 1)),
        ])
        #expect(islands.contains(Coordinate(lon: 0.5, lat: 0.5)))
        #expect(islands.contains(Coordinate(lon: 3.5, lat: 0.5)))
        #expect(islands.contains(Coordinate(lon: 2, lat: 0.5)) == false)
        #expect(islands.boundingBox == BoundingBox(minLon: 0, minLat: 0, maxLon: 4, maxLat: 1))
    }

    @Test("a ring given closed (first repeated as last) equals the same ring given open")
    func ringClosing() {
        let open = Shapes.rectangle(minLon: 0, minLat: 0, maxLon: 1, maxLat: 1)
        let closed = Ring(open.closedCoordinates)
        #expect(closed == open)
        #expect(closed.vertices.count == 4)
        #expect(open.closedCoordinates.count == 5)
    }

    @Test("area of a 100 m cell is about 10,000 m² and a hole is subtracted")
    func area() {
        let grid = SyntheticGrid(
            origin: Coordinate(lon: 116.4, lat: 39.9), columns: 1, rows: 1, cellSizeMetres: 100, jitter: 0, seed: 1)
        #expect(abs(grid.cells[0].areaSquareMetres - 10_000) < 10)
        let half = 0.5 * 10_000
        let withHole = Polygon(
            exterior: Shapes.rectangle(minLon: 0, minLat: 0, maxLon: 0.002, maxLat: 0.001),
            holes: [Shapes.rectangle(minLon: 0, minLat: 0, maxLon: 0.001, maxLat: 0.001)])
        let solidHalf = Polygon(exterior: Shapes.rectangle(minLon: 0.001, minLat: 0, maxLon: 0.002, maxLat: 0.001))
        #expect(abs(withHole.areaSquareMetres - solidHalf.areaSquareMetres) < 1e-6 * half)
    }

    @Test("the representative point of a rectangle is its centre")
    func representativeRectangle() {
        let cell = Shapes.square(lon: 116, lat: 39, size: 0.001)
        let point = cell.representativePoint
        #expect(abs(point.lon - 116.0005) < 1e-12 && abs(point.lat - 39.0005) < 1e-12)
    }

    @Test("the representative point is inside shapes whose bbox centre is not: a U, a ring with a hole, a multipolygon")
    func representativeConcave() {
        let u = Geometry.polygon(Polygon(exterior: Ring([
            Coordinate(lon: 0, lat: 0), Coordinate(lon: 3, lat: 0), Coordinate(lon: 3, lat: 3),
            Coordinate(lon: 2, lat: 3), Coordinate(lon: 2, lat: 1), Coordinate(lon: 1, lat: 1),
            Coordinate(lon: 1, lat: 3), Coordinate(lon: 0, lat: 3),
        ])))
        #expect(u.contains(u.boundingBox!.centre) == false)
        #expect(u.contains(u.representativePoint))

        let donut = Geometry.polygon(framed)
        #expect(donut.contains(donut.boundingBox!.centre) == false)
        #expect(donut.contains(donut.representativePoint))

        let pair = Geometry.multiPolygon([
            Polygon(exterior: Shapes.rectangle(minLon: 0, minLat: 0, maxLon: 1, maxLat: 1)),
            Polygon(exterior: Shapes.rectangle(minLon: 5, minLat: 0, maxLon: 7, maxLat: 2)),
        ])
        #expect(pair.representativePoint == Coordinate(lon: 6, lat: 1))
    }

    @Test("every jittered synthetic cell contains its representative point")
    func representativeJittered() {
        let grid = SyntheticGrid(
            origin: Coordinate(lon: 121.47, lat: 31.23), columns: 20, rows: 20, cellSizeMetres: 100, jitter: 0.45,
            seed: 3, extraVerticesPerEdge: 3)
        for cell in grid.cells {
            #expect(cell.contains(cell.representativePoint))
        }
    }
}
