import Xiuhua
import XiuhuaGeo

/// The demo district, generated once for all demo suites.
enum DemoFixture {
    static let features: [RegionFeature] = DemoDistrict.regions()
    static let regions: [Region] = features.map(\.region)
    /// Grid cells in generation order, with their outlines.
    static let cells: [(code: String, geometry: Geometry)] = features.compactMap { feature in
        guard feature.region.level == .grid, let geometry = feature.geometry else { return nil }
        return (feature.region.code, geometry)
    }
}
