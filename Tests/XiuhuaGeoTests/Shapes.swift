import XiuhuaGeo

/// Small hand-made shapes shared by the tests.
enum Shapes {
    /// An axis-aligned rectangle ring, counter-clockwise from the south-west corner.
    static func rectangle(minLon: Double, minLat: Double, maxLon: Double, maxLat: Double) -> Ring {
        Ring([
            Coordinate(lon: minLon, lat: minLat), Coordinate(lon: maxLon, lat: minLat),
            Coordinate(lon: maxLon, lat: maxLat), Coordinate(lon: minLon, lat: maxLat),
        ])
    }

    /// A unit-ish square cell with its south-west corner at (lon, lat).
    static func square(lon: Double, lat: Double, size: Double = 1) -> Geometry {
        .polygon(Polygon(exterior: rectangle(minLon: lon, minLat: lat, maxLon: lon + size, maxLat: lat + size)))
    }
}
