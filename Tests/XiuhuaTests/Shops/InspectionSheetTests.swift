import Testing
import Xiuhua

@Suite("Checklist inspection scoring")
struct InspectionSheetTests {
    typealias Answer = InspectionSheet.Answer

    /// Every item of `template` passed, except those in `failed` (item → findings).
    static func answers(_ template: ChecklistTemplate, failing failed: [String: Int]) -> [Answer] {
        template.items.map { item in
            failed[item.code].map { Answer(item: item.code, passed: false, findings: $0, note: "现场发现") } ?? Answer(item: item.code, passed: true)
        }
    }

    @Test("the shipped templates are worth 100 points in five sections, and every case category is in the national catalog")
    func shipped() {
        for template in ChecklistTemplate.shipped {
            #expect(template.totalPoints == 100)
            #expect(template.sections.count == 5)
            #expect(template.sections.allSatisfy { section in template.items.contains { $0.sectionCode == section.code } })
            for item in template.items {
                #expect(template.sections.contains { $0.code == item.sectionCode }, "\(item.code)")
                if let code = item.caseCategory { #expect(Catalog.national.resolve(code: code) != nil, "\(item.code) → \(code)") }
            }
        }
        #expect(ChecklistTemplate.shopFrontage.sections.map(\.name) == ["包净化", "包绿化", "包亮化", "包美化", "包秩序"])
        #expect(ChecklistTemplate.shopFrontage.item("zhixu.outside")?.caseCategory == "09005")
        #expect(ChecklistTemplate.shopFrontage.item("jinghua.refuse")?.caseCategory == "06010")
        #expect(ChecklistTemplate.shopFrontage.item("meihua.facade")?.caseCategory == "07006")
    }

    @Test("门前五包 against a hand-computed sheet: 59 of 100, sections floored at zero")
    func frontageSheet() throws {
        // 包净化 20 − (2×5 + 5 + 3) = 2; 包绿化 20; 包亮化 20; 包美化 20 − 3 = 17;
        // 包秩序 20 − (3×5 + 5 + 3) = −3 → 0. Total 2 + 20 + 20 + 17 + 0 = 59.
        let sheet = try InspectionSheet(.shopFrontage, answers: Self.answers(.shopFrontage, failing: [
            "jinghua.litter": 2, "jinghua.refuse": 1, "jinghua.snow": 1, "meihua.awning": 1,
            "zhixu.outside": 3, "zhixu.piling": 1, "zhixu.parking": 1,
        ]))
        #expect(sheet.sections.map(\.score) == [2, 20, 20, 17, 0])
        #expect(sheet.score == 59)
        #expect(sheet.maximum == 100)
        #expect(sheet.lines.first { $0.item == "zhixu.outside" }?.deduction == 15)
        #expect(sheet.failedItems == ["jinghua.litter", "jinghua.refuse", "jinghua.snow", "meihua.awning", "zhixu.outside", "zhixu.piling", "zhixu.parking"])
    }

    @Test("市场安全检查 against a hand-computed sheet: 70 of 100")
    func marketSheet() throws {
        // 证照 20 − 10 = 10; 食品快检 20 − 2×10 = 0; the rest full: 10 + 20 + 20 + 20 + 0 = 70.
        let sheet = try InspectionSheet(.marketSafety, answers: Self.answers(.marketSafety, failing: ["permits.licence": 1, "rapid.tests": 2]))
        #expect(sheet.sections.map(\.score) == [10, 20, 20, 20, 0])
        #expect(sheet.score == 70)
    }

    @Test("a clean inspection scores full marks; a passed item counts no findings")
    func clean() throws {
        let sheet = try InspectionSheet(.shopFrontage, answers: ChecklistTemplate.shopFrontage.items.map { Answer(item: $0.code, passed: true, findings: 4) })
        #expect(sheet.score == 100)
        #expect(sheet.lines.allSatisfy { $0.findings == 0 && $0.deduction == 0 })
    }

    @Test("unknown, doubled, missing and over-counted answers are refused")
    func wrongAnswers() {
        let all = Self.answers(.shopFrontage, failing: [:])
        #expect(throws: InspectionSheet.Problem.unknownItem("zhixu.dancing")) {
            try InspectionSheet(.shopFrontage, answers: all + [Answer(item: "zhixu.dancing", passed: true)])
        }
        #expect(throws: InspectionSheet.Problem.answeredTwice("zhixu.outside")) {
            try InspectionSheet(.shopFrontage, answers: all + [Answer(item: "zhixu.outside", passed: false)])
        }
        #expect(throws: InspectionSheet.Problem.unanswered(["lvhua.trees", "lvhua.green"])) {
            try InspectionSheet(.shopFrontage, answers: all.filter { !$0.item.hasPrefix("lvhua") })
        }
        #expect(throws: InspectionSheet.Problem.tooManyFindings("zhixu.outside")) {
            try InspectionSheet(.shopFrontage, answers: Self.answers(.shopFrontage, failing: ["zhixu.outside": 21]))
        }
    }
}
