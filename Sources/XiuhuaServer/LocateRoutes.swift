import Hummingbird
import Xiuhua
import XiuhuaGeo

/// `GET /api/v1/locate?lat=..&lon=..[&crs=gcj02]`: which grid cell, community and street
/// a point lies in.
struct LocateRoutes {
    let services: XiuhuaServices

    struct RegionRef: Codable {
        let code: String
        let name: String
    }

    struct Located: ResponseCodable {
        let grid: RegionRef
        let community: RegionRef
        let street: RegionRef
        let district: RegionRef
        /// The point as stored, in WGS-84.
        let lat: Double
        let lon: Double
    }

    func add(to router: Router<XiuhuaRequestContext>) {
        router.get("/api/v1/locate") { request, _ in try locate(request) }
    }

    func locate(_ request: Request) throws -> Located {
        let query = request.uri.queryParameters
        let point = try Self.coordinate(lat: query["lat"].map(String.init), lon: query["lon"].map(String.init), crs: query["crs"].map(String.init))
        guard let regions = services.regions else {
            throw APIError.notFound("no_district", "尚未导入辖区 (no district has been imported yet)")
        }
        guard let gridCode = services.gridIndex.locate(point), let grid = regions[gridCode],
              let community = regions.ancestor(of: gridCode, at: .community),
              let street = regions.ancestor(of: gridCode, at: .street)
        else {
            throw APIError.notFound(
                "outside_district",
                "该位置不在\(regions.district.name)辖区内 (the point lies outside the district): lat \(point.lat), lon \(point.lon)"
            )
        }
        func ref(_ region: Region) -> RegionRef { RegionRef(code: region.code, name: region.name) }
        return Located(
            grid: ref(grid), community: ref(community), street: ref(street), district: ref(regions.district),
            lat: point.lat, lon: point.lon
        )
    }

    /// Reads a WGS-84 point from query text, converting GCJ-02 (高德/腾讯) when asked.
    static func coordinate(lat: String?, lon: String?, crs: String?) throws -> Coordinate {
        guard let latText = lat, let lonText = lon else {
            throw APIError.badRequest("missing_coordinates", "需要 lat 和 lon 参数 (lat and lon are required)")
        }
        return try coordinate(lat: Double(latText), lon: Double(lonText), crs: crs, latText: latText, lonText: lonText)
    }

    /// The same for numbers already read (a report's body); nil is not a number.
    static func coordinate(lat: Double?, lon: Double?, crs: String?, latText: String? = nil, lonText: String? = nil) throws -> Coordinate {
        guard let latValue = lat, latValue.isFinite, (-90...90).contains(latValue) else {
            throw APIError.badRequest("invalid_lat", "纬度 lat 应为 -90 到 90 之间的数字 (lat must be a number in -90…90): \(latText ?? lat.map { "\($0)" } ?? "")")
        }
        guard let lonValue = lon, lonValue.isFinite, (-180...180).contains(lonValue) else {
            throw APIError.badRequest("invalid_lon", "经度 lon 应为 -180 到 180 之间的数字 (lon must be a number in -180…180): \(lonText ?? lon.map { "\($0)" } ?? "")")
        }
        let point = Coordinate(lon: lonValue, lat: latValue)
        switch crs?.lowercased() {
        case nil, "", "wgs84", "wgs-84", "epsg:4326": return point
        case "gcj02", "gcj-02": return ChinaCoordinates.gcj02ToWGS84(point)
        default:
            throw APIError.badRequest("invalid_crs", "不支持的坐标系 crs (unsupported crs): \(crs ?? "") — use wgs84 or gcj02")
        }
    }
}
