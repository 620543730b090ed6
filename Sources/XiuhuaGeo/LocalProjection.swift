import Foundation

/// An equirectangular projection to metres around a reference point.
///
/// Accurate to well under a percent across a district, which is all area estimates and
/// synthetic grids need; it is not a survey-grade projection.
struct LocalProjection {
    /// Mean earth radius (IUGG), in metres.
    static let earthRadius = 6_371_008.8
    static let metresPerDegreeLat = earthRadius * Double.pi / 180

    let origin: Coordinate
    let metresPerDegreeLon: Double

    init(origin: Coordinate) {
        self.origin = origin
        metresPerDegreeLon = Self.metresPerDegreeLat * cos(origin.lat * Double.pi / 180)
    }

    func project(_ c: Coordinate) -> (x: Double, y: Double) {
        ((c.lon - origin.lon) * metresPerDegreeLon, (c.lat - origin.lat) * Self.metresPerDegreeLat)
    }

    func unproject(x: Double, y: Double) -> Coordinate {
        Coordinate(lon: origin.lon + x / metresPerDegreeLon, lat: origin.lat + y / Self.metresPerDegreeLat)
    }
}
