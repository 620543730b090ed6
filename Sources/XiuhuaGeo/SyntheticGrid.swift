/// A reproducible grid of jittered cells that tile a rectangle exactly, for tests,
/// benchmarks and demo data.
///
/// Neighbouring cells share their vertices bit for bit, so there are no gaps and no overlaps.
/// The outer border stays straight; interior corners move by up to `jitter × cellSizeMetres`
/// in each direction, and optional extra vertices along each edge bend it sideways a little.
public struct SyntheticGrid: Sendable {
    public let origin: Coordinate
    public let columns: Int
    public let rows: Int
    public let cellSizeMetres: Double
    public let jitter: Double
    public let seed: UInt64
    public let extraVerticesPerEdge: Int
    /// Cells in row-major order: row 0 is the northernmost, column 0 the westernmost.
    public let cells: [Geometry]
    /// The rectangle the cells tile.
    public let boundingBox: BoundingBox

    /// Generates the grid.
    ///
    /// - Parameters:
    ///   - origin: the centre of the grid.
    ///   - jitter: corner displacement as a fraction of the cell size, in 0..<0.5; up to
    ///     about 0.3 keeps cells well shaped.
    ///   - extraVerticesPerEdge: vertices added along each cell edge, so a cell has
    ///     `4 × (extraVerticesPerEdge + 1)` vertices.
    public init(
        origin: Coordinate, columns: Int, rows: Int, cellSizeMetres: Double, jitter: Double,
        seed: UInt64, extraVerticesPerEdge: Int = 0
    ) {
        precondition(columns > 0 && rows > 0, "a grid needs at least one cell")
        precondition(cellSizeMetres > 0, "cell size must be positive")
        precondition((0..<0.5).contains(jitter), "jitter must be in 0..<0.5 so corners cannot cross")
        precondition(extraVerticesPerEdge >= 0, "extra vertices cannot be negative")
        self.origin = origin
        self.columns = columns
        self.rows = rows
        self.cellSizeMetres = cellSizeMetres
        self.jitter = jitter
        self.seed = seed
        self.extraVerticesPerEdge = extraVerticesPerEdge

        let projection = LocalProjection(origin: origin)
        var random = SplitMix64(seed: seed)
        let size = cellSizeMetres
        let halfWidth = Double(columns) * size / 2, halfHeight = Double(rows) * size / 2

        // Corner lattice: (rows + 1) × (columns + 1) points, in metres from the origin.
        var corners: [(x: Double, y: Double)] = []
        corners.reserveCapacity((rows + 1) * (columns + 1))
        for i in 0...rows {
            for j in 0...columns {
                let dx = random.next(in: -jitter, jitter) * size
                let dy = random.next(in: -jitter, jitter) * size
                let onWestOrEast = j == 0 || j == columns, onNorthOrSouth = i == 0 || i == rows
                corners.append((
                    x: Double(j) * size - halfWidth + (onWestOrEast ? 0 : dx),
                    y: halfHeight - Double(i) * size + (onNorthOrSouth ? 0 : dy)
                ))
            }
        }
        func corner(_ i: Int, _ j: Int) -> (x: Double, y: Double) { corners[i * (columns + 1) + j] }

        // Each edge's interior vertices are generated once and shared by both cells it separates.
        func edgeVertices(from a: (x: Double, y: Double), to b: (x: Double, y: Double), isBorder: Bool) -> [Coordinate] {
            let n = extraVerticesPerEdge
            let length = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
            let normal = (x: -(b.y - a.y) / length, y: (b.x - a.x) / length)
            return (0..<n).map { k in
                let t = Double(k + 1) / Double(n + 1)
                let sideways = isBorder ? 0 : random.next(in: -1, 1) * jitter * size / 4
                return projection.unproject(
                    x: a.x + t * (b.x - a.x) + sideways * normal.x, y: a.y + t * (b.y - a.y) + sideways * normal.y)
            }
        }
        // Horizontal edge (i, j) runs west→east from corner (i, j); vertical edge (i, j) runs north→south.
        var horizontal: [[Coordinate]] = []
        for i in 0...rows {
            for j in 0..<columns {
                horizontal.append(edgeVertices(from: corner(i, j), to: corner(i, j + 1), isBorder: i == 0 || i == rows))
            }
        }
        var vertical: [[Coordinate]] = []
        for i in 0..<rows {
            for j in 0...columns {
                vertical.append(edgeVertices(from: corner(i, j), to: corner(i + 1, j), isBorder: j == 0 || j == columns))
            }
        }
        let cornerCoordinates = corners.map { projection.unproject(x: $0.x, y: $0.y) }
        func cornerCoordinate(_ i: Int, _ j: Int) -> Coordinate { cornerCoordinates[i * (columns + 1) + j] }

        var cells: [Geometry] = []
        cells.reserveCapacity(rows * columns)
        for r in 0..<rows {
            for c in 0..<columns {
                // Counter-clockwise from the south-west corner, the GeoJSON exterior orientation.
                var ring: [Coordinate] = [cornerCoordinate(r + 1, c)]
                ring += horizontal[(r + 1) * columns + c]
                ring.append(cornerCoordinate(r + 1, c + 1))
                ring += vertical[r * (columns + 1) + c + 1].reversed()
                ring.append(cornerCoordinate(r, c + 1))
                ring += horizontal[r * columns + c].reversed()
                ring.append(cornerCoordinate(r, c))
                ring += vertical[r * (columns + 1) + c]
                cells.append(.polygon(Polygon(exterior: Ring(ring))))
            }
        }
        self.cells = cells
        boundingBox = BoundingBox(
            covering: [cornerCoordinate(rows, 0), cornerCoordinate(0, columns)])!
    }

    /// The cell at a row (0 = north) and column (0 = west).
    public func cell(row: Int, column: Int) -> Geometry {
        cells[row * columns + column]
    }
}
