/// A grid cell the simulator may place a report in, with its community and street.
public struct SimulationPlace: Hashable, Sendable {
    public var gridCode: String
    public var communityCode: String?
    public var streetCode: String?
    /// A readable place name for the address line.
    public var name: String
    public var latitude: Double
    public var longitude: Double

    public init(gridCode: String, communityCode: String?, streetCode: String?, name: String, latitude: Double, longitude: Double) {
        self.gridCode = gridCode
        self.communityCode = communityCode
        self.streetCode = streetCode
        self.name = name
        self.latitude = latitude
        self.longitude = longitude
    }
}
