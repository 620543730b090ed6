/// A closed chain of coordinates: the last vertex joins back to the first.
///
/// Vertices are stored without GeoJSON's repeated closing position; `closedCoordinates`
/// adds it back for output.
public struct Ring: Hashable, Sendable {
    /// The distinct vertices in order; the closing edge runs from the last back to the first.
    public let vertices: [Coordinate]

    /// Makes a ring from vertices, dropping a trailing repeat of the first vertex if present.
    public init(_ coordinates: [Coordinate]) {
        if coordinates.count > 1, coordinates.first == coordinates.last {
            vertices = Array(coordinates.dropLast())
        } else {
            vertices = coordinates
        }
    }

    /// The vertices with the first repeated at the end, as GeoJSON writes rings.
    public var closedCoordinates: [Coordinate] {
        guard let first = vertices.first else { return [] }
        return vertices + [first]
    }

    /// The bounding box of the vertices, or nil for an empty ring.
    public var boundingBox: BoundingBox? { BoundingBox(covering: vertices) }

    /// Where the point is relative to the ring: on its boundary, strictly inside or outside.
    func classify(_ c: Coordinate) -> RingSide {
        guard var previous = vertices.last else { return .outside }
        var inside = false
        for vertex in vertices {
            switch EdgeCrossing.classify(
                ax: previous.lon, ay: previous.lat, bx: vertex.lon, by: vertex.lat, px: c.lon, py: c.lat)
            {
            case .onEdge: return .boundary
            case .crossesRay: inside.toggle()
            case .neither: break
            }
            previous = vertex
        }
        return inside ? .inside : .outside
    }

    /// Area enclosed in the projection's square metres, ignoring orientation.
    func area(in projection: LocalProjection) -> Double {
        guard vertices.count >= 3 else { return 0 }
        var twiceArea = 0.0
        var previous = projection.project(vertices[vertices.count - 1])
        for vertex in vertices {
            let point = projection.project(vertex)
            twiceArea += previous.x * point.y - point.x * previous.y
            previous = point
        }
        return abs(twiceArea) / 2
    }
}

/// Where a point lies relative to a ring.
enum RingSide {
    case inside, boundary, outside
}
