import Testing
import Xiuhua
import XiuhuaGeo

@Suite("Demo district tree")
struct DemoDistrictTreeTests {
    let tree: RegionTree

    init() throws {
        tree = try RegionTree(DemoFixture.regions)
    }

    @Test("平城区 has 1 district, 18 streets, 108 communities and 9,720 grid cells, and validates")
    func counts() {
        #expect(tree.district.code == DemoDistrict.code)
        #expect(tree.district.name == "平城区")
        #expect(tree.count(at: .district) == 1)
        #expect(tree.count(at: .street) == 18)
        #expect(tree.count(at: .community) == 108)
        #expect(tree.count(at: .grid) == 9_720)
        #expect(tree.count == DemoFixture.features.count)
    }

    @Test("every street has 6 communities and every community 90 cells")
    func fanOut() {
        for street in tree.regions(at: .street) {
            #expect(tree.children(of: street.code).count == 6, "\(street.name)")
        }
        for community in tree.regions(at: .community) {
            #expect(tree.children(of: community.code).count == 90, "\(community.name)")
        }
    }

    @Test("every grid code is 15 digits under its community, and every cell has an outline")
    func gridCodes() {
        let grid = DemoFixture.features.filter { $0.region.level == .grid }
        #expect(grid.count == 9_720)
        for feature in grid {
            let code = feature.region.code
            #expect(code.count == 15 && code.allSatisfy { $0.isASCII && $0.isNumber }, "\(code)")
            #expect(code.hasPrefix(feature.region.parentCode ?? "-"), "\(code)")
            #expect(feature.geometry != nil, "\(code)")
        }
        #expect(DemoFixture.features.filter { $0.region.level != .grid }.allSatisfy { $0.geometry == nil })
    }

    @Test("sequence numbers in a community run west to east, then north to south")
    func sequenceOrder() throws {
        let outlines = Dictionary(uniqueKeysWithValues: DemoFixture.cells.map { ($0.code, $0.geometry) })
        func centre(_ code: String) throws -> Coordinate {
            try #require(outlines[code]?.boundingBox?.centre, "\(code)")
        }
        let halfCell = 50.0 / 111_000.0 // half a 100 m cell, in degrees of latitude
        for community in tree.regions(at: .community) {
            let first = try centre(community.code + "001")
            let second = try centre(community.code + "002")
            let tenth = try centre(community.code + "010")
            let eleventh = try centre(community.code + "011")
            let last = try centre(community.code + "090")
            // 002 is the east neighbour of 001 in the same row.
            #expect(second.lon > first.lon, "\(community.name)")
            #expect(abs(second.lat - first.lat) < halfCell, "\(community.name)")
            // 011 starts the next row, directly south of 001.
            #expect(eleventh.lat < first.lat - halfCell, "\(community.name)")
            #expect(abs(eleventh.lon - first.lon) < halfCell * 1.5, "\(community.name)")
            // 010 ends the first row, east of everything else in it.
            #expect(tenth.lon > second.lon && abs(tenth.lat - first.lat) < halfCell, "\(community.name)")
            // 090 is the south-east corner.
            #expect(last.lon > eleventh.lon && last.lat < eleventh.lat, "\(community.name)")
        }
    }

    @Test("the article's places exist where the story puts them")
    func namedPlaces() throws {
        func named(_ name: String, _ level: RegionLevel) -> Region? {
            tree.regions(at: level).first { $0.name == name }
        }
        let hongqili = try #require(named("红旗里社区", .community))
        #expect(tree.ancestor(of: hongqili.code, at: .street)?.name == "永泰街道")
        #expect(named("富力社区", .community) != nil)
        #expect(named("宋庄村", .community) != nil)
        for street in ["文瀛湖街道", "小南头街道", "清远街道", "永泰街道"] {
            #expect(named(street, .street) != nil, "\(street)")
        }
    }

    @Test("names are unique among streets and among communities")
    func uniqueNames() {
        let streets = tree.regions(at: .street).map(\.name)
        let communities = tree.regions(at: .community).map(\.name)
        #expect(Set(streets).count == 18)
        #expect(Set(communities).count == 108)
    }
}
