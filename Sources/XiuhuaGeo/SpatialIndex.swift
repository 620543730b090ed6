/// Answers "which area is this point in?" for many polygons, fast and deterministically.
///
/// Built once from geometries in a chosen order. A point on a boundary shared by several
/// geometries resolves to the one that came first in that order, every time; a point outside
/// every geometry gives nil, never a nearby guess.
public struct SpatialIndex<ID: Sendable>: Sendable {
    private let ids: [ID]
    private let geometries: PackedGeometries
    private let grid: BucketGrid

    /// Builds the index. Order matters: it decides ties on shared edges and vertices.
    public init(_ entries: [(id: ID, geometry: Geometry)]) {
        ids = entries.map(\.id)
        geometries = PackedGeometries(entries.map(\.geometry))
        grid = BucketGrid(boxes: geometries.boxes)
    }

    /// Number of geometries indexed.
    public var count: Int { ids.count }

    /// The box around every indexed geometry, or nil when there are none.
    public var boundingBox: BoundingBox? { grid.extent }

    /// The id of the first geometry (in input order) containing the point, boundary included;
    /// nil when no geometry contains it.
    public func locate(_ c: Coordinate) -> ID? {
        locateIndex(c).map { ids[$0] }
    }

    /// Like `locate`, but returns the position of the geometry in the input.
    public func locateIndex(_ c: Coordinate) -> Int? {
        let x = c.lon, y = c.lat
        return grid.first(atX: x, y: y) { geometries.contains(geometry: $0, x: x, y: y) }
    }

    /// Ids of the geometries whose bounding boxes meet the box, in input order.
    ///
    /// A cheap prefilter (for map viewports or overlap checks): the geometries themselves
    /// may still miss the box.
    public func candidates(intersecting box: BoundingBox) -> [ID] {
        grid.candidates(intersecting: box).compactMap { i in
            geometries.boxes[i].flatMap { $0.intersects(box) ? ids[i] : nil }
        }
    }
}
