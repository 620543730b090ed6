/// The outline of polygons that tile an area — grid cells that share their edges — as a
/// street or community boundary when the import gave only the cells.
///
/// An edge used by two cells lies inside the area; an edge used once lies on its outline.
/// The outline edges, chained end to start, form the rings. Rings turning the same way as
/// the cells are exteriors; rings turning the other way are holes in the exterior that
/// holds them. Cells that do not share vertices exactly outline each cell on its own.
public enum TiledOutline {
    public static func of(_ polygons: [Polygon]) -> Geometry? {
        var uses: [Edge: Int] = [:]
        var directed: [(from: VertexKey, to: VertexKey)] = []
        var positions: [VertexKey: Coordinate] = [:]
        var orientation = 0.0
        for polygon in polygons {
            let vertices = polygon.exterior.vertices
            guard vertices.count >= 3 else { continue }
            if orientation == 0 { orientation = signedArea(vertices) }
            for (index, vertex) in vertices.enumerated() {
                let next = vertices[(index + 1) % vertices.count]
                let a = VertexKey(vertex), b = VertexKey(next)
                guard a != b else { continue }
                positions[a] = vertex
                positions[b] = next
                uses[Edge(a, b), default: 0] += 1
                directed.append((a, b))
            }
        }
        var outgoing: [VertexKey: [VertexKey]] = [:]
        for edge in directed where uses[Edge(edge.from, edge.to)] == 1 {
            outgoing[edge.from, default: []].append(edge.to)
        }
        var rings: [[Coordinate]] = []
        while let start = outgoing.first(where: { !$0.value.isEmpty })?.key {
            var ring: [Coordinate] = []
            var current = start
            while let next = outgoing[current]?.popLast() {
                ring.append(positions[current]!)
                current = next
                if current == start { break }
            }
            ring = withoutStraightVertices(ring)
            if ring.count >= 3 { rings.append(ring) }
        }
        let exteriors = rings.filter { signedArea($0) * orientation > 0 }
        let holes = rings.filter { signedArea($0) * orientation < 0 }
        var built = exteriors.map { (exterior: Ring($0), holes: [Ring]()) }
        for hole in holes {
            let ring = Ring(hole)
            if let index = built.firstIndex(where: { Polygon(exterior: $0.exterior).contains(hole[0]) }) {
                built[index].holes.append(ring)
            }
        }
        let result = built.map { Polygon(exterior: $0.exterior, holes: $0.holes) }
        switch result.count {
        case 0: return nil
        case 1: return .polygon(result[0])
        default: return .multiPolygon(result)
        }
    }

    /// The ring without vertices that lie on the straight line between their neighbours:
    /// a street's side is one edge, not one edge per cell.
    static func withoutStraightVertices(_ ring: [Coordinate]) -> [Coordinate] {
        var points = ring
        var index = 0
        while points.count > 3, index < points.count {
            let a = points[(index + points.count - 1) % points.count], b = points[index], c = points[(index + 1) % points.count]
            let ux = b.lon - a.lon, uy = b.lat - a.lat, vx = c.lon - b.lon, vy = c.lat - b.lat
            let cross = ux * vy - uy * vx
            let scale = (ux * ux + uy * uy).squareRoot() * (vx * vx + vy * vy).squareRoot()
            if abs(cross) <= 1e-6 * scale, ux * vx + uy * vy > 0 {
                points.remove(at: index)
            } else {
                index += 1
            }
        }
        return points
    }

    /// Twice the signed area in degrees², positive when the ring turns anticlockwise.
    static func signedArea(_ ring: [Coordinate]) -> Double {
        var sum = 0.0
        for (index, a) in ring.enumerated() {
            let b = ring[(index + 1) % ring.count]
            sum += a.lon * b.lat - b.lon * a.lat
        }
        return sum
    }

    /// A vertex to a nanodegree (about 0.1 mm), so that shared vertices compare equal.
    struct VertexKey: Hashable {
        let lon: Int64
        let lat: Int64

        init(_ c: Coordinate) {
            lon = Int64((c.lon * 1e9).rounded())
            lat = Int64((c.lat * 1e9).rounded())
        }
    }

    /// An edge without direction.
    struct Edge: Hashable {
        let a: VertexKey
        let b: VertexKey

        init(_ x: VertexKey, _ y: VertexKey) {
            if (x.lon, x.lat) < (y.lon, y.lat) { a = x; b = y } else { a = y; b = x }
        }
    }
}
