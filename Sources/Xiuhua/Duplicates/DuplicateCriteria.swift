import Foundation

/// Which open cases may be the same problem as a new report (重复案件): same category,
/// within a radius of it, reported within a window before it.
///
/// The radius depends on the category: a stall blocking a pavement (占道经营) moves along
/// the street, a broken manhole cover does not. Districts set the radii in their
/// configuration; `standard` is 50 m and 7 days.
public struct DuplicateCriteria: Hashable, Sendable {
    /// Radius in metres for categories without their own.
    public var radiusMetres: Double
    /// Per-category radius in metres, by catalog code.
    public var categoryRadii: [String: Double]
    /// How far back an open case may have been reported.
    public var window: TimeInterval

    public init(radiusMetres: Double = 50, categoryRadii: [String: Double] = [:], window: TimeInterval = 7 * 24 * 3600) {
        self.radiusMetres = radiusMetres
        self.categoryRadii = categoryRadii
        self.window = window
    }

    public static let standard = DuplicateCriteria()

    /// The radius for `category`.
    public func radius(for category: String) -> Double {
        categoryRadii[category] ?? radiusMetres
    }

    /// The cases among `candidates` that may duplicate `subject`, nearest first (then
    /// oldest): open, another case, same category, reported in `[subject − window,
    /// subject]`, within the category's radius. A case without a position has none.
    public func duplicates(of subject: CaseSnapshot, among candidates: [CaseSnapshot]) -> [DuplicateCandidate] {
        guard let latitude = subject.location.latitude, let longitude = subject.location.longitude else { return [] }
        let radius = radius(for: subject.categoryCode)
        let earliest = subject.createdAt.addingTimeInterval(-window)
        return candidates.compactMap { other -> DuplicateCandidate? in
            guard other.number != subject.number, other.state.isOpen, other.categoryCode == subject.categoryCode,
                  other.createdAt >= earliest, other.createdAt <= subject.createdAt,
                  let lat = other.location.latitude, let lon = other.location.longitude else { return nil }
            let distance = Self.metres(from: (latitude, longitude), to: (lat, lon))
            guard distance <= radius else { return nil }
            return DuplicateCandidate(
                number: other.number, state: other.state, categoryCode: other.categoryCode,
                address: other.location.address, distanceMetres: distance, reportedAt: other.createdAt
            )
        }
        .sorted { ($0.distanceMetres, $0.reportedAt, $0.number) < ($1.distanceMetres, $1.reportedAt, $1.number) }
    }

    /// The latitude and longitude span around a point that contains every point within
    /// `metres`: what a store may pre-filter on before the exact distance.
    public static func box(around latitude: Double, _ longitude: Double, metres: Double) -> (latitudes: ClosedRange<Double>, longitudes: ClosedRange<Double>) {
        let dLat = metres / 111_000 * 1.01
        let cosine = max(0.01, cos(latitude * .pi / 180))
        let dLon = metres / (111_000 * cosine) * 1.01
        return ((latitude - dLat)...(latitude + dLat), (longitude - dLon)...(longitude + dLon))
    }

    /// Great-circle distance in metres (haversine on the mean Earth radius): within a few
    /// millimetres of the ellipsoid over the tens of metres that matter here.
    public static func metres(from a: (Double, Double), to b: (Double, Double)) -> Double {
        let radians = Double.pi / 180
        let dLat = (b.0 - a.0) * radians
        let dLon = (b.1 - a.1) * radians
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(a.0 * radians) * cos(b.0 * radians) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * 6_371_008.8 * asin(min(1, h.squareRoot()))
    }
}

/// An open case that may be the same problem as another.
public struct DuplicateCandidate: Hashable, Sendable {
    public var number: String
    public var state: CaseState
    public var categoryCode: String
    public var address: String
    public var distanceMetres: Double
    public var reportedAt: Date
}
