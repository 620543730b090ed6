import XiuhuaGeo

/// A region with its outline. Grid cells always have one; streets and communities may.
public struct RegionFeature: Sendable {
    public var region: Region
    public var geometry: Geometry?

    public init(region: Region, geometry: Geometry?) {
        self.region = region
        self.geometry = geometry
    }
}
