import Foundation
import Hummingbird
import Xiuhua
import XiuhuaGeo

/// `GET /api/v1/regions`: the territorial tree (filters `level`, `parent`), and with
/// `format=geojson` the outlines as a GeoJSON FeatureCollection for a map.
struct RegionRoutes {
    let services: XiuhuaServices
    /// The GeoJSON answers by filter: the outlines do not change while the server runs.
    let geoJSON = GeoJSONCache()

    struct RegionItem: Codable {
        let code: String
        let name: String
        let level: String
        let levelName: String
        let parentCode: String?
        let children: Int
    }

    struct RegionList: ResponseCodable {
        let district: RegionItem?
        let total: Int
        let items: [RegionItem]
    }

    func add(to router: Router<XiuhuaRequestContext>) {
        router.get("/api/v1/regions") { request, _ in try list(request) }
    }

    func list(_ request: Request) throws -> Response {
        let query = request.uri.queryParameters
        var level: RegionLevel?
        if let text = query["level"].map(String.init) {
            guard let parsed = RegionLevel(word: text) else {
                throw APIError.badRequest("invalid_level", "未知的层级 level (unknown level): \(text) — use district, street, community or grid")
            }
            level = parsed
        }
        let parent = query["parent"].map(String.init)
        guard let tree = services.regions else {
            return try json(RegionList(district: nil, total: 0, items: []))
        }
        if let parent, tree[parent] == nil {
            throw APIError.notFound("unknown_region", "没有编码为 \(parent) 的区域 (no region with this code)")
        }
        let selected = { services.features.filter { feature in
            (level == nil || feature.region.level == level) && (parent == nil || feature.region.parentCode == parent)
        } }
        if query["format"] == "geojson" {
            // Keyed by the parsed filter, so `level=street` and `level=街道` share one answer.
            let body = geoJSON.answer("\(level?.rawValue ?? "*")|\(parent ?? "*")") {
                let features = selected().compactMap { feature -> JSONValue? in
                    guard let geometry = feature.geometry else { return nil }
                    let region = feature.region
                    return Feature(index: 0, properties: [
                        "code": .string(region.code), "name": .string(region.name), "level": .string(region.level.rawValue),
                        "parent_code": region.parentCode.map(JSONValue.string) ?? .null,
                    ], geometry: geometry).geoJSON
                }
                return JSONValue.object(["type": .string("FeatureCollection"), "features": .array(features)]).jsonText
            }
            return Response(status: .ok, headers: [.contentType: "application/geo+json; charset=utf-8"], body: .init(byteBuffer: body))
        }
        let items = selected().map { item(for: $0.region, in: tree) }
        return try json(RegionList(district: item(for: tree.district, in: tree), total: items.count, items: items))
    }

    private func item(for region: Region, in tree: RegionTree) -> RegionItem {
        RegionItem(
            code: region.code, name: region.name, level: region.level.rawValue, levelName: region.level.label,
            parentCode: region.parentCode, children: tree.children(of: region.code).count
        )
    }
}
