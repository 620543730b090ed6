import Testing
import Xiuhua

@Suite("National catalog")
struct NationalCatalogTests {
    let catalog = Catalog.national

    static let commands: Set = ["shirong", "shengtai", "chaiwei", "nongcun", "lvhua", "xuanchuan", "dudao"]
    static let departments: Set = [
        "huanwei", "chengguan", "shichang", "zhujian", "yuanlin", "jiaojing", "shengtaiju", "weijian",
        "shizheng", "ziran", "shuiwu", "gongan", "xiaofang", "gongshui", "gongdian", "ranqi", "tongxin",
        "jiaotong", "wenlv", "nongye",
    ]

    @Test("loads all 153 部件 and the 250 national 事项 plus local extensions")
    func counts() {
        #expect(catalog.count(of: .component) == 153)
        #expect(catalog.filter(kind: .matter).filter { !$0.isLocalExtension }.count == 250)
        #expect(catalog.matter(code: "06901")?.name == "消极空间")
        #expect(catalog.matter(code: "06901")?.isLocalExtension == true)
        #expect(catalog.count == catalog.count(of: .component) + catalog.count(of: .matter))
    }

    @Test("codes are unique within each kind, and 部件 and 事项 share code space")
    func uniqueCodes() {
        for kind in CategoryKind.allCases {
            let codes = catalog.filter(kind: kind).map(\.code)
            #expect(Set(codes).count == codes.count)
        }
        #expect(catalog.component(code: "01001")?.name == "供水井盖")
        #expect(catalog.matter(code: "01001")?.name == "供水井盖异常")
    }

    @Test("every category has a positive limit, a known owner, a known sub-command and both conditions")
    func completeRows() {
        for category in catalog.categories {
            #expect(category.disposalLimit.amount > 0)
            #expect(Self.commands.contains(category.commandCode), "\(category.code) \(category.commandCode)")
            if case .department(let code) = category.owner {
                #expect(Self.departments.contains(code), "\(category.code) \(code)")
            }
            #expect(!category.filingCondition.isEmpty)
            #expect(!category.closingCondition.isEmpty)
        }
    }

    @Test("暴露垃圾 goes to 环卫处 under 市容秩序 within 4 working hours")
    func exposedRubbish() throws {
        let rubbish = try #require(catalog.matter(code: "06010"))
        #expect(rubbish.name == "暴露垃圾")
        #expect(rubbish.disposalLimit == .workingHours(4))
        #expect(rubbish.urgency == .normal)
        #expect(rubbish.owner == .department("huanwei"))
        #expect(rubbish.commandCode == "shirong")
        #expect(rubbish.legacyCode == "01-10")
    }

    @Test("limits from the reference cities hold for common categories")
    func referenceLimits() {
        #expect(catalog.matter(code: "06011")?.disposalLimit == .workingDays(2))
        #expect(catalog.matter(code: "06012")?.disposalLimit == .workingHours(2))
        #expect(catalog.matter(code: "06001")?.disposalLimit == .workingDays(20))
        #expect(catalog.matter(code: "06001")?.commandCode == "chaiwei")
        #expect(catalog.matter(code: "01037")?.disposalLimit == .workingDays(1))
    }

    @Test("a missing manhole cover is urgent, counted in natural time, and owned by its utility")
    func manholeCovers() {
        let owners: [String: Owner] = [
            "01001": .department("gongshui"), "01002": .department("shizheng"), "01003": .department("shizheng"),
            "01005": .department("gongdian"), "01007": .department("tongxin"), "01011": .department("ranqi"),
        ]
        for (code, owner) in owners {
            let cover = catalog.matter(code: code)
            #expect(cover?.urgency == .urgent)
            #expect(cover?.disposalLimit.isWorkingTime == false)
            #expect(cover?.disposalLimit == .minutes(120))
            #expect(cover?.owner == owner)
        }
    }

    @Test("every 部件 carries the same defaults as its 异常 事项")
    func componentsMirrorMatters() throws {
        for component in catalog.filter(kind: .component) {
            let matter = try #require(catalog.matter(code: component.code))
            #expect(matter.name == component.name + "异常")
            #expect(component.disposalLimit == matter.disposalLimit)
            #expect(component.urgency == matter.urgency)
            #expect(component.owner == matter.owner)
            #expect(component.commandCode == matter.commandCode)
        }
    }

    @Test("urgent categories, and only they, are counted in natural time")
    func urgencyMatchesClock() {
        for category in catalog.categories {
            #expect((category.urgency == .urgent) == !category.disposalLimit.isWorkingTime, "\(category.code)")
        }
    }

    @Test("national 事项 of classes 06–09 carry their GB/T 30428.2-2013 code")
    func legacyCodes() {
        for matter in catalog.filter(kind: .matter) where ["06", "07", "08", "09"].contains(matter.bigClassCode) {
            #expect((matter.legacyCode != nil) == !matter.isLocalExtension, "\(matter.code)")
        }
        #expect(catalog.matter(code: "09006")?.legacyCode == "04-06")
        #expect(catalog.matter(code: "10001")?.legacyCode == nil)
    }
}
