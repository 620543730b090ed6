import Foundation
import Testing
import Xiuhua
import XiuhuaGeo

@Suite("Monthly shop score and 红黑榜")
struct ShopBoardTests {
    static func shop(_ id: String, _ name: String) throws -> Shop {
        let details = ShopDetails(
            name: name, creditCode: try SocialCreditCode("91140213MA0K3XH01G"), licence: nil, ownerName: "张三",
            phone: "13812341234", address: "永泰南路", position: Coordinate(lon: 113.3, lat: 40.08), frontage: nil
        )
        return Shop(id: id, details: details, place: ShopPlace(gridCode: "g", communityCode: "c", streetCode: "s"), createdAt: .distantPast, updatedAt: .distantPast)
    }

    static func inspection(_ shop: String, failing failed: [String: Int], cases: [String: String] = [:]) throws -> Inspection {
        let answers = ChecklistTemplate.shopFrontage.items.map { item in
            failed[item.code].map { InspectionSheet.Answer(item: item.code, passed: false, findings: $0) } ?? InspectionSheet.Answer(item: item.code, passed: true)
        }
        return Inspection(
            id: UUID().uuidString, shopID: shop, officerID: "o", officerName: "赵磊", at: .distantPast, position: nil,
            sheet: try InspectionSheet(.shopFrontage, answers: answers), cases: cases
        )
    }

    @Test("the month's score is the mean inspection score less 5 per case, graded 优/良/差")
    func score() throws {
        // 95 and 80 → mean 87.5; one case → 82.5 → 良.
        let score = MonthlyShopScore(shopID: "A", inspections: [
            try Self.inspection("A", failing: ["zhixu.outside": 1]),
            try Self.inspection("A", failing: ["zhixu.outside": 2, "meihua.facade": 2], cases: ["zhixu.outside": "PC1"]),
        ])
        #expect(score.score == 82.5)
        #expect(score.grade == .fair)
        #expect(score.cases == 1)
        #expect(score.failures.first?.item == "zhixu.outside")
        #expect(score.failures.first?.count == 2)
        #expect(MonthlyShopScore(shopID: "B", inspections: []).score == nil)
        #expect(ShopGrade(score: 90) == .good)
        #expect(ShopGrade(score: 69.9) == .poor)
    }

    @Test("red list best first, black list worst first with reasons in words; a repeat offender stays black unless 优")
    func board() throws {
        let shops = try ["A", "B", "C", "D"].map { try Self.shop($0, "店\($0)") }
        let scores = [
            MonthlyShopScore(shopID: "A", inspections: [try Self.inspection("A", failing: [:])]),  // 100 优
            MonthlyShopScore(shopID: "B", inspections: [try Self.inspection("B", failing: ["zhixu.outside": 4, "zhixu.piling": 1, "jinghua.refuse": 2, "lvhua.trees": 3])]),  // 10 + 5 + 20 + 20 + 0 = 55 差
            MonthlyShopScore(shopID: "C", inspections: [try Self.inspection("C", failing: ["meihua.awning": 1])]),  // 97 优
            MonthlyShopScore(shopID: "D", inspections: [try Self.inspection("D", failing: ["zhixu.parking": 5])]),  // 85 良, but on last black list
        ]
        let board = ShopBoard(month: "2026-11", streetCode: "s", shops: shops, scores: scores, lastBlack: ["D"]) {
            ChecklistTemplate.shopFrontage.item($0)?.text ?? $0
        }
        #expect(board.red.map(\.shopID) == ["A", "C"])
        #expect(board.red[0].reason.contains("各项检查均合格"))
        #expect(board.black.map(\.shopID) == ["B", "D"])
        #expect(board.black[0].score == 55)
        #expect(board.black[0].reason.contains("无店外经营、占道经营未落实"))
        #expect(board.black[1].repeatOffender)
        #expect(board.black[1].reason.contains("连续上黑榜"))
    }
}
