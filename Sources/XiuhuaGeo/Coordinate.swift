/// A position on the earth as longitude and latitude in degrees.
///
/// Xiuhua stores WGS-84 coordinates; GCJ-02 input (高德/腾讯) is converted on the way in
/// (see `ChinaCoordinates`). Longitude comes first, as in GeoJSON.
public struct Coordinate: Hashable, Sendable, Codable {
    public var lon: Double
    public var lat: Double

    public init(lon: Double, lat: Double) {
        self.lon = lon
        self.lat = lat
    }

    /// True when both values are finite and within the WGS-84 ranges.
    public var isValid: Bool {
        lon.isFinite && lat.isFinite && (-180...180).contains(lon) && (-90...90).contains(lat)
    }
}
