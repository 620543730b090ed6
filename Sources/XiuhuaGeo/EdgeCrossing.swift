/// How one polygon edge relates to a query point for the crossing-number test.
///
/// `Geometry.contains` and `SpatialIndex` both go through `classify`, so the index can never
/// disagree with a brute-force scan.
enum EdgeCrossing {
    /// The point lies on the edge (vertices included).
    case onEdge
    /// The edge crosses the horizontal ray running east from the point.
    case crossesRay
    case neither

    /// Classifies edge (ax, ay)–(bx, by) against point (px, py).
    ///
    /// The orientation is computed with the endpoints in a canonical order, so two polygons
    /// sharing this edge (traversed in opposite directions) get bit-identical answers. That is
    /// what makes adjacent cells tile exactly: a point is never in neither and never in both,
    /// except when it is exactly on the shared edge.
    @inline(__always)
    static func classify(ax: Double, ay: Double, bx: Double, by: Double, px: Double, py: Double) -> EdgeCrossing {
        let aFirst = ay < by || (ay == by && ax <= bx)
        let lox = aFirst ? ax : bx, loy = aFirst ? ay : by
        let hix = aFirst ? bx : ax, hiy = aFirst ? by : ay
        // Cheap rejection before the multiply: the edge is wholly above, below or west of the point.
        if py < loy || py > hiy { return .neither }
        if px > lox && px > hix { return .neither }
        let orientation = (hix - lox) * (py - loy) - (hiy - loy) * (px - lox)
        if orientation == 0 {
            let withinX = px >= Swift.min(lox, hix) && px <= Swift.max(lox, hix)
            if withinX { return .onEdge }
        }
        // Half-open in latitude (lower end included) so a ray through a vertex counts once.
        if py >= loy && py < hiy && orientation > 0 { return .crossesRay }
        return .neither
    }
}
