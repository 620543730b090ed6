/// Turns a parsed JSON tree into validated features, naming the feature in every error.
enum GeoJSONReader {
    static func features(in root: JSONValue) throws(GeoJSONError) -> [Feature] {
        guard case .object(let members) = root, members["type"] == .string("FeatureCollection") else {
            throw GeoJSONError(problem: .notFeatureCollection(found: describeKind(root)))
        }
        guard case .array(let items)? = members["features"] else {
            throw GeoJSONError(problem: .featuresNotArray)
        }
        var features: [Feature] = []
        features.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            features.append(try feature(item, index: index))
        }
        return features
    }

    private static func feature(_ value: JSONValue, index: Int) throws(GeoJSONError) -> Feature {
        guard case .object(let members) = value, members["type"] == .string("Feature") else {
            throw GeoJSONError(featureIndex: index, problem: .notFeature(found: describeKind(value)))
        }
        var properties: [String: JSONValue] = [:]
        switch members["properties"] {
        // JSON cannot write NaN or infinity, so they are read as the null they are written
        // back as: what is kept is what an export gives.
        case .object(let object)?: properties = object.mapValues(finite)
        case nil, .null?: break
        default: throw GeoJSONError(featureIndex: index, problem: .propertiesNotObject)
        }
        var id: JSONValue?
        switch members["id"] {
        case let value? where value.stringValue != nil || value.numberValue?.isFinite == true: id = value
        case .number?: throw GeoJSONError(featureIndex: index, problem: .invalidID("a NaN or infinite number"))
        case nil, .null?: break
        case let other?: throw GeoJSONError(featureIndex: index, problem: .invalidID(describeKind(other)))
        }
        let context = Context(index: index, label: Feature.label(id: id, properties: properties))

        let geometryMembers: [String: JSONValue]
        switch members["geometry"] {
        case nil, .null?: throw context.error(.missingGeometry)
        case .object(let object)?: geometryMembers = object
        default: throw context.error(.geometryNotObject)
        }
        let geometry: Geometry
        switch geometryMembers["type"] {
        case .string("Polygon")?:
            geometry = .polygon(try polygon(geometryMembers["coordinates"], context: context, number: nil))
        case .string("MultiPolygon")?:
            guard case .array(let items)? = geometryMembers["coordinates"] else {
                throw context.error(.malformedCoordinates("MultiPolygon coordinates must be an array of polygons"))
            }
            guard !items.isEmpty else { throw context.error(.emptyGeometry) }
            var polygons: [Polygon] = []
            for (i, item) in items.enumerated() {
                polygons.append(try polygon(item, context: context, number: i))
            }
            geometry = .multiPolygon(polygons)
        case .string(let other)?:
            throw context.error(.unsupportedGeometryType(other))
        case let other:
            throw context.error(.unsupportedGeometryType(other.map { "\(describeKind($0)) as type" } ?? "(no type given)"))
        }
        return Feature(index: index, id: id, properties: properties, geometry: geometry)
    }

    /// Reads one polygon; `number` is its position within a MultiPolygon, nil for a Polygon.
    private static func polygon(_ value: JSONValue?, context: Context, number: Int?) throws(GeoJSONError) -> Polygon {
        let polygonPlace = number.map { "polygon \($0)" }
        guard case .array(let ringValues)? = value else {
            throw context.error(.malformedCoordinates("a polygon must be an array of rings"), at: polygonPlace)
        }
        guard !ringValues.isEmpty else {
            throw context.error(.malformedCoordinates("a polygon needs at least an exterior ring"), at: polygonPlace)
        }
        var rings: [Ring] = []
        for (r, ringValue) in ringValues.enumerated() {
            let ringPlace = "ring \(r)" + (r == 0 ? " (exterior)" : " (hole)")
            let place = polygonPlace.map { "\($0), \(ringPlace)" } ?? ringPlace
            rings.append(try ring(ringValue, context: context, place: place))
        }
        return Polygon(exterior: rings[0], holes: Array(rings.dropFirst()))
    }

    private static func ring(_ value: JSONValue, context: Context, place: String) throws(GeoJSONError) -> Ring {
        guard case .array(let positionValues) = value else {
            throw context.error(.malformedCoordinates("a ring must be an array of positions"), at: place)
        }
        var positions: [Coordinate] = []
        positions.reserveCapacity(positionValues.count)
        for (p, positionValue) in positionValues.enumerated() {
            positions.append(try position(positionValue, context: context, place: "\(place), position \(p)"))
        }
        guard positions.count >= 4 else { throw context.error(.ringTooShort(count: positions.count), at: place) }
        guard positions.first == positions.last else {
            throw context.error(.ringNotClosed(first: positions[0], last: positions[positions.count - 1]), at: place)
        }
        return Ring(positions)
    }

    private static func position(_ value: JSONValue, context: Context, place: String) throws(GeoJSONError) -> Coordinate {
        guard case .array(let numbers) = value else {
            throw context.error(.malformedCoordinates("a position must be an array of numbers"), at: place)
        }
        guard numbers.count >= 2 else { throw context.error(.positionTooShort(count: numbers.count), at: place) }
        var values: [Double] = []
        for number in numbers {
            guard case .number(let n) = number else { throw context.error(.notANumber, at: place) }
            guard n.isFinite else { throw context.error(.nonFiniteNumber, at: place) }
            values.append(n)
        }
        guard (-180...180).contains(values[0]) else { throw context.error(.longitudeOutOfRange(values[0]), at: place) }
        guard (-90...90).contains(values[1]) else { throw context.error(.latitudeOutOfRange(values[1]), at: place) }
        return Coordinate(lon: values[0], lat: values[1])
    }

    /// `value` with every NaN or infinite number in it made null.
    private static func finite(_ value: JSONValue) -> JSONValue {
        switch value {
        case .number(let number) where !number.isFinite: .null
        case .array(let items): .array(items.map(finite))
        case .object(let members): .object(members.mapValues(finite))
        case .number, .string, .bool, .null: value
        }
    }

    private static func describeKind(_ value: JSONValue) -> String {
        switch value {
        case .object(let members):
            if case .string(let type)? = members["type"] { return "type \(type)" }
            return "an object without a type"
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        }
    }

    /// The feature being read, so every error can name it.
    private struct Context {
        let index: Int
        let label: String?

        func error(_ problem: GeoJSONError.Problem, at location: String? = nil) -> GeoJSONError {
            GeoJSONError(featureIndex: index, featureLabel: label, location: location, problem: problem)
        }
    }
}
