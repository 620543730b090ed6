import Foundation
import Testing
import XiuhuaGeo

struct GeoJSONEncodingTests {
    @Test("encoding then decoding a collection gives back the same features, holes and properties included")
    func roundTrip() throws {
        let grid = SyntheticGrid(
            origin: Coordinate(lon: 116.4, lat: 39.9), columns: 5, rows: 4, cellSizeMetres: 100, jitter: 0.3, seed: 8,
            extraVerticesPerEdge: 1)
        var features = grid.cells.enumerated().map { i, cell in
            Feature(
                index: i, id: i % 2 == 0 ? .string("cell-\(i)") : .number(Double(i)),
                properties: ["code": .string(String(110_101_001_001_000 + i)), "ratio": .number(0.1 * Double(i)),
                             "active": .bool(i % 3 == 0), "note": .null, "名称": .string("网格 \"\(i)\"\n")],
                geometry: cell)
        }
        features.append(Feature(index: features.count, geometry: .multiPolygon([
            Polygon(
                exterior: Shapes.rectangle(minLon: 0, minLat: 0, maxLon: 10, maxLat: 10),
                holes: [Shapes.rectangle(minLon: 4, minLat: 4, maxLon: 6, maxLat: 6)]),
            Polygon(exterior: Shapes.rectangle(minLon: 20, minLat: 0, maxLon: 21, maxLat: 1)),
        ])))
        let original = FeatureCollection(features: features)
        let data = original.geoJSONData()
        #expect(try FeatureCollection(geoJSON: data) == original)
        #expect(original.geoJSONData() == data)  // stable bytes
    }

    @Test("a geometry encodes as a standard GeoJSON object that Foundation can read: closed rings, exterior first")
    func geometryShape() throws {
        let geometry = Geometry.polygon(Polygon(
            exterior: Shapes.rectangle(minLon: 0, minLat: 0, maxLon: 2, maxLat: 2),
            holes: [Shapes.rectangle(minLon: 0.5, minLat: 0.5, maxLon: 1, maxLat: 1)]))
        let data = try JSONEncoder().encode(geometry.geoJSON)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(object?["type"] as? String == "Polygon")
        let rings = object?["coordinates"] as? [[[Double]]]
        #expect(rings?.count == 2)
        #expect(rings?[0].count == 5)
        #expect(rings?[0].first == rings?[0].last)
        #expect(rings?[1][1] == [1, 0.5])
    }

    @Test("whole numbers are written without a fractional part and keys are sorted")
    func compactText() {
        let feature = Feature(index: 0, id: .number(3), properties: ["b": .number(2), "a": .number(0.5)],
                              geometry: Shapes.square(lon: 1, lat: 2))
        let text = String(decoding: FeatureCollection(features: [feature]).geoJSONData(), as: UTF8.self)
        #expect(text == #"{"features":[{"geometry":{"coordinates":[[[1,2],[2,2],[2,3],[1,3],[1,2]]],"type":"Polygon"},"id":3,"properties":{"a":0.5,"b":2},"type":"Feature"}],"type":"FeatureCollection"}"#)
    }
}
