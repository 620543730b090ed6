import Foundation
import Testing
import XiuhuaGeo

struct GeoJSONDecodingTests {
    /// A FeatureCollection whose only feature has the given geometry and extra members.
    func collection(geometry: String, feature extra: String = #""properties": {"code": "110101001001001"}"#) -> Data {
        Data(#"{"type": "FeatureCollection", "features": [{"type": "Feature", \#(extra), "geometry": \#(geometry)}]}"#.utf8)
    }

    func decodingError(_ data: Data) -> GeoJSONError? {
        do {
            _ = try FeatureCollection(geoJSON: data)
            return nil
        } catch {
            return error
        }
    }

    @Test("decodes polygons with holes and multipolygons, keeping index, id and properties")
    func decodesValid() throws {
        let text = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "id": "A-1",
               "properties": {"code": "110101001001001", "area": 1.5, "active": true, "note": null, "tags": ["x"]},
               "geometry": {"type": "Polygon", "coordinates": [
                 [[0,0],[10,0],[10,10],[0,10],[0,0]],
                 [[4,4],[6,4],[6,6],[4,6],[4,4]]]}},
              {"type": "Feature", "id": 7, "properties": null,
               "geometry": {"type": "MultiPolygon", "coordinates": [
                 [[[20,0,12.5],[21,0,12.5],[21,1,12.5],[20,1,12.5],[20,0,12.5]]],
                 [[[25,0],[26,0],[26,1],[25,1],[25,0]]]]}}
            ]}
            """
        let collection = try FeatureCollection(geoJSON: Data(text.utf8))
        #expect(collection.features.count == 2)
        let first = collection.features[0], second = collection.features[1]
        #expect(first.index == 0 && second.index == 1)
        #expect(first.id == .string("A-1") && second.id == .number(7))
        #expect(first.properties["code"] == .string("110101001001001"))
        #expect(first.properties["area"] == .number(1.5))
        #expect(first.properties["active"] == .bool(true))
        #expect(first.properties["note"] == .null)
        #expect(first.properties["tags"] == .array([.string("x")]))
        #expect(second.properties.isEmpty)
        guard case .polygon(let polygon) = first.geometry, case .multiPolygon(let parts) = second.geometry else {
            Issue.record("wrong geometry kinds")
            return
        }
        #expect(polygon.holes.count == 1 && polygon.exterior.vertices.count == 4)
        #expect(first.geometry.contains(Coordinate(lon: 5, lat: 5)) == false)
        #expect(parts.count == 2)
        #expect(second.geometry.contains(Coordinate(lon: 25.5, lat: 0.5)))
    }

    @Test("each kind of invalid geometry is refused with a message naming the feature and the problem")
    func refusesInvalidGeometry() {
        let cases: [(geometry: String, expected: [String])] = [
            (#"{"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1],[0,1]]]}"#, ["ring 0", "not closed"]),
            (#"{"type": "Polygon", "coordinates": [[[0,0],[1,0],[0,0]]]}"#, ["ring 0", "3 position", "at least 4"]),
            (#"{"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,NaN],[0,0]]]}"#, ["position 2", "NaN or infinite"]),
            (#"{"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1e999],[0,0]]]}"#, ["position 2", "NaN or infinite"]),
            (#"{"type": "Polygon", "coordinates": [[[0,0],[1,0],[-Infinity,1],[0,0]]]}"#, ["position 2", "NaN or infinite"]),
            (#"{"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,91],[0,0]]]}"#, ["position 2", "latitude 91", "out of range"]),
            (#"{"type": "Polygon", "coordinates": [[[0,0],[181,0],[1,1],[0,0]]]}"#, ["position 1", "longitude 181", "out of range"]),
            (#"{"type": "Polygon", "coordinates": [[[0,0],[1],[1,1],[0,0]]]}"#, ["position 1", "1 number", "at least 2"]),
            (#"{"type": "Polygon", "coordinates": [[[0,0],[1,"0"],[1,1],[0,0]]]}"#, ["position 1", "not a number"]),
            (#"{"type": "Point", "coordinates": [0,0]}"#, ["unsupported geometry type Point"]),
            (#"{"type": "LineString", "coordinates": [[0,0],[1,1]]}"#, ["unsupported geometry type LineString"]),
            (#"{"type": "GeometryCollection", "geometries": []}"#, ["unsupported geometry type GeometryCollection"]),
            ("null", ["missing geometry"]),
            (#"{"type": "MultiPolygon", "coordinates": []}"#, ["no polygons"]),
            (#"{"type": "Polygon", "coordinates": []}"#, ["exterior ring"]),
            (#"{"type": "MultiPolygon", "coordinates": [[[[0,0],[1,0],[1,1],[0,0]]], [[[0,0],[1,0],[1,1],[0,1]]]]}"#,
             ["polygon 1, ring 0", "not closed"]),
            (#"{"type": "Polygon", "coordinates": [[[0,0],[3,0],[3,3],[0,0]], [[1,1],[2,1],[2,2]]]}"#,
             ["ring 1 (hole)", "3 position"]),
        ]
        for (geometry, expected) in cases {
            let error = decodingError(collection(geometry: geometry))
            let message = error?.description ?? "(no error)"
            #expect(error?.featureIndex == 0, "\(geometry)")
            #expect(message.hasPrefix(#"feature #0 (code "110101001001001")"#), "\(message)")
            for fragment in expected {
                #expect(message.contains(fragment), "\(message) should mention \(fragment)")
            }
        }
    }

    @Test("a missing geometry member is refused, like a null one")
    func missingGeometryMember() {
        let data = Data(#"{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}}]}"#.utf8)
        #expect(decodingError(data)?.problem == .missingGeometry)
    }

    @Test("the error names the feature by id first, then properties.code, then properties.name, always with its index")
    func namesTheFeature() {
        let bad = #"{"type": "Point", "coordinates": [0,0]}"#
        let byID = decodingError(collection(geometry: bad, feature: #""id": "cell-9", "properties": {"code": "X"}"#))
        #expect(byID?.description.hasPrefix(#"feature #0 (id "cell-9")"#) == true)
        let byName = decodingError(collection(geometry: bad, feature: #""properties": {"name": "东华门街道"}"#))
        #expect(byName?.description.hasPrefix(#"feature #0 (name "东华门街道")"#) == true)
        let anonymous = decodingError(collection(geometry: bad, feature: #""properties": {}"#))
        #expect(anonymous?.description.hasPrefix("feature #0: unsupported geometry type Point") == true)

        let second = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1],[0,0]]]}},
              {"type": "Feature", "id": 42, "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1],[0,1]]]}}
            ]}
            """
        let error = decodingError(Data(second.utf8))
        #expect(error?.featureIndex == 1)
        #expect(error?.description.hasPrefix("feature #1 (id 42), ring 0 (exterior): ring is not closed") == true)
    }

    @Test("documents that are not a FeatureCollection, or not JSON at all, are refused in plain words")
    func refusesWrongDocuments() {
        let single = #"{"type": "Feature", "properties": {}, "geometry": null}"#
        #expect(decodingError(Data(single.utf8))?.description == "not a GeoJSON FeatureCollection (found type Feature)")
        #expect(decodingError(Data("[1, 2]".utf8))?.problem == .notFeatureCollection(found: "an array"))
        #expect(decodingError(Data(#"{"type": "FeatureCollection"}"#.utf8))?.problem == .featuresNotArray)
        let notFeature = #"{"type": "FeatureCollection", "features": [{"type": "Polygon", "coordinates": []}]}"#
        #expect(decodingError(Data(notFeature.utf8))?.description == "feature #0: not a GeoJSON Feature (found type Polygon)")

        let truncated = decodingError(Data(#"{"type": "FeatureCollection", "features": [{"#.utf8))
        #expect(truncated?.description.hasPrefix("malformed JSON at line 1") == true)
        let trailingComma = decodingError(Data("{\"type\": \"FeatureCollection\",\n \"features\": [1,]}".utf8))
        #expect(trailingComma?.description.hasPrefix("malformed JSON at line 2") == true)
        #expect(decodingError(Data([0xFF, 0xFE]))?.description.hasPrefix("malformed JSON") == true)
    }

    @Test("NaN or an overflowing number in properties is read as null, as it is written back; such an id is refused")
    func nonFiniteProperties() throws {
        let square = #""geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1],[0,0]]]}"#
        let text = #"{"type": "FeatureCollection", "features": [{"type": "Feature", "id": 1e300, "properties": {"population": NaN, "a": [1e8901234567890123456789, -0, {"b": -Infinity}]}, "#
            + square + "}]}"
        let collection = try FeatureCollection(geoJSON: Data(text.utf8))
        let feature = try #require(collection.features.first)
        #expect(feature.properties["population"] == .null)
        #expect(feature.properties["a"] == .array([.null, .number(0), .object(["b": .null])]))
        #expect(try FeatureCollection(geoJSON: collection.geoJSONData()) == collection, "an export reads back to the same features")

        for id in ["NaN", "1e999", "-Infinity"] {
            let withID = #"{"type": "FeatureCollection", "features": [{"type": "Feature", "id": \#(id), "# + square + "}]}"
            let error = try #require(throws: GeoJSONError.self) { try FeatureCollection(geoJSON: Data(withID.utf8)) }
            #expect(error.description.contains("id must be a string or a number (found a NaN or infinite number)"), "\(error)")
        }
    }

    @Test("string escapes, unicode and exponents are read as JSON specifies")
    func jsonDetails() throws {
        let text = #"""
            {"type": "FeatureCollection", "features": [{"type": "Feature",
              "properties": {"name": "\u4e1c\u534e\u95e8 \"A\"\n\ud83d\ude00", "big": 1.5E3, "neg": -0.25},
              "geometry": {"type": "Polygon", "coordinates": [[[0,0],[1e0,0],[1,1],[0,0]]]}}]}
            """#
        let feature = try FeatureCollection(geoJSON: Data(text.utf8)).features[0]
        #expect(feature.properties["name"] == .string("东华门 \"A\"\n😀"))
        #expect(feature.properties["big"] == .number(1500))
        #expect(feature.properties["neg"] == .number(-0.25))
    }
}
