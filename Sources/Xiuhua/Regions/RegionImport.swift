import XiuhuaGeo

/// Reads a district's regions from GeoJSON features.
///
/// Each feature's properties give `level` (district/street/community/grid, or 区/街道/社区/网格),
/// `code`, `name` and `parent` (also accepted: `parent_code`, `parentCode`). Every grid
/// cell needs a polygon. Either the whole file is good, or the first problem is reported
/// with the feature that has it and nothing is returned.
public enum RegionImport {
    public static func regions(from collection: FeatureCollection) throws(RegionImportError) -> [RegionFeature] {
        var features: [RegionFeature] = []
        var featureByCode: [String: Feature] = [:]
        for feature in collection.features {
            func text(_ keys: String...) -> String? {
                for key in keys {
                    if let value = feature.properties[key], value != .null {
                        let text = value.displayText.trimmingCharacters(in: .whitespaces)
                        if !text.isEmpty { return text }
                    }
                }
                return nil
            }
            guard let levelText = text("level") else {
                throw RegionImportError(feature: feature, problem: "缺少属性 level (missing property level)")
            }
            guard let level = RegionLevel(word: levelText) else {
                throw RegionImportError(feature: feature, problem: "未知的层级 level “\(levelText)” (use district, street, community or grid)")
            }
            guard let rawCode = text("code") else {
                throw RegionImportError(feature: feature, problem: "缺少属性 code (missing property code)")
            }
            guard let name = text("name") else {
                throw RegionImportError(feature: feature, problem: "缺少属性 name (missing property name)")
            }
            let parent = text("parent", "parent_code", "parentCode").map { RegionCode.normalized($0, level: level.parent ?? .district) }
            if level != .district, parent == nil {
                throw RegionImportError(feature: feature, problem: "缺少属性 parent（上级编码）(missing property parent)")
            }
            let code = RegionCode.normalized(rawCode, level: level)
            if let first = featureByCode[code] {
                throw RegionImportError(
                    feature: feature,
                    problem: "编码重复：“\(code)”已用于第 \(first.index) 个要素 (duplicate code, first used by feature #\(first.index))"
                )
            }
            featureByCode[code] = feature
            features.append(RegionFeature(
                region: Region(code: code, name: name, level: level, parentCode: level == .district ? nil : parent),
                geometry: feature.geometry
            ))
        }
        do {
            _ = try RegionTree(features.map(\.region))
        } catch {
            let feature = error.region.flatMap { featureByCode[$0.code] }
            throw RegionImportError(feature: feature, problem: error.description)
        }
        return features
    }
}

/// Why an import was refused, naming the feature at fault.
public struct RegionImportError: Error, Sendable, CustomStringConvertible {
    public let featureIndex: Int?
    public let featureLabel: String?
    public let problem: String

    init(feature: Feature?, problem: String) {
        self.featureIndex = feature?.index
        self.featureLabel = feature?.label
        self.problem = problem
    }

    public var description: String {
        guard let featureIndex else { return problem }
        let label = featureLabel.map { " (\($0))" } ?? ""
        return "第 \(featureIndex) 个要素 (feature #\(featureIndex))\(label): \(problem)"
    }
}
