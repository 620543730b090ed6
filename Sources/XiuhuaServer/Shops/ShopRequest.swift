import Xiuhua
import XiuhuaGeo

/// The body of `POST /api/v1/shops` and `PUT /api/v1/shops/{id}`. Every field is read
/// leniently here and checked by the domain, so one answer lists every mistake.
struct ShopRequest: Decodable, Sendable {
    let name: String?
    let creditCode: String?
    let licence: String?
    let ownerName: String?
    let phone: String?
    let address: String?
    let lat: Double?
    let lon: Double?
    /// A GeoJSON LineString or Polygon.
    let frontage: JSONValue?
    /// `gcj02` when lat/lon and the frontage come from 高德/腾讯 maps.
    let crs: String?

    private enum CodingKeys: String, CodingKey {
        case name, licence, phone, address, lat, lon, frontage, crs
        case creditCode = "credit_code"
        case ownerName = "owner_name"
    }

    /// The request as domain input, converted to WGS-84.
    func input() throws -> ShopInput {
        let gcj: Bool
        switch crs?.lowercased() {
        case nil, "", "wgs84", "wgs-84": gcj = false
        case "gcj02", "gcj-02": gcj = true
        default: throw APIError.badRequest("invalid_crs", "不支持的坐标系 crs (unsupported crs): \(crs ?? "") — use wgs84 or gcj02")
        }
        func converted(_ point: Coordinate) -> Coordinate { gcj && point.isValid ? ChinaCoordinates.gcj02ToWGS84(point) : point }
        var input = ShopInput(
            name: name, creditCode: creditCode, licence: licence, ownerName: ownerName, phone: phone, address: address
        )
        if let lat, let lon { input.position = converted(Coordinate(lon: lon, lat: lat)) }
        if let frontage, frontage != .null {
            do {
                let read = try Frontage(geoJSON: frontage)
                switch read {
                case .line(let points): input.frontage = .line(points.map(converted))
                case .area(let points): input.frontage = .area(points.map(converted))
                }
            } catch {
                input.readErrors.append(error)
            }
        }
        return input
    }
}

/// The answer to input with field errors: 422 with every error by field.
struct ShopInputErrorBody: Encodable {
    let error: String
    let message: String
    let fields: [ShopFieldError]
}
