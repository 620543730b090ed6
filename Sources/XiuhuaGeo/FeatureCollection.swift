import Foundation

/// A GeoJSON FeatureCollection of Polygon and MultiPolygon features, validated on the way in.
public struct FeatureCollection: Hashable, Sendable {
    public var features: [Feature]

    public init(features: [Feature]) {
        self.features = features
    }

    /// Decodes and validates a GeoJSON FeatureCollection.
    ///
    /// Every position, ring and geometry is checked; the first problem found is thrown as a
    /// `GeoJSONError` naming the feature. Positions may carry a third number (altitude),
    /// which is ignored. Ring orientation is not enforced, as RFC 7946 asks of readers.
    public init(geoJSON data: Data) throws(GeoJSONError) {
        let root: JSONValue
        do {
            root = try JSONParser.parse([UInt8](data))
        } catch {
            throw GeoJSONError(problem: .malformedJSON(error.message))
        }
        self.init(features: try GeoJSONReader.features(in: root))
    }

    /// The collection as a GeoJSON FeatureCollection object.
    public var geoJSON: JSONValue {
        .object(["type": .string("FeatureCollection"), "features": .array(features.map(\.geoJSON))])
    }

    /// Compact UTF-8 GeoJSON text with sorted keys: the same collection always gives the same bytes.
    public func geoJSONData() -> Data {
        Data(JSONWriter.serialize(geoJSON).utf8)
    }
}
