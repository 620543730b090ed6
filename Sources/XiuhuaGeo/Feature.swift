/// One area of a GeoJSON FeatureCollection: a geometry with its id and properties.
public struct Feature: Hashable, Sendable {
    /// Position in the collection's `features` array.
    public var index: Int
    /// The GeoJSON `id` (a string or number) when present.
    public var id: JSONValue?
    public var properties: [String: JSONValue]
    public var geometry: Geometry

    public init(index: Int, id: JSONValue? = nil, properties: [String: JSONValue] = [:], geometry: Geometry) {
        self.index = index
        self.id = id
        self.properties = properties
        self.geometry = geometry
    }

    /// How to name the feature to a person: its id, else `properties.code`, else
    /// `properties.name`, e.g. `code "110101001001012"`.
    public var label: String? {
        Self.label(id: id, properties: properties)
    }

    static func label(id: JSONValue?, properties: [String: JSONValue]) -> String? {
        if let id { return "id \(JSONWriter.serialize(id))" }
        for key in ["code", "name"] {
            if let value = properties[key], value != .null { return "\(key) \(JSONWriter.serialize(value))" }
        }
        return nil
    }

    /// The feature as a GeoJSON Feature object.
    public var geoJSON: JSONValue {
        var members: [String: JSONValue] = [
            "type": .string("Feature"),
            "properties": .object(properties),
            "geometry": geometry.geoJSON,
        ]
        if let id { members["id"] = id }
        return .object(members)
    }
}
