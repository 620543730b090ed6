extension Geometry {
    /// The geometry as a GeoJSON geometry object (rings closed, exterior first), ready to
    /// embed in an API response or to serialize for a browser map.
    public var geoJSON: JSONValue {
        switch self {
        case .polygon(let polygon):
            .object(["type": .string("Polygon"), "coordinates": Self.coordinates(of: polygon)])
        case .multiPolygon(let polygons):
            .object(["type": .string("MultiPolygon"), "coordinates": .array(polygons.map(Self.coordinates(of:)))])
        }
    }

    private static func coordinates(of polygon: Polygon) -> JSONValue {
        .array(polygon.rings.map { ring in
            .array(ring.closedCoordinates.map { .array([.number($0.lon), .number($0.lat)]) })
        })
    }
}

extension Geometry {
    /// The geometry as compact GeoJSON text, as the store keeps it.
    public var geoJSONText: String { JSONWriter.serialize(geoJSON) }

    /// Reads a GeoJSON Polygon or MultiPolygon geometry object, with the same checks as a
    /// feature in a collection.
    public init(geoJSONText text: String) throws(GeoJSONError) {
        let root: JSONValue
        do {
            root = try JSONParser.parse(Array(text.utf8))
        } catch {
            throw GeoJSONError(problem: .malformedJSON(error.message))
        }
        let feature = JSONValue.object(["type": .string("Feature"), "geometry": root])
        let collection = JSONValue.object(["type": .string("FeatureCollection"), "features": .array([feature])])
        self = try GeoJSONReader.features(in: collection)[0].geometry
    }
}
