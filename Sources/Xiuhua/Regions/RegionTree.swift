/// The whole territorial tree of one district, validated: exactly one district, every
/// other region under a parent of the level just above, codes following the 15-digit rule.
public struct RegionTree: Sendable {
    public let district: Region
    private let byCode: [String: Region]
    private let childrenByCode: [String: [Region]]

    /// Builds and checks a tree. The error names the first offending region.
    public init(_ regions: [Region]) throws(RegionTreeError) {
        var byCode: [String: Region] = [:]
        for region in regions {
            if byCode[region.code] != nil {
                throw RegionTreeError(region: region, problem: "编码重复：“\(region.code)”出现不止一次")
            }
            if region.name.trimmingCharacters(in: .whitespaces).isEmpty {
                throw RegionTreeError(region: region, problem: "名称为空")
            }
            byCode[region.code] = region
        }
        let districts = regions.filter { $0.level == .district }
        guard districts.count == 1, let district = districts.first else {
            throw RegionTreeError(region: districts.dropFirst().first, problem: "应恰有一个区（district），实际有\(districts.count)个")
        }
        var children: [String: [Region]] = [:]
        for region in regions {
            if let problem = RegionCode.problem(with: region.code, level: region.level, parentCode: region.parentCode) {
                throw RegionTreeError(region: region, problem: problem)
            }
            guard let expectedParent = region.level.parent else { continue }
            guard let parentCode = region.parentCode, let parent = byCode[parentCode] else {
                throw RegionTreeError(region: region, problem: "上级编码“\(region.parentCode ?? "")”不存在")
            }
            guard parent.level == expectedParent else {
                throw RegionTreeError(
                    region: region,
                    problem: "上级“\(parent.code)”是\(parent.level.label)，\(region.level.label)的上级应为\(expectedParent.label)"
                )
            }
            children[parentCode, default: []].append(region)
        }
        self.district = district
        self.byCode = byCode
        self.childrenByCode = children.mapValues { $0.sorted { $0.code < $1.code } }
    }

    public subscript(code: String) -> Region? { byCode[code] }

    public func children(of code: String) -> [Region] { childrenByCode[code] ?? [] }

    /// All regions of one level, ordered by code.
    public func regions(at level: RegionLevel) -> [Region] {
        byCode.values.filter { $0.level == level }.sorted { $0.code < $1.code }
    }

    /// The region and its ancestors, from the district down to `code`.
    public func path(to code: String) -> [Region] {
        var path: [Region] = []
        var next = byCode[code]
        while let region = next {
            path.insert(region, at: 0)
            next = region.parentCode.flatMap { byCode[$0] }
        }
        return path
    }

    /// The enclosing region at `level` (the region itself when it is at that level).
    public func ancestor(of code: String, at level: RegionLevel) -> Region? {
        // Walks up without building the path: asked twice for every report taken in.
        var found: Region?
        var next = byCode[code]
        while let region = next {
            if region.level == level { found = region }
            next = region.parentCode.flatMap { byCode[$0] }
        }
        return found
    }

    public var count: Int { byCode.count }

    public func count(at level: RegionLevel) -> Int { byCode.values.reduce(0) { $0 + ($1.level == level ? 1 : 0) } }
}

/// A region tree that does not hold together, naming the region at fault.
public struct RegionTreeError: Error, Sendable, CustomStringConvertible {
    public let region: Region?
    public let problem: String

    public var description: String {
        guard let region else { return problem }
        return "\(region.level.label)“\(region.name)”(\(region.code))：\(problem)"
    }
}
