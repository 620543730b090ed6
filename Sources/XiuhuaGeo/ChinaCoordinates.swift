import Foundation

/// Conversion between WGS-84 (GPS, what Xiuhua stores) and GCJ-02 (the offset datum used
/// by 高德/Amap, 腾讯/Tencent and other maps published in mainland China).
///
/// Uses the widely published reference algorithm (Krasovsky ellipsoid constants). Points
/// outside China's rough bounding box are returned unchanged, as those map providers do.
public enum ChinaCoordinates {
    private static let semiMajorAxis = 6_378_245.0
    private static let eccentricitySquared = 0.00669342162296594323

    /// True when the point is outside the rough box where GCJ-02 applies.
    public static func isOutsideChina(_ c: Coordinate) -> Bool {
        c.lon < 72.004 || c.lon > 137.8347 || c.lat < 0.8293 || c.lat > 55.8271
    }

    /// Converts WGS-84 to GCJ-02.
    public static func wgs84ToGCJ02(_ c: Coordinate) -> Coordinate {
        guard !isOutsideChina(c) else { return c }
        let offset = self.offset(c)
        return Coordinate(lon: c.lon + offset.lon, lat: c.lat + offset.lat)
    }

    /// Converts GCJ-02 to WGS-84, iterating the forward transform until the round trip
    /// is within 1e-9 degrees (about 0.1 mm).
    public static func gcj02ToWGS84(_ c: Coordinate) -> Coordinate {
        guard !isOutsideChina(c) else { return c }
        var guess = c
        // The offset changes slowly with position, so this converges in a handful of steps.
        for _ in 0..<30 {
            let forward = wgs84ToGCJ02(guess)
            let dLon = forward.lon - c.lon, dLat = forward.lat - c.lat
            guess = Coordinate(lon: guess.lon - dLon, lat: guess.lat - dLat)
            if abs(dLon) < 1e-9 && abs(dLat) < 1e-9 { break }
        }
        return guess
    }

    private static func offset(_ c: Coordinate) -> (lon: Double, lat: Double) {
        let x = c.lon - 105.0, y = c.lat - 35.0
        var dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * abs(x).squareRoot()
        dLat += (20.0 * sin(6.0 * x * .pi) + 20.0 * sin(2.0 * x * .pi)) * 2.0 / 3.0
        dLat += (20.0 * sin(y * .pi) + 40.0 * sin(y / 3.0 * .pi)) * 2.0 / 3.0
        dLat += (160.0 * sin(y / 12.0 * .pi) + 320 * sin(y * .pi / 30.0)) * 2.0 / 3.0
        var dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * abs(x).squareRoot()
        dLon += (20.0 * sin(6.0 * x * .pi) + 20.0 * sin(2.0 * x * .pi)) * 2.0 / 3.0
        dLon += (20.0 * sin(x * .pi) + 40.0 * sin(x / 3.0 * .pi)) * 2.0 / 3.0
        dLon += (150.0 * sin(x / 12.0 * .pi) + 300.0 * sin(x / 30.0 * .pi)) * 2.0 / 3.0

        let radLat = c.lat / 180.0 * .pi
        let sinLat = sin(radLat)
        let magic = 1 - eccentricitySquared * sinLat * sinLat
        let sqrtMagic = magic.squareRoot()
        dLat = (dLat * 180.0) / ((semiMajorAxis * (1 - eccentricitySquared)) / (magic * sqrtMagic) * .pi)
        dLon = (dLon * 180.0) / (semiMajorAxis / sqrtMagic * cos(radLat) * .pi)
        return (dLon, dLat)
    }
}
