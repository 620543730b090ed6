/// The places an account may read and act in: the whole district, some streets, some grid
/// cells, or nothing at all.
///
/// An account of a scoped role whose list is empty gets `nothing`, never the district: a
/// grid worker whose grids were not filled in must not see every resident (fail closed).
public enum Territory: Hashable, Sendable {
    case district
    case streets(Set<String>)
    case grids(Set<String>)
    case nothing

    /// True when a thing at `gridCode` in `streetCode` lies inside. A thing without a grid
    /// (a shop placed by street only) is outside every grid territory.
    public func contains(gridCode: String?, streetCode: String?) -> Bool {
        switch self {
        case .district: true
        case .streets(let streets): streetCode.map(streets.contains) ?? false
        case .grids(let grids): gridCode.map(grids.contains) ?? false
        case .nothing: false
        }
    }

    /// True when any of `areaCodes` (regions of any level, as a campaign covers) overlaps
    /// this territory: an area that is, contains or lies inside one of its streets or grids.
    public func overlaps(areaCodes: [String], in tree: RegionTree?) -> Bool {
        switch self {
        case .district: return true
        case .nothing: return false
        case .streets(let codes), .grids(let codes):
            guard let tree else { return areaCodes.contains(where: codes.contains) }
            return areaCodes.contains { area in
                codes.contains { code in
                    code == area || tree.path(to: code).contains { $0.code == area } || tree.path(to: area).contains { $0.code == code }
                }
            }
        }
    }
}
