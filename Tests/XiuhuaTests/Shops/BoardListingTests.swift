import Foundation
import Testing
import Xiuhua

/// Shops put on a black list by escalated rectification notices.
@Suite("Black list by notice")
struct BoardListingTests {
    typealias Sheets = ShopBoardTests

    @Test("a listed shop leaves the red list for the black list, keeps its score and gains the notice's reason; an uninspected one is listed unscored, first")
    func listings() throws {
        let shops = try ["A", "B", "C"].map { try Sheets.shop($0, "店\($0)") }
        let scores = [
            MonthlyShopScore(shopID: "A", inspections: [try Sheets.inspection("A", failing: [:])]),  // 100 优
            MonthlyShopScore(shopID: "B", inspections: [try Sheets.inspection("B", failing: ["zhixu.outside": 4, "zhixu.piling": 1, "jinghua.refuse": 2, "lvhua.trees": 3])]),  // 55 差
        ]
        let listings = [
            BoardListing(shopID: "A", reason: "逾期未按第0001号整改"),
            BoardListing(shopID: "B", reason: "逾期未按第0002号整改"),
            BoardListing(shopID: "C", reason: "逾期未按第0003号整改"),
            BoardListing(shopID: "Z", reason: "not a shop of this street"),
        ]
        let board = ShopBoard(month: "2026-12", streetCode: "s", shops: shops, scores: scores, lastBlack: [], listings: listings) {
            ChecklistTemplate.shopFrontage.item($0)?.text ?? $0
        }
        #expect(board.red.isEmpty, "a listed shop is not on the red list, whatever its score")
        #expect(board.black.map(\.shopID) == ["C", "B", "A"])
        #expect(board.black[0].score == nil)
        #expect(board.black[0].grade == nil)
        #expect(board.black[0].reason == "逾期未按第0003号整改")
        #expect(board.black[1].score == 55)
        #expect(board.black[1].reason.hasPrefix("本月检查 1 次，得分 55（差）"))
        #expect(board.black[1].reason.hasSuffix("；逾期未按第0002号整改"))
        #expect(board.black[2].score == 100)
        #expect(board.black[2].reason == "本月检查 1 次，得分 100（优）；逾期未按第0001号整改")
    }

    @Test("the month after a month, across the year's end")
    func monthAfter() {
        #expect(ShopBoard.month(after: "2026-11") == "2026-12")
        #expect(ShopBoard.month(after: "2026-12") == "2027-01")
        #expect(ShopBoard.month(after: "2026-13") == nil)
        #expect(ShopBoard.month(after: "soon") == nil)
    }

    @Test("an escalation records its case or its board once, and only for its own target")
    func outcome() throws {
        var notice = try RectificationNotice(
            number: "ZG-2026-0001", documentNumber: "平城区城管责改〔2026〕第0001号", shopID: "A", partyName: "店A", partyCreditCode: "91140213MA0K3XH01G",
            foundAt: Date(timeIntervalSince1970: 0), place: "永泰南路", facts: "门前堆放货物", rule: .init(law: "《条例》", article: "第十四条", clause: "第一款"),
            requirements: "清除", deadline: Date(timeIntervalSince1970: 100), officers: [.init(name: "赵磊", certificate: "1"), .init(name: "钱明", certificate: "2")],
            issuedAt: Date(timeIntervalSince1970: 0), issuedBy: "赵磊"
        )
        notice.recordOutcome(caseNumber: "C1")
        #expect(notice.caseNumber == nil, "not escalated yet")
        notice.markOverdue(at: Date(timeIntervalSince1970: 200))
        try notice.escalate(to: .penalty, note: nil, by: "孙敏", now: Date(timeIntervalSince1970: 300))
        notice.recordOutcome(caseNumber: "C1", boardMonth: "2026-12")
        notice.recordOutcome(caseNumber: "C2")
        #expect(notice.caseNumber == "C1")
        #expect(notice.boardMonth == nil, "a penalty escalation lists on no board")
        #expect(notice.ruleText == "《条例》第十四条第一款")
        #expect(notice.blackListReason.contains("平城区城管责改〔2026〕第0001号"))
        #expect(notice.blackListReason.contains("《条例》第十四条第一款"))
    }
}
