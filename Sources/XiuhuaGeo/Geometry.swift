/// An areal geometry: what a grid cell, community or street boundary is made of.
public enum Geometry: Hashable, Sendable {
    case polygon(Polygon)
    case multiPolygon([Polygon])

    /// The polygons making up the geometry (one for `.polygon`).
    public var polygons: [Polygon] {
        switch self {
        case .polygon(let polygon): [polygon]
        case .multiPolygon(let polygons): polygons
        }
    }

    /// True when the point is inside or on the boundary of any of the polygons.
    public func contains(_ c: Coordinate) -> Bool {
        switch self {
        case .polygon(let polygon): polygon.contains(c)
        case .multiPolygon(let polygons): polygons.contains { $0.contains(c) }
        }
    }

    /// The bounding box of all polygons, or nil when the geometry has no vertices.
    public var boundingBox: BoundingBox? {
        polygons.compactMap(\.boundingBox).reduce(nil) { $0?.union($1) ?? $1 }
    }

    /// Approximate area in square metres; see `Polygon.areaSquareMetres`.
    public var areaSquareMetres: Double {
        polygons.reduce(0) { $0 + $1.areaSquareMetres }
    }

    /// A point guaranteed to satisfy `contains`: the representative point of the largest
    /// polygon (NaN for a geometry with no vertices).
    public var representativePoint: Coordinate {
        let largest = polygons.max { $0.areaSquareMetres < $1.areaSquareMetres }
        return largest?.representativePoint ?? Coordinate(lon: .nan, lat: .nan)
    }
}
