import Foundation

/// Any bytes as a GeoJSON FeatureCollection and as a geometry: each reads or is refused
/// with a `GeoJSONError`, and what reads writes back to text that reads to the same value.
@_cdecl("LLVMFuzzerTestOneInput")
public func geoJSONFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    if let collection = try? FeatureCollection(geoJSON: bytes) {
        let again = try? FeatureCollection(geoJSON: collection.geoJSONData())
        precondition(again == collection, "a collection does not read back from its own GeoJSON")
    }
    if let geometry = try? Geometry(geoJSONText: String(decoding: bytes, as: UTF8.self)) {
        let again = try? Geometry(geoJSONText: geometry.geoJSONText)
        precondition(again == geometry, "a geometry does not read back from its own GeoJSON")
    }
    return 0
}
