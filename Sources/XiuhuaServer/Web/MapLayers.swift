import Foundation
import Hummingbird
import Xiuhua
import XiuhuaGeo

/// The map's data as GeoJSON, for the pages' own map script: street and community
/// outlines (traced from the grid cells when the import gave none) and the grid cells of
/// an area. Everything comes from this server, so the map works without the internet.
actor MapLayers {
    let services: XiuhuaServices
    /// Made once per level and sent as the same bytes to every map: the outlines do not
    /// change while the server runs.
    private var outlines: [RegionLevel: ByteBuffer] = [:]

    init(services: XiuhuaServices) {
        self.services = services
    }

    /// At most this many cells in one answer; the script asks for cells only when zoomed in.
    static let cellLimit = 3000

    nonisolated func add(to group: RouterGroup<XiuhuaRequestContext>) {
        group.get("/map/outlines.geojson") { request, _ in
            let level = request.uri.queryParameters["level"] == "community" ? RegionLevel.community : .street
            return Self.geoJSON(await self.outline(level), cache: true)
        }
        group.get("/map/cells.geojson") { request, _ in try await self.cells(request) }
    }

    func outline(_ level: RegionLevel) -> ByteBuffer {
        if let body = outlines[level] { return body }
        var cellsByRegion: [String: [Polygon]] = [:]
        var given: [String: Geometry] = [:]
        let tree = services.regions
        for feature in services.features {
            if feature.region.level == level, let geometry = feature.geometry { given[feature.region.code] = geometry }
            guard feature.region.level == .grid, let geometry = feature.geometry,
                  let owner = tree?.ancestor(of: feature.region.code, at: level) else { continue }
            cellsByRegion[owner.code, default: []].append(contentsOf: geometry.polygons)
        }
        let regions = tree?.regions(at: level) ?? []
        let features = regions.compactMap { region -> JSONValue? in
            guard let geometry = given[region.code] ?? cellsByRegion[region.code].flatMap(TiledOutline.of) else { return nil }
            return Self.feature(region, geometry, extra: [:])
        }
        let body = ByteBuffer(string: JSONValue.object(["type": .string("FeatureCollection"), "features": .array(features)]).jsonText)
        outlines[level] = body
        return body
    }

    /// `?bbox=west,south,east,north`, `?around=lat,lon` (about 2 km × 1.3 km), or
    /// `?open=1` (the cells with open cases, each with its count).
    nonisolated func cells(_ request: Request) async throws -> Response {
        let query = request.uri.queryParameters
        var counts: [String: Int]? = nil
        var box: BoundingBox?
        if query["open"] != nil {
            counts = try await services.store.caseCounts(at: services.now()).openByGrid
        } else if let text = query["bbox"].map(String.init) {
            let numbers = text.split(separator: ",").compactMap { Double($0) }
            guard numbers.count == 4, numbers.allSatisfy(\.isFinite) else {
                throw APIError.badRequest("invalid_bbox", "bbox 应为 west,south,east,north 四个数 (four numbers)")
            }
            box = BoundingBox(minLon: numbers[0], minLat: numbers[1], maxLon: numbers[2], maxLat: numbers[3])
        } else if let text = query["around"].map(String.init) {
            let numbers = text.split(separator: ",").compactMap { Double($0) }
            guard numbers.count == 2 else { throw APIError.badRequest("invalid_around", "around 应为 lat,lon") }
            box = BoundingBox(minLon: numbers[1] - 0.012, minLat: numbers[0] - 0.006, maxLon: numbers[1] + 0.012, maxLat: numbers[0] + 0.006)
        } else {
            throw APIError.badRequest("missing_area", "需要 bbox、around 或 open 参数 (bbox, around or open is required)")
        }
        var features: [JSONValue] = []
        var truncated = false
        for feature in services.features where feature.region.level == .grid {
            guard let geometry = feature.geometry else { continue }
            var extra: [String: JSONValue] = [:]
            if let counts {
                guard let count = counts[feature.region.code] else { continue }
                extra["open"] = .number(Double(count))
            } else if let box, let cellBox = geometry.boundingBox {
                guard cellBox.minLon <= box.maxLon, cellBox.maxLon >= box.minLon, cellBox.minLat <= box.maxLat, cellBox.maxLat >= box.minLat else { continue }
            }
            if features.count == Self.cellLimit { truncated = true; break }
            features.append(Self.feature(feature.region, geometry, extra: extra))
        }
        return Self.geoJSON(JSONValue.object([
            "type": .string("FeatureCollection"), "features": .array(features), "truncated": .bool(truncated),
        ]).jsonText, cache: false)
    }

    static func feature(_ region: Region, _ geometry: Geometry, extra: [String: JSONValue]) -> JSONValue {
        var properties: [String: JSONValue] = ["code": .string(region.code), "name": .string(region.name), "level": .string(region.level.rawValue)]
        properties.merge(extra) { $1 }
        return Feature(index: 0, properties: properties, geometry: geometry).geoJSON
    }

    static func geoJSON(_ text: String, cache: Bool) -> Response {
        geoJSON(ByteBuffer(string: text), cache: cache)
    }

    static func geoJSON(_ body: ByteBuffer, cache: Bool) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "application/geo+json; charset=utf-8", .cacheControl: cache ? "public, max-age=3600" : "no-store"],
            body: .init(byteBuffer: body)
        )
    }
}
