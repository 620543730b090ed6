import Foundation
import XiuhuaGeo

/// Named places of the district with a point each, so that a report that gives only an
/// address (Open311 `address_string`, a caller's "红旗里社区门口") can still be located.
///
/// An address is located by the longest place name it contains; an address that names no
/// known place is not located, never guessed. The district keeps its own list in a file
/// (`--gazetteer FILE`), one place a line: name, latitude, longitude (WGS-84), separated
/// by tabs; blank lines and `#` comments are skipped. Street and community names are known
/// without a file: each stands for a point inside its first grid cell.
public struct Gazetteer: Sendable {
    public struct Place: Hashable, Sendable {
        public let name: String
        public let point: Coordinate
    }

    /// Longest name first, so 红旗里社区 wins over 红旗.
    public let places: [Place]

    public init(_ places: [Place]) {
        var seen = Set<String>()
        self.places = places.filter { seen.insert($0.name).inserted }
            .sorted { ($0.name.count, $0.name) > ($1.name.count, $1.name) }
    }

    /// The place whose name `address` contains, the longest such name; nil when none.
    public func locate(_ address: String) -> Place? {
        let text = address.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        return places.first { text.contains($0.name) }
    }

    /// Reads the text form (name, tab, latitude, tab, longitude).
    public static func parse(_ text: String) throws(GazetteerError) -> [Place] {
        var places: [Place] = []
        for (index, raw) in text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let fields = line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == 3, !fields[0].isEmpty, let lat = Double(fields[1]), let lon = Double(fields[2]),
                  Coordinate(lon: lon, lat: lat).isValid else {
                throw GazetteerError(line: index + 1, text: String(raw))
            }
            places.append(Place(name: fields[0], point: Coordinate(lon: lon, lat: lat)))
        }
        return places
    }

    /// A point inside the first grid cell of every street and community (and the district
    /// itself is left out: it names no place precise enough to send a grid worker to).
    public static func regionPlaces(_ tree: RegionTree, features: [RegionFeature], contains: (Coordinate) -> String?) -> [Place] {
        let geometries = Dictionary(features.compactMap { f in f.geometry.map { (f.region.code, $0) } }, uniquingKeysWith: { a, _ in a })
        func firstGrid(under code: String) -> Region? {
            var region = tree[code]
            while let current = region, current.level != .grid {
                region = tree.children(of: current.code).first
            }
            return region
        }
        return (tree.regions(at: .street) + tree.regions(at: .community)).compactMap { region in
            guard let grid = firstGrid(under: region.code), let geometry = geometries[grid.code],
                  let centre = geometry.polygons.first?.boundingBox?.centre, contains(centre) == grid.code else { return nil }
            return Place(name: region.name, point: centre)
        }
    }
}

public struct GazetteerError: Error, Sendable, CustomStringConvertible {
    public let line: Int
    public let text: String

    public var description: String {
        "地名文件第 \(line) 行应为 名称<TAB>纬度<TAB>经度 (gazetteer line \(line) must be name, tab, lat, tab, lon): \(text)"
    }
}
