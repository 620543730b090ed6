import XiuhuaGeo

/// The stretch of street in front of a shop that its 门前五包 duties cover: a line along
/// the kerb, or an area (a forecourt, a corner plot). Kept in WGS-84.
public enum Frontage: Hashable, Sendable {
    case line([Coordinate])
    /// The exterior ring, closed (its last point repeats the first).
    case area([Coordinate])

    public var coordinates: [Coordinate] {
        switch self {
        case .line(let points), .area(let points): points
        }
    }

    /// A GeoJSON LineString, or a Polygon with one ring.
    public var geoJSON: JSONValue {
        func positions(_ points: [Coordinate]) -> JSONValue { .array(points.map { .array([.number($0.lon), .number($0.lat)]) }) }
        switch self {
        case .line(let points): return .object(["type": .string("LineString"), "coordinates": positions(points)])
        case .area(let ring): return .object(["type": .string("Polygon"), "coordinates": .array([positions(ring)])])
        }
    }

    /// Reads a GeoJSON LineString or Polygon (exterior ring only) geometry object.
    public init(geoJSON: JSONValue) throws(ShopFieldError) {
        guard case .object(let object) = geoJSON, let type = object["type"]?.stringValue else {
            throw Self.invalid("门前责任区应为 GeoJSON LineString 或 Polygon (frontage must be a GeoJSON LineString or Polygon)")
        }
        switch (type, object["coordinates"]) {
        case ("LineString", .array(let positions)?):
            try self.init(line: try Self.points(positions))
        case ("Polygon", .array(let rings)?):
            guard rings.count == 1, case .array(let positions) = rings[0] else {
                throw Self.invalid("门前责任区多边形应只有一个外环 (the frontage polygon must have exactly one ring)")
            }
            try self.init(ring: try Self.points(positions))
        default:
            throw Self.invalid("门前责任区应为 GeoJSON LineString 或 Polygon (frontage must be a GeoJSON LineString or Polygon): \(type)")
        }
    }

    /// Reads the CSV form: `lon lat;lon lat;…` — an area when the last point repeats the first.
    public init(csvText text: String) throws(ShopFieldError) {
        var points: [Coordinate] = []
        for pair in text.split(separator: ";") {
            let numbers = pair.split(separator: " ", omittingEmptySubsequences: true).map { Double($0) }
            guard numbers.count == 2, let lon = numbers[0], let lat = numbers[1] else {
                throw Self.invalid("门前责任区应写作“经度 纬度;经度 纬度;…” (frontage must read `lon lat;lon lat;…`): \(pair)")
            }
            points.append(Coordinate(lon: lon, lat: lat))
        }
        if points.count >= 4, points.first == points.last {
            try self.init(ring: points)
        } else {
            try self.init(line: points)
        }
    }

    private init(line points: [Coordinate]) throws(ShopFieldError) {
        try Self.checkValid(points)
        guard Set(points).count >= 2 else {
            throw Self.invalid("门前责任线至少需要两个不同的点 (a frontage line needs at least two distinct points)")
        }
        self = .line(points)
    }

    private init(ring points: [Coordinate]) throws(ShopFieldError) {
        try Self.checkValid(points)
        guard points.count >= 4, points.first == points.last, Set(points).count >= 3 else {
            throw Self.invalid("门前责任区多边形应闭合且至少有三个不同的点 (a frontage polygon must be closed with at least three distinct points)")
        }
        self = .area(points)
    }

    private static func points(_ positions: [JSONValue]) throws(ShopFieldError) -> [Coordinate] {
        var points: [Coordinate] = []
        for position in positions {
            guard case .array(let numbers) = position, numbers.count >= 2,
                  let lon = numbers[0].numberValue, let lat = numbers[1].numberValue else {
                throw invalid("门前责任区的每个点应为 [经度, 纬度] (every position must be [lon, lat])")
            }
            points.append(Coordinate(lon: lon, lat: lat))
        }
        return points
    }

    private static func checkValid(_ points: [Coordinate]) throws(ShopFieldError) {
        if let bad = points.first(where: { !$0.isValid }) {
            throw invalid("门前责任区坐标超出范围 (frontage coordinate out of range): \(bad.lon) \(bad.lat)")
        }
    }

    private static func invalid(_ message: String) -> ShopFieldError {
        ShopFieldError(field: "frontage", code: "invalid_frontage", message: message)
    }
}
