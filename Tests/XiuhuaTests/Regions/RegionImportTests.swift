import Foundation
import Testing
import Xiuhua
import XiuhuaGeo

/// A feature of a small test district: a square of `size` degrees at (lon, lat).
private func feature(_ properties: [String: JSONValue], lon: Double = 116.40, lat: Double = 39.90, size: Double = 0.001) -> JSONValue {
    let ring: [JSONValue] = [(0.0, 0.0), (size, 0.0), (size, size), (0.0, size), (0.0, 0.0)].map {
        .array([.number(lon + $0.0), .number(lat + $0.1)])
    }
    return .object([
        "type": .string("Feature"),
        "properties": .object(properties),
        "geometry": .object(["type": .string("Polygon"), "coordinates": .array([.array(ring)])]),
    ])
}

private func props(_ level: String, _ code: String, _ name: String, _ parent: String? = nil) -> [String: JSONValue] {
    var properties: [String: JSONValue] = ["level": .string(level), "code": .string(code), "name": .string(name)]
    if let parent { properties["parent"] = .string(parent) }
    return properties
}

/// District, one street, one community with two cells: the features, in file order.
private let goodFeatures: [[String: JSONValue]] = [
    props("district", "110101", "东城区"),
    props("street", "110101001", "东华门街道", "110101"),
    props("community", "110101001001", "多福巷社区", "110101001"),
    props("grid", "110101001001001", "多福巷1号网格", "110101001001"),
    props("grid", "110101001001002", "多福巷2号网格", "110101001001"),
]

/// Reads the features through the GeoJSON reader, as the import command does with a file.
private func collection(_ features: [[String: JSONValue]]) throws -> FeatureCollection {
    let features = features.enumerated().map { feature($0.element, lon: 116.40 + Double($0.offset) * 0.001) }
    let root = JSONValue.object(["type": .string("FeatureCollection"), "features": .array(features)])
    return try FeatureCollection(geoJSON: Data(root.jsonText.utf8))
}

/// The error the import refuses `features` with; records an issue when it accepts them.
private func refusal(_ features: [[String: JSONValue]], sourceLocation: SourceLocation = #_sourceLocation) throws -> RegionImportError? {
    let input = try collection(features)
    do {
        _ = try RegionImport.regions(from: input)
        Issue.record("the import was accepted", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

private func replacing(_ index: Int, with properties: [String: JSONValue]) -> [[String: JSONValue]] {
    var features = goodFeatures
    features[index] = properties
    return features
}

@Suite("Region import from GeoJSON")
struct RegionImportTests {
    @Test("a good small district imports with its levels, parents and outlines, in file order")
    func goodDistrict() throws {
        let input = try collection(goodFeatures)
        let imported = try RegionImport.regions(from: input)
        #expect(imported.map(\.region.code) == ["110101", "110101001", "110101001001", "110101001001001", "110101001001002"])
        #expect(imported.map(\.region.level) == [.district, .street, .community, .grid, .grid])
        #expect(imported.map(\.region.parentCode) == [nil, "110101", "110101001", "110101001001", "110101001001"])
        #expect(imported[3].region.name == "多福巷1号网格")
        #expect(imported.map(\.geometry) == input.features.map(\.geometry))
        let tree = try RegionTree(imported.map(\.region))
        #expect(tree.count(at: .grid) == 2)
    }

    @Test("the Chinese level words 区, 街道, 社区 and 网格 are accepted, as are 乡镇 and 村")
    func chineseLevelWords() throws {
        var features = goodFeatures
        for (index, word) in ["区", "街道", "社区", "网格", "网格"].enumerated() {
            features[index]["level"] = .string(word)
        }
        #expect(try RegionImport.regions(from: collection(features)).map(\.region.level) == [.district, .street, .community, .grid, .grid])

        features[1]["level"] = .string("乡镇")
        features[2]["level"] = .string("村")
        #expect(try RegionImport.regions(from: collection(features)).map(\.region.level) == [.district, .street, .community, .grid, .grid])
    }

    @Test("a 14-digit legacy grid code is padded; parent_code, parentCode and numeric codes are read")
    func legacyCodesAndAlternativeKeys() throws {
        var features = goodFeatures
        features[3] = ["level": .string("grid"), "code": .string("11010100100101"), "name": .string("旧码网格"),
                       "parent_code": .string("110101001001")]
        features[4] = ["level": .string("grid"), "code": .number(110_101_001_001_002), "name": .string("数字码网格"),
                       "parentCode": .number(110_101_001_001)]
        let imported = try RegionImport.regions(from: collection(features))
        #expect(imported[3].region.code == "110101001001001")
        #expect(imported[3].region.parentCode == "110101001001")
        #expect(imported[4].region.code == "110101001001002")
        #expect(imported[4].region.parentCode == "110101001001")
    }

    @Test("a feature without level is refused by its index")
    func missingLevel() throws {
        var properties = goodFeatures[2]
        properties["level"] = nil
        let error = try refusal(replacing(2, with: properties))
        #expect(error?.featureIndex == 2)
        #expect(error?.featureLabel == "code \"110101001001\"")
        #expect(error?.problem.contains("level") == true)
        #expect(error?.description.hasPrefix("第 2 个要素 (feature #2)") == true)
    }

    @Test("a blank or null level counts as missing")
    func blankLevel() throws {
        for value in [JSONValue.string("  "), .null] {
            var properties = goodFeatures[1]
            properties["level"] = value
            let error = try refusal(replacing(1, with: properties))
            #expect(error?.featureIndex == 1)
            #expect(error?.problem.contains("缺少属性 level") == true)
        }
    }

    @Test("an unknown level is refused by its index and quoted")
    func unknownLevel() throws {
        var properties = goodFeatures[3]
        properties["level"] = .string("county")
        let error = try refusal(replacing(3, with: properties))
        #expect(error?.featureIndex == 3)
        #expect(error?.problem.contains("county") == true)
    }

    @Test("a feature without code is refused by its index")
    func missingCode() throws {
        var properties = goodFeatures[4]
        properties["code"] = nil
        let error = try refusal(replacing(4, with: properties))
        #expect(error?.featureIndex == 4)
        #expect(error?.problem.contains("code") == true)
        #expect(error?.featureLabel == "name \"多福巷2号网格\"", "without a code the feature is named by its name")
    }

    @Test("a feature without name is refused by its index")
    func missingName() throws {
        var properties = goodFeatures[1]
        properties["name"] = .string("")
        let error = try refusal(replacing(1, with: properties))
        #expect(error?.featureIndex == 1)
        #expect(error?.problem.contains("name") == true)
    }

    @Test("a feature below the district without parent is refused by its index")
    func missingParent() throws {
        var properties = goodFeatures[3]
        properties["parent"] = nil
        let error = try refusal(replacing(3, with: properties))
        #expect(error?.featureIndex == 3)
        #expect(error?.problem.contains("parent") == true)
    }

    @Test("a tree error is attributed to the feature of the offending region")
    func treeErrorAttributed() throws {
        // Feature 4 names a community that does not exist.
        let error = try refusal(replacing(4, with: props("grid", "110101001009002", "孤儿网格", "110101001009")))
        #expect(error?.featureIndex == 4)
        #expect(error?.problem.contains("孤儿网格") == true)
        #expect(error?.problem.contains("不存在") == true)

        // Feature 2's code does not start with its parent's.
        let stray = try refusal(replacing(2, with: props("community", "110101002001", "串号社区", "110101001")))
        #expect(stray?.featureIndex == 2)
    }

    @Test("a duplicate code is attributed to the later feature that repeats it")
    func duplicateAttributed() throws {
        let features = goodFeatures + [props("grid", "110101001001002", "重复网格", "110101001001")]
        let error = try refusal(features)
        #expect(error?.problem.contains("重复") == true)
        #expect(error?.problem.contains("110101001001002") == true)
        #expect(error?.featureIndex == 5, "the repeat is the feature at fault, not the first holder of the code")
    }

    @Test("a second district is attributed to its feature")
    func secondDistrictAttributed() throws {
        let features = goodFeatures + [props("district", "110102", "西城区")]
        let error = try refusal(features)
        #expect(error != nil)
        #expect(error?.featureIndex == 5)
    }

    @Test("a collection without a district is refused without a feature index")
    func noDistrict() throws {
        let error = try refusal(Array(goodFeatures.dropFirst()))
        #expect(error != nil)
        #expect(error?.featureIndex == nil)
        #expect(error?.description == error?.problem)
    }
}
