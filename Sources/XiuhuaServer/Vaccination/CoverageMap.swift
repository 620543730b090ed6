import Foundation
import Xiuhua
import XiuhuaGeo

/// The coverage map of the daily report: the grid cells with residents on the roster,
/// filled by doses per 100 people, drawn on the server as SVG so the printed report needs
/// no script and no tiles.
enum CoverageMap {
    /// Colour steps of doses per 100 people: below 50, 100, 150, 200, and above.
    static let steps: [(below: Double, colour: String)] = [
        (50, "#fde0dd"), (100, "#fcc5c0"), (150, "#fa9fb5"), (200, "#dd3497"), (.infinity, "#7a0177"),
    ]
    static let empty = "#eeeeee"
    static let width = 640.0
    static let cellLimit = 3000

    static func colour(_ per100: Double?) -> String {
        guard let per100 else { return empty }
        return steps.first { per100 < $0.below }?.colour ?? empty
    }

    /// The SVG of `grids` (per-grid coverage) over the cells' outlines, or nil when none
    /// has an outline.
    static func svg(_ grids: [Coverage], features: [RegionFeature]) -> String? {
        let wanted = Dictionary(grids.prefix(cellLimit).map { ($0.regionCode, $0) }, uniquingKeysWith: { first, _ in first })
        let cells = features.compactMap { feature -> (Region, Geometry, Coverage)? in
            guard let coverage = wanted[feature.region.code], let geometry = feature.geometry else { return nil }
            return (feature.region, geometry, coverage)
        }
        let boxes = cells.compactMap { $0.1.boundingBox }
        guard let minLon = boxes.map(\.minLon).min(), let maxLon = boxes.map(\.maxLon).max(),
              let minLat = boxes.map(\.minLat).min(), let maxLat = boxes.map(\.maxLat).max(), maxLon > minLon, maxLat > minLat
        else { return nil }
        // An equirectangular view scaled by the cosine of the middle latitude: true enough
        // in shape over a district.
        let xScale = cos((minLat + maxLat) / 2 * .pi / 180)
        let scale = width / ((maxLon - minLon) * xScale)
        let height = (maxLat - minLat) * scale
        func point(_ c: Coordinate) -> String {
            String(format: "%.1f,%.1f", (c.lon - minLon) * xScale * scale, (maxLat - c.lat) * scale)
        }
        let shapes = cells.map { region, geometry, coverage in
            let path = geometry.polygons.flatMap(\.rings).map { ring in
                "M" + ring.vertices.map(point).joined(separator: "L") + "Z"
            }.joined()
            let label = "\(region.name) \(coverage.dosesPer100.map { String(format: "%.2f", $0) } ?? "—")"
            return "<path d=\"\(path)\" fill=\"\(colour(coverage.dosesPer100))\"><title>\(label.htmlEscaped)</title></path>"
        }
        return "<svg class=\"coverage-map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height.rounded(.up)))\" "
            + "stroke=\"#555\" stroke-width=\"0.5\">\(shapes.joined())</svg>"
    }

    /// The legend under the map.
    static func legend() -> String {
        var lower = 0.0
        var items: [String] = []
        for step in steps {
            let range = step.below.isInfinite ? "≥ \(Int(lower))" : "\(Int(lower))–\(Int(step.below))"
            items.append("<span class=\"swatch\" style=\"background:\(step.colour)\"></span>\(range)")
            lower = step.below
        }
        return "<p class=\"legend\">" + items.joined(separator: "　") + "</p>"
    }
}
