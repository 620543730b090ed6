/// An area bounded by an exterior ring, minus any holes.
///
/// Closed set: a point on the exterior ring or on a hole's ring counts as inside.
public struct Polygon: Hashable, Sendable {
    public let exterior: Ring
    public let holes: [Ring]

    public init(exterior: Ring, holes: [Ring] = []) {
        self.exterior = exterior
        self.holes = holes
    }

    /// The exterior ring followed by the holes, in GeoJSON order.
    public var rings: [Ring] { [exterior] + holes }

    /// The bounding box of the exterior ring, or nil when it has no vertices.
    public var boundingBox: BoundingBox? { exterior.boundingBox }

    /// True when the point is inside, on the exterior boundary or on a hole's boundary.
    public func contains(_ c: Coordinate) -> Bool {
        switch exterior.classify(c) {
        case .outside: return false
        case .boundary: return true
        case .inside:
            for hole in holes where hole.classify(c) == .inside { return false }
            return true
        }
    }

    /// Approximate area in square metres (exterior minus holes), from an equirectangular
    /// projection around the polygon's centre.
    public var areaSquareMetres: Double {
        guard let box = boundingBox else { return 0 }
        let projection = LocalProjection(origin: box.centre)
        let holeArea = holes.reduce(0) { $0 + $1.area(in: projection) }
        return Swift.max(0, exterior.area(in: projection) - holeArea)
    }

    /// A point guaranteed to satisfy `contains`, preferably well away from the boundary.
    ///
    /// Casts horizontal scanlines across the bounding box (middle first), and takes the middle
    /// of the widest inside stretch. For a rectangle that is its centre. A degenerate polygon
    /// falls back to its first vertex, which is on the boundary and hence inside; a polygon
    /// with no vertices at all gives NaN.
    public var representativePoint: Coordinate {
        guard let box = boundingBox, let firstVertex = exterior.vertices.first else {
            return Coordinate(lon: .nan, lat: .nan)
        }
        for fraction in [0.5, 0.25, 0.75, 0.375, 0.625, 0.125, 0.875, 0.4375, 0.5625] {
            let lat = box.minLat + box.height * fraction
            if let candidate = widestStretchMiddle(atLatitude: lat), contains(candidate) {
                return candidate
            }
        }
        return firstVertex
    }

    private func widestStretchMiddle(atLatitude lat: Double) -> Coordinate? {
        var crossings: [Double] = []
        for ring in rings {
            guard var previous = ring.vertices.last else { continue }
            for vertex in ring.vertices {
                // Same half-open rule as the containment test, so crossings pair up.
                if (previous.lat <= lat) != (vertex.lat <= lat) {
                    let t = (lat - previous.lat) / (vertex.lat - previous.lat)
                    crossings.append(previous.lon + t * (vertex.lon - previous.lon))
                }
                previous = vertex
            }
        }
        guard crossings.count >= 2 else { return nil }
        crossings.sort()
        var best: (width: Double, middle: Double)?
        var i = 0
        while i + 1 < crossings.count {
            let width = crossings[i + 1] - crossings[i]
            if width > (best?.width ?? -1) { best = (width, (crossings[i] + crossings[i + 1]) / 2) }
            i += 2
        }
        return best.map { Coordinate(lon: $0.middle, lat: lat) }
    }
}
