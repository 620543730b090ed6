import Testing
@testable import XiuhuaGeo

@Suite("Tiled outline")
struct TiledOutlineTests {
    static func square(_ x: Double, _ y: Double) -> Polygon {
        Polygon(exterior: Ring([
            Coordinate(lon: x, lat: y), Coordinate(lon: x + 1, lat: y), Coordinate(lon: x + 1, lat: y + 1), Coordinate(lon: x, lat: y + 1),
        ]))
    }

    @Test("four cells in a square outline one square with four corners")
    func block() throws {
        let cells = [Self.square(0, 0), Self.square(1, 0), Self.square(0, 1), Self.square(1, 1)]
        let outline = try #require(TiledOutline.of(cells))
        #expect(outline.polygons.count == 1)
        #expect(Set(outline.polygons[0].exterior.vertices) == [
            Coordinate(lon: 0, lat: 0), Coordinate(lon: 2, lat: 0), Coordinate(lon: 2, lat: 2), Coordinate(lon: 0, lat: 2),
        ])
        #expect(outline.polygons[0].holes.isEmpty)
    }

    @Test("a ring of eight cells keeps the hole in the middle")
    func hole() throws {
        var cells: [Polygon] = []
        for x in 0..<3 { for y in 0..<3 where !(x == 1 && y == 1) { cells.append(Self.square(Double(x), Double(y))) } }
        let outline = try #require(TiledOutline.of(cells))
        #expect(outline.polygons.count == 1)
        #expect(outline.polygons[0].holes.count == 1)
        #expect(!outline.contains(Coordinate(lon: 1.5, lat: 1.5)))
        #expect(outline.contains(Coordinate(lon: 0.5, lat: 1.5)))
    }

    @Test("cells apart give one polygon each")
    func apart() throws {
        let outline = try #require(TiledOutline.of([Self.square(0, 0), Self.square(5, 5)]))
        #expect(outline.polygons.count == 2)
    }
}
