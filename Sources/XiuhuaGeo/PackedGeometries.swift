/// Geometries flattened into a few contiguous arrays for fast, allocation-free containment tests.
///
/// Geometry `g` owns polygons `polygonStart[g]..<polygonStart[g+1]`, polygon `p` owns rings
/// `ringStart[p]..<ringStart[p+1]` (exterior first), ring `r` owns points
/// `pointStart[r]..<pointStart[r+1]`, stored as interleaved lon/lat in `coordinates`.
struct PackedGeometries: Sendable {
    private(set) var boxes: [BoundingBox?] = []
    private var polygonStart: [Int32] = [0]
    private var ringStart: [Int32] = [0]
    private var pointStart: [Int32] = [0]
    private var coordinates: [Double] = []

    init(_ geometries: [Geometry]) {
        boxes.reserveCapacity(geometries.count)
        polygonStart.reserveCapacity(geometries.count + 1)
        for geometry in geometries {
            boxes.append(geometry.boundingBox)
            for polygon in geometry.polygons {
                for ring in polygon.rings {
                    for vertex in ring.vertices {
                        coordinates.append(vertex.lon)
                        coordinates.append(vertex.lat)
                    }
                    pointStart.append(Int32(coordinates.count / 2))
                }
                ringStart.append(Int32(pointStart.count - 1))
            }
            polygonStart.append(Int32(ringStart.count - 1))
        }
    }

    var count: Int { boxes.count }

    /// Same answer as `Geometry.contains` for geometry `g`, bit for bit.
    @inline(__always)
    func contains(geometry g: Int, x: Double, y: Double) -> Bool {
        guard let box = boxes[g], x >= box.minLon, x <= box.maxLon, y >= box.minLat, y <= box.maxLat else {
            return false
        }
        for p in Int(polygonStart[g])..<Int(polygonStart[g + 1]) {
            let firstRing = Int(ringStart[p])
            switch classify(ring: firstRing, x: x, y: y) {
            case .boundary: return true
            case .outside: continue
            case .inside:
                var inHole = false
                for hole in (firstRing + 1)..<Int(ringStart[p + 1]) where classify(ring: hole, x: x, y: y) == .inside {
                    inHole = true
                    break
                }
                if !inHole { return true }
            }
        }
        return false
    }

    @inline(__always)
    private func classify(ring r: Int, x: Double, y: Double) -> RingSide {
        let start = Int(pointStart[r]), end = Int(pointStart[r + 1])
        guard start < end else { return .outside }
        var inside = false
        var ax = coordinates[2 * (end - 1)], ay = coordinates[2 * (end - 1) + 1]
        for i in start..<end {
            let bx = coordinates[2 * i], by = coordinates[2 * i + 1]
            switch EdgeCrossing.classify(ax: ax, ay: ay, bx: bx, by: by, px: x, py: y) {
            case .onEdge: return .boundary
            case .crossesRay: inside.toggle()
            case .neither: break
            }
            ax = bx
            ay = by
        }
        return inside ? .inside : .outside
    }
}
