import Testing
import Xiuhua

/// A small valid district: 2 streets, 2 communities, 2 grid cells.
private let district = Region(code: "110101", name: "东城区", level: .district, parentCode: nil)
private let streetA = Region(code: "110101001", name: "东华门街道", level: .street, parentCode: "110101")
private let streetB = Region(code: "110101002", name: "景山街道", level: .street, parentCode: "110101")
private let communityA1 = Region(code: "110101001001", name: "多福巷社区", level: .community, parentCode: "110101001")
private let communityB1 = Region(code: "110101002001", name: "黄化门社区", level: .community, parentCode: "110101002")
private let gridA1a = Region(code: "110101001001001", name: "多福巷1号网格", level: .grid, parentCode: "110101001001")
private let gridA1b = Region(code: "110101001001002", name: "多福巷2号网格", level: .grid, parentCode: "110101001001")
private let goodRegions = [district, streetA, streetB, communityA1, communityB1, gridA1b, gridA1a]

/// The error a tree refuses `regions` with; records an issue when it accepts them.
private func refusal(_ regions: [Region], sourceLocation: SourceLocation = #_sourceLocation) -> RegionTreeError? {
    do {
        _ = try RegionTree(regions)
        Issue.record("the tree was accepted", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

@Suite("Region tree validation")
struct RegionTreeTests {
    @Test("a good tree is accepted and answers children, paths, ancestors and counts")
    func goodTree() throws {
        let tree = try RegionTree(goodRegions)
        #expect(tree.district == district)
        #expect(tree.count == 7)
        #expect(tree.count(at: .street) == 2)
        #expect(tree.count(at: .grid) == 2)
        #expect(tree["110101001001002"] == gridA1b)
        #expect(tree["999"] == nil)
        #expect(tree.children(of: "110101").map(\.code) == ["110101001", "110101002"])
        #expect(tree.children(of: "110101001001").map(\.code) == ["110101001001001", "110101001001002"], "children are in code order")
        #expect(tree.children(of: "110101001001001").isEmpty)
        #expect(tree.path(to: "110101001001002") == [district, streetA, communityA1, gridA1b])
        #expect(tree.ancestor(of: "110101001001002", at: .street) == streetA)
        #expect(tree.ancestor(of: "110101001", at: .street) == streetA, "a region is its own ancestor at its level")
        #expect(tree.ancestor(of: "110101001", at: .grid) == nil)
        #expect(tree.regions(at: .community) == [communityA1, communityB1])
    }

    @Test("a duplicate code is refused, naming the second region with that code")
    func duplicateCode() {
        let twin = Region(code: "110101001", name: "重复街道", level: .street, parentCode: "110101")
        let error = refusal(goodRegions + [twin])
        #expect(error?.region == twin)
        #expect(error?.problem.contains("重复") == true)
        #expect(error?.description.contains("重复街道") == true)
        #expect(error?.description.contains("110101001") == true)
    }

    @Test("an empty or blank name is refused, naming the region")
    func emptyName() {
        for name in ["", "   "] {
            let nameless = Region(code: "110101003", name: name, level: .street, parentCode: "110101")
            let error = refusal(goodRegions + [nameless])
            #expect(error?.region == nameless)
            #expect(error?.problem == "名称为空")
        }
    }

    @Test("a tree without a district is refused and says how many districts it found")
    func noDistrict() {
        let error = refusal(goodRegions.filter { $0.level != .district })
        #expect(error != nil)
        #expect(error?.problem.contains("0") == true)
        #expect(error?.problem.contains("district") == true)
    }

    @Test("a tree with two districts is refused, naming the second district")
    func twoDistricts() {
        let second = Region(code: "110102", name: "西城区", level: .district, parentCode: nil)
        let error = refusal(goodRegions + [second])
        #expect(error?.problem.contains("2") == true)
        // Without a region the importer cannot say which feature is the extra district.
        #expect(error?.region == second)
    }

    @Test("an empty list is refused")
    func emptyList() {
        #expect(refusal([]) != nil)
    }

    @Test("a parent code that is not in the tree is refused, naming the child")
    func missingParent() {
        let orphan = Region(code: "110101009001", name: "孤儿社区", level: .community, parentCode: "110101009")
        let error = refusal(goodRegions + [orphan])
        #expect(error?.region == orphan)
        #expect(error?.problem.contains("110101009") == true)
        #expect(error?.problem.contains("不存在") == true)
    }

    @Test("a street without any parent code is refused, naming it")
    func nilParent() {
        let floating = Region(code: "110101003", name: "无上级街道", level: .street, parentCode: nil)
        #expect(refusal(goodRegions + [floating])?.region == floating)
    }

    @Test("a parent at the wrong level is refused, naming the child and both levels")
    func parentAtWrongLevel() {
        // A grid cell directly under a street (its code still starts with the street's).
        let gridUnderStreet = Region(code: "110101001009001", name: "错挂网格", level: .grid, parentCode: "110101001")
        let error = refusal(goodRegions + [gridUnderStreet])
        #expect(error?.region == gridUnderStreet)
        #expect(error?.problem.contains("街道") == true)
        #expect(error?.problem.contains("社区") == true)

        // A community directly under the district.
        let communityUnderDistrict = Region(code: "110101001002", name: "错挂社区", level: .community, parentCode: "110101")
        #expect(refusal(goodRegions + [communityUnderDistrict])?.region == communityUnderDistrict)
    }

    @Test("a code of the wrong length for its level is refused, naming the region",
          arguments: [
              Region(code: "11010100", name: "短码街道", level: .street, parentCode: "110101"),
              Region(code: "1101010011", name: "长码街道", level: .street, parentCode: "110101"),
              Region(code: "11010100100101", name: "14位网格", level: .grid, parentCode: "110101001001"),
              Region(code: "1101011", name: "七位区", level: .district, parentCode: nil),
          ])
    func wrongLength(region: Region) {
        // A bad district goes first, so its own code is the first problem met.
        let regions = region.level == .district ? [region] + goodRegions.filter { $0.level != .district } : goodRegions + [region]
        let error = refusal(regions)
        #expect(error?.region == region)
        #expect(error?.problem.contains("\(region.level.codeLength)位数字") == true)
    }

    @Test("a code with non-digits is refused, naming the region",
          arguments: ["11010100A", "110101 01", "１１０１０１００３", "-11010100"])
    func nonDigits(code: String) {
        let region = Region(code: code, name: "怪码街道", level: .street, parentCode: "110101")
        let error = refusal(goodRegions + [region])
        #expect(error?.region == region)
    }

    @Test("a code that does not start with its parent's code is refused, naming the region")
    func codeNotUnderParent() {
        let stray = Region(code: "110101002002", name: "串号社区", level: .community, parentCode: "110101001")
        let error = refusal(goodRegions + [stray])
        #expect(error?.region == stray)
        #expect(error?.problem.contains("应以上级编码“110101001”开头") == true)
    }

    @Test("a sequence number of 000 below the district is refused")
    func zeroSequence() {
        let zero = Region(code: "110101000", name: "零号街道", level: .street, parentCode: "110101")
        #expect(refusal(goodRegions + [zero])?.region == zero)
    }

    @Test("the error's description names the region's level, name and code")
    func describesRegion() {
        let orphan = Region(code: "110101009001", name: "孤儿社区", level: .community, parentCode: "110101009")
        let description = refusal(goodRegions + [orphan])?.description ?? ""
        #expect(description.hasPrefix("社区“孤儿社区”(110101009001)："))
    }
}
