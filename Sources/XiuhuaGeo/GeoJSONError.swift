/// Why a GeoJSON document was refused, naming the feature and the place in it.
///
/// The description is meant for the administrator who uploaded the file, e.g.
/// `feature #12 (code "110101001001012"), polygon 0, ring 1: ring is not closed (first
/// position (116.4, 39.9) differs from last (116.41, 39.9))`.
public struct GeoJSONError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong, independent of where.
    public enum Problem: Hashable, Sendable {
        case malformedJSON(String)
        /// The top level is something else: names what was found.
        case notFeatureCollection(found: String)
        case featuresNotArray
        /// A member of `features` is not a GeoJSON Feature: names what was found.
        case notFeature(found: String)
        case propertiesNotObject
        case missingGeometry
        case geometryNotObject
        /// Point, LineString, GeometryCollection …, or an unknown type name.
        case unsupportedGeometryType(String)
        /// The `coordinates` member is missing or nested wrongly.
        case malformedCoordinates(String)
        case emptyGeometry
        case positionTooShort(count: Int)
        case notANumber
        case nonFiniteNumber
        case longitudeOutOfRange(Double)
        case latitudeOutOfRange(Double)
        case ringTooShort(count: Int)
        case ringNotClosed(first: Coordinate, last: Coordinate)
        case invalidID(String)
    }

    /// Position of the feature in `features`, or nil for a document-level problem.
    public var featureIndex: Int?
    /// The feature's id, or else its `properties.code` or `properties.name`, for messages.
    public var featureLabel: String?
    /// Where inside the feature, e.g. "polygon 0, ring 1, position 3"; nil when not applicable.
    public var location: String?
    public var problem: Problem

    public init(featureIndex: Int? = nil, featureLabel: String? = nil, location: String? = nil, problem: Problem) {
        self.featureIndex = featureIndex
        self.featureLabel = featureLabel
        self.location = location
        self.problem = problem
    }

    public var description: String {
        var subject = ""
        if let featureIndex {
            subject = "feature #\(featureIndex)"
            if let featureLabel { subject += " (\(featureLabel))" }
        }
        if let location { subject += subject.isEmpty ? location : ", \(location)" }
        return subject.isEmpty ? problemText : "\(subject): \(problemText)"
    }

    private var problemText: String {
        switch problem {
        case .malformedJSON(let detail): detail
        case .notFeatureCollection(let found): "not a GeoJSON FeatureCollection (found \(found))"
        case .featuresNotArray: "the FeatureCollection has no \"features\" array"
        case .notFeature(let found): "not a GeoJSON Feature (found \(found))"
        case .propertiesNotObject: "properties must be an object or null"
        case .missingGeometry: "missing geometry"
        case .geometryNotObject: "geometry is not a JSON object"
        case .unsupportedGeometryType(let type):
            "unsupported geometry type \(type) (only Polygon and MultiPolygon are accepted)"
        case .malformedCoordinates(let detail): "malformed coordinates: \(detail)"
        case .emptyGeometry: "geometry has no polygons"
        case .positionTooShort(let count): "position has \(count) number(s); at least 2 (longitude, latitude) are needed"
        case .notANumber: "position contains something that is not a number"
        case .nonFiniteNumber: "position contains a NaN or infinite number"
        case .longitudeOutOfRange(let value): "longitude \(value) is out of range (-180 to 180)"
        case .latitudeOutOfRange(let value): "latitude \(value) is out of range (-90 to 90)"
        case .ringTooShort(let count): "ring has \(count) position(s); at least 4 are needed (first repeated as last)"
        case .ringNotClosed(let first, let last):
            "ring is not closed (first position (\(first.lon), \(first.lat)) differs from last (\(last.lon), \(last.lat)))"
        case .invalidID(let found): "id must be a string or a number (found \(found))"
        }
    }
}
