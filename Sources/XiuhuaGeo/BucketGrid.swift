/// A uniform grid over the extent of a set of boxes; each bucket lists, in input order,
/// the boxes that overlap it.
///
/// Buckets are sized from the median box, so a few huge geometries (a district outline
/// among grid cells) do not make every bucket coarse.
struct BucketGrid: Sendable {
    let extent: BoundingBox?
    private let columns: Int
    private let rows: Int
    private let columnsPerDegree: Double
    private let rowsPerDegree: Double
    /// Bucket `b` holds `items[bucketStart[b]..<bucketStart[b+1]]`.
    private let bucketStart: [Int32]
    private let items: [Int32]

    /// At most this many buckets per box on average, bounding memory for odd inputs.
    private static let maximumBucketsPerBox = 4

    init(boxes: [BoundingBox?]) {
        let present = boxes.compactMap { $0 }
        guard let first = present.first else {
            extent = nil
            columns = 1
            rows = 1
            columnsPerDegree = 0
            rowsPerDegree = 0
            bucketStart = [0, 0]
            items = []
            return
        }
        let extent = present.dropFirst().reduce(first) { $0.union($1) }
        self.extent = extent

        let medianWidth = Self.median(present.map(\.width))
        let medianHeight = Self.median(present.map(\.height))
        let fallback = Swift.max(extent.width, extent.height) / Double(present.count).squareRoot()
        var columns = Self.divisions(extent.width, by: medianWidth > 0 ? medianWidth : fallback)
        var rows = Self.divisions(extent.height, by: medianHeight > 0 ? medianHeight : fallback)
        let limit = Swift.max(16, Self.maximumBucketsPerBox * present.count)
        if Double(columns) * Double(rows) > Double(limit) {
            let shrink = (Double(columns) * Double(rows) / Double(limit)).squareRoot()
            columns = Swift.max(1, Int((Double(columns) / shrink).rounded(.down)))
            rows = Swift.max(1, Int((Double(rows) / shrink).rounded(.down)))
        }
        self.columns = columns
        self.rows = rows
        columnsPerDegree = extent.width > 0 ? Double(columns) / extent.width : 0
        rowsPerDegree = extent.height > 0 ? Double(rows) / extent.height : 0

        // Counting sort into buckets; walking boxes in order keeps each bucket in input order.
        var counts = [Int32](repeating: 0, count: columns * rows + 1)
        var spans: [(columns: ClosedRange<Int>, rows: ClosedRange<Int>)?] = []
        spans.reserveCapacity(boxes.count)
        for box in boxes {
            guard let box else {
                spans.append(nil)
                continue
            }
            let span = (
                columns: Self.index(box.minLon, extent.minLon, columnsPerDegree, columns)...Self.index(box.maxLon, extent.minLon, columnsPerDegree, columns),
                rows: Self.index(box.minLat, extent.minLat, rowsPerDegree, rows)...Self.index(box.maxLat, extent.minLat, rowsPerDegree, rows)
            )
            spans.append(span)
            for row in span.rows { for column in span.columns { counts[row * columns + column + 1] += 1 } }
        }
        for b in 1..<counts.count { counts[b] += counts[b - 1] }
        var next = counts
        var items = [Int32](repeating: 0, count: Int(counts[counts.count - 1]))
        for (i, span) in spans.enumerated() {
            guard let span else { continue }
            for row in span.rows {
                for column in span.columns {
                    let b = row * columns + column
                    items[Int(next[b])] = Int32(i)
                    next[b] += 1
                }
            }
        }
        bucketStart = counts
        self.items = items
    }

    /// Calls `body` with each box index that may contain the point, in input order, until
    /// `body` returns true; returns that index, or nil.
    @inline(__always)
    func first(atX x: Double, y: Double, where body: (Int) -> Bool) -> Int? {
        guard let extent, x >= extent.minLon, x <= extent.maxLon, y >= extent.minLat, y <= extent.maxLat else {
            return nil
        }
        let column = Self.index(x, extent.minLon, columnsPerDegree, columns)
        let row = Self.index(y, extent.minLat, rowsPerDegree, rows)
        let b = row * columns + column
        for k in Int(bucketStart[b])..<Int(bucketStart[b + 1]) {
            let candidate = Int(items[k])
            if body(candidate) { return candidate }
        }
        return nil
    }

    /// Indices of all boxes sharing a bucket with `box`, sorted and without repeats.
    func candidates(intersecting box: BoundingBox) -> [Int] {
        guard let extent, extent.intersects(box) else { return [] }
        let columnRange = Self.index(Swift.max(box.minLon, extent.minLon), extent.minLon, columnsPerDegree, columns)
            ... Self.index(Swift.min(box.maxLon, extent.maxLon), extent.minLon, columnsPerDegree, columns)
        let rowRange = Self.index(Swift.max(box.minLat, extent.minLat), extent.minLat, rowsPerDegree, rows)
            ... Self.index(Swift.min(box.maxLat, extent.maxLat), extent.minLat, rowsPerDegree, rows)
        var found: [Int] = []
        for row in rowRange {
            for column in columnRange {
                let b = row * columns + column
                for k in Int(bucketStart[b])..<Int(bucketStart[b + 1]) { found.append(Int(items[k])) }
            }
        }
        found.sort()
        var unique: [Int] = []
        unique.reserveCapacity(found.count)
        for i in found where unique.last != i { unique.append(i) }
        return unique
    }

    /// Bucket column (or row) of a value. Boxes and query points go through this same
    /// monotonic formula, so a point inside a box always lands in one of the box's buckets.
    @inline(__always)
    private static func index(_ value: Double, _ origin: Double, _ perDegree: Double, _ count: Int) -> Int {
        let raw = Int((value - origin) * perDegree)
        return raw < 0 ? 0 : (raw >= count ? count - 1 : raw)
    }

    private static func divisions(_ length: Double, by size: Double) -> Int {
        guard length > 0, size > 0 else { return 1 }
        return Swift.max(1, Swift.min(1 << 16, Int((length / size).rounded(.up))))
    }

    private static func median(_ values: [Double]) -> Double {
        values.sorted()[values.count / 2]
    }
}
