/// Where a problem is. The caller resolves the region codes from the position.
public struct CaseLocation: Hashable, Sendable, Codable {
    /// WGS-84 latitude, when known.
    public var latitude: Double?
    /// WGS-84 longitude, when known.
    public var longitude: Double?
    /// Address as the reporter or the geocoder gave it.
    public var address: String
    /// Unit grid code (单元网格).
    public var gridCode: String?
    /// Community code (社区/村).
    public var communityCode: String?
    /// Street code (街道/乡镇).
    public var streetCode: String?

    /// Creates a location.
    public init(
        latitude: Double? = nil,
        longitude: Double? = nil,
        address: String,
        gridCode: String? = nil,
        communityCode: String? = nil,
        streetCode: String? = nil
    ) {
        self.latitude = latitude
        self.longitude = longitude
        self.address = address
        self.gridCode = gridCode
        self.communityCode = communityCode
        self.streetCode = streetCode
    }

    /// True when both coordinates are present.
    public var hasPosition: Bool { latitude != nil && longitude != nil }

    /// True when the coordinates, if present, lie on the globe.
    var hasValidPosition: Bool {
        if let latitude, !(-90...90).contains(latitude) { return false }
        if let longitude, !(-180...180).contains(longitude) { return false }
        return true
    }
}
