/// An axis-aligned rectangle in longitude/latitude degrees; edges count as inside.
public struct BoundingBox: Hashable, Sendable, Codable {
    public var minLon: Double
    public var minLat: Double
    public var maxLon: Double
    public var maxLat: Double

    public init(minLon: Double, minLat: Double, maxLon: Double, maxLat: Double) {
        self.minLon = minLon
        self.minLat = minLat
        self.maxLon = maxLon
        self.maxLat = maxLat
    }

    /// The smallest box holding every coordinate, or nil when there are none.
    public init?<S: Sequence>(covering coordinates: S) where S.Element == Coordinate {
        var iterator = coordinates.makeIterator()
        guard let first = iterator.next() else { return nil }
        var box = BoundingBox(minLon: first.lon, minLat: first.lat, maxLon: first.lon, maxLat: first.lat)
        while let c = iterator.next() {
            box.minLon = Swift.min(box.minLon, c.lon)
            box.minLat = Swift.min(box.minLat, c.lat)
            box.maxLon = Swift.max(box.maxLon, c.lon)
            box.maxLat = Swift.max(box.maxLat, c.lat)
        }
        self = box
    }

    /// Width in degrees of longitude.
    public var width: Double { maxLon - minLon }

    /// Height in degrees of latitude.
    public var height: Double { maxLat - minLat }

    /// The middle of the box.
    public var centre: Coordinate {
        Coordinate(lon: (minLon + maxLon) / 2, lat: (minLat + maxLat) / 2)
    }

    /// True when the coordinate lies inside or on the edge of the box.
    public func contains(_ c: Coordinate) -> Bool {
        c.lon >= minLon && c.lon <= maxLon && c.lat >= minLat && c.lat <= maxLat
    }

    /// True when the two boxes share at least one point (touching counts).
    public func intersects(_ other: BoundingBox) -> Bool {
        other.minLon <= maxLon && other.maxLon >= minLon && other.minLat <= maxLat && other.maxLat >= minLat
    }

    /// The smallest box holding both boxes.
    public func union(_ other: BoundingBox) -> BoundingBox {
        BoundingBox(
            minLon: Swift.min(minLon, other.minLon), minLat: Swift.min(minLat, other.minLat),
            maxLon: Swift.max(maxLon, other.maxLon), maxLat: Swift.max(maxLat, other.maxLat))
    }
}
