import Foundation
import Testing
import Xiuhua
import XiuhuaStore

/// A rectification notice's escalation as the store writes it: the notice's move and what
/// it does — a case filed, a black-list entry — in one transaction, once.
@Suite("Notice escalation in the store")
struct StoreNoticeEscalationTests {
    typealias Shops = StoreShopsTests
    typealias F = CaseStoreFixture

    static let issued = F.start
    static let deadline = issued.addingTimeInterval(5 * 86_400)
    static let late = deadline.addingTimeInterval(86_400)

    /// A store with one shop and one overdue notice to it, ZG-2026-0001.
    static func overdue(_ store: Store) async throws -> RectificationNotice {
        try await store.addShops([try Shops.shop("SH1", "永泰便利店", code: "91140213MA0K3XH01G")])
        _ = try await store.addNotice(shopID: "SH1", year: 2026) { sequence in
            try RectificationNotice(
                number: String(format: "ZG-2026-%04d", sequence), documentNumber: "平城区城管责改〔2026〕第\(String(format: "%04d", sequence))号",
                shopID: "SH1", partyName: "永泰便利店", partyCreditCode: "91140213MA0K3XH01G", foundAt: issued, place: "永泰南路 12 号",
                facts: "门前堆放货物", rule: .init(law: "《城市市容和环境卫生管理条例》", article: "第十四条", clause: nil),
                requirements: "清除", deadline: deadline,
                officers: [.init(name: "赵磊", certificate: "14020001"), .init(name: "钱明", certificate: "14020002")],
                issuedAt: issued, issuedBy: "赵磊"
            )
        }
        #expect(try await store.markOverdueNotices(at: late) == ["ZG-2026-0001"])
        return try #require(try await store.notice(number: "ZG-2026-0001"))
    }

    static func escalate(_ target: RectificationNotice.Escalation) -> @Sendable (inout RectificationNotice) throws -> Void {
        { notice in try notice.escalate(to: target, note: nil, by: "孙敏", now: late) }
    }

    @Test("ten escalations to a penalty at once file one case; the notice keeps its number", arguments: Backend.all)
    func penaltyOnce(backend: Backend) async throws {
        try await withTemporaryStore(backend: backend) { store, _ in
            _ = try await Self.overdue(store)
            let actor = Actor(id: "notice:ZG-2026-0001", name: "孙敏（整改通知书）", role: .system)
            let outcomes = await withTaskGroup(of: String?.self) { group in
                for _ in 0..<10 {
                    group.addTask {
                        var intake = F.intake()
                        intake.source = .api
                        intake.description = "逾期未按平城区城管责改〔2026〕第0001号整改"
                        let done = try? await store.escalateNoticeToPenalty(
                            number: "ZG-2026-0001", intake: intake, by: actor, at: Self.late, numbering: F.numbering, clock: F.calendar,
                            Self.escalate(.penalty)
                        )
                        return done?.snapshot.number
                    }
                }
                return await group.reduce(into: [String]()) { if let number = $1 { $0.append(number) } }
            }
            #expect(outcomes.count == 1, "\(outcomes)")
            let notice = try #require(try await store.notice(number: "ZG-2026-0001"))
            #expect(notice.state == .escalated)
            #expect(notice.caseNumber == outcomes.first)
            let number = try #require(outcomes.first)
            let snapshot = try #require(try await store.caseSnapshot(number))
            #expect(snapshot.description.contains("第0001号"))
        }
    }

    @Test("escalated to the black list, the shop is listed on the first unpublished month; a refused escalation lists nothing", arguments: Backend.all)
    func blackList(backend: Backend) async throws {
        try await withTemporaryStore(backend: backend) { store, _ in
            _ = try await Self.overdue(store)
            let board = ShopBoard(month: "2026-12", streetCode: Shops.yongtai.streetCode, shops: [], scores: [], lastBlack: []) { $0 }
            _ = try await store.publishBoard(board, by: "孙敏", at: Self.late)
            let escalated = try #require(try await store.escalateNoticeToBlackList(
                number: "ZG-2026-0001", streetCode: Shops.yongtai.streetCode, from: "2026-12", at: Self.late, Self.escalate(.blackList)
            ))
            #expect(escalated.boardMonth == "2027-01")
            #expect(try await store.boardListings(streetCode: Shops.yongtai.streetCode, month: "2026-12").isEmpty)
            let listed = try await store.boardListings(streetCode: Shops.yongtai.streetCode, month: "2027-01")
            #expect(listed.map(\.shopID) == ["SH1"])
            #expect(listed.first?.reason.contains("平城区城管责改〔2026〕第0001号") == true)

            await #expect(throws: RectificationNotice.Problem.self) {
                _ = try await store.escalateNoticeToBlackList(
                    number: "ZG-2026-0001", streetCode: Shops.yongtai.streetCode, from: "2027-01", at: Self.late, Self.escalate(.blackList)
                )
            }
            #expect(try await store.boardListings(streetCode: Shops.yongtai.streetCode, month: "2027-01").count == 1)
            #expect(try await store.escalateNoticeToBlackList(number: "ZG-1999-0001", streetCode: "x", from: "2027-01", at: Self.late, Self.escalate(.blackList)) == nil)
        }
    }
}

extension StoreNoticeEscalationTests {
    @Test("ten officers serving one notice at once: one receipt is kept, the others are refused", arguments: Backend.all)
    func serveOnce(backend: Backend) async throws {
        try await withTemporaryStore(backend: backend) { store, _ in
            try await store.addShops([try Shops.shop("SH1", "永泰便利店", code: "91140213MA0K3XH01G")])
            _ = try await store.addNotice(shopID: "SH1", year: 2026) { _ in
                try RectificationNotice(
                    number: "ZG-2026-0001", documentNumber: "平城区城管责改〔2026〕第0001号", shopID: "SH1", partyName: "永泰便利店",
                    partyCreditCode: "91140213MA0K3XH01G", foundAt: Self.issued, place: "永泰南路 12 号", facts: "门前堆放货物",
                    rule: .init(law: "《城市市容和环境卫生管理条例》", article: "第十四条", clause: nil), requirements: "清除", deadline: Self.deadline,
                    officers: [.init(name: "赵磊", certificate: "14020001"), .init(name: "钱明", certificate: "14020002")], issuedAt: Self.issued, issuedBy: "赵磊"
                )
            }
            let signers = await withTaskGroup(of: String?.self) { group in
                for i in 0..<10 {
                    group.addTask {
                        let signer = "签收人\(i)"
                        let served = try? await store.changeNotice(number: "ZG-2026-0001") { notice in
                            try notice.serve(receivedAt: Self.issued, signer: signer, by: "赵磊", now: Self.issued.addingTimeInterval(60))
                        }
                        return served == nil ? nil : signer
                    }
                }
                return await group.reduce(into: [String]()) { if let signer = $1 { $0.append(signer) } }
            }
            #expect(signers.count == 1, "\(signers)")
            let notice = try #require(try await store.notice(number: "ZG-2026-0001"))
            #expect(notice.receivedBy == signers.first)
            #expect(notice.events.filter { $0.kind == .served }.count == 1)
        }
    }
}

extension StoreNoticeEscalationTests {
    @Test("a board computed before a notice listed a shop is refused as outdated, and publishes once computed with it", arguments: Backend.all)
    func outdatedBoard(backend: Backend) async throws {
        try await withTemporaryStore(backend: backend) { store, _ in
            let shop = try Shops.shop("SH1", "永泰便利店", code: "91140213MA0K3XH01G")
            _ = try await Self.overdue(store)
            let street = Shops.yongtai.streetCode
            let stale = ShopBoard(month: "2026-12", streetCode: street, shops: [shop], scores: [], lastBlack: []) { $0 }
            _ = try await store.escalateNoticeToBlackList(number: "ZG-2026-0001", streetCode: street, from: "2026-12", at: Self.late, Self.escalate(.blackList))
            await #expect(throws: BoardOutdated.self) {
                _ = try await store.publishBoard(stale, by: "孙敏", at: Self.late)
            }
            #expect(try await store.publishedBoards(month: "2026-12").isEmpty)
            let listings = try await store.boardListings(streetCode: street, month: "2026-12")
            let fresh = ShopBoard(month: "2026-12", streetCode: street, shops: [shop], scores: [], lastBlack: [], listings: listings) { $0 }
            let published = try await store.publishBoard(fresh, by: "孙敏", at: Self.late)
            #expect(published.board.black.map(\.shopID) == ["SH1"])
        }
    }
}
