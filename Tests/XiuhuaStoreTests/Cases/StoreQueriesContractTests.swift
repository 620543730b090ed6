import Foundation
import Testing
import Xiuhua
import XiuhuaStore

/// The store's reads and small writes give the same answers on every backend: the SQL that
/// differs per dialect (text search, category prefixes, upserts, aggregates, blobs) is
/// pinned here on the three cases of the fixture.
@Suite("Store queries on every backend")
struct StoreQueriesContractTests {
    typealias F = CaseStoreFixture
    static let later = F.start.addingTimeInterval(3600 * 5)

    @Test("the case list filters by text, category prefix, state and scope, newest first, a page at a time", arguments: Backend.all)
    func listFilters(backend: Backend) async throws {
        try await F.with(backend: backend) { fixture in
            let cases = try await fixture.threeCases()
            let store = fixture.store
            func list(_ change: (inout CaseQuery) -> Void, as actor: Actor = F.hotlineOperator) async throws -> (Int, [String]) {
                var query = CaseQuery()
                change(&query)
                let page = try await store.listCases(query, visibleTo: actor, at: Self.later)
                return (page.total, page.cases.map(\.number))
            }
            let newestFirst = [cases.accepted, cases.handled, cases.rejected]
            #expect(try await list { _ in } == (3, newestFirst))
            #expect(try await list { $0.text = "招待所" } == (3, newestFirst), "text in the address")
            #expect(try await list { $0.text = "杂草" } == (3, newestFirst), "text in the description")
            #expect(try await list { $0.text = cases.handled } == (1, [cases.handled]), "text in the number")
            #expect(try await list { $0.text = "%" } == (0, []), "no LIKE wildcards")
            #expect(try await list { $0.categoryCode = "06" } == (3, newestFirst))
            #expect(try await list { $0.categoryCode = "0601" } == (3, newestFirst))
            #expect(try await list { $0.categoryCode = "07" } == (0, []))
            #expect(try await list { $0.states = [.rejected] } == (1, [cases.rejected]))
            #expect(try await list { $0.ownerCode = "140213003" } == (1, [cases.handled]))
            #expect(try await list { $0.pageSize = 2; $0.page = 2 } == (3, [cases.rejected]))
            #expect(try await list({ _ in }, as: F.street).0 == 3, "the street sees its street's cases")
            let handler = Actor(id: "h", name: "环卫", role: .departmentHandler, departmentCode: "huanwei")
            #expect(try await list({ _ in }, as: handler) == (0, []), "a department sees only what it owns")
            let far = F.start.addingTimeInterval(86400 * 60)
            var overdue = CaseQuery()
            overdue.overdue = true
            let late = try await store.listCases(overdue, visibleTo: F.hotlineOperator, at: far)
            #expect(Set(late.cases.map(\.number)) == [cases.handled, cases.accepted], "open cases run late; the rejected one does not")
        }
    }

    @Test("counts, intake, categories, rankings and the public list agree with the cases", arguments: Backend.all)
    func aggregates(backend: Backend) async throws {
        try await F.with(backend: backend) { fixture in
            let cases = try await fixture.threeCases()
            let store = fixture.store
            let counts = try await store.caseCounts(at: Self.later)
            #expect(counts.byState.values.reduce(0, +) == 3)
            #expect(counts.byState[.rejected] == 1)
            #expect(counts.byLight.values.reduce(0, +) == 2, "two open cases have a light")
            #expect(counts.openByGrid == ["140213003001001": 2])
            let intake = try await store.intakeCounts(from: F.start, to: Self.later)
            #expect(intake.map(\.source) == [.hotline] && intake.map(\.commandCode) == ["shirong"] && intake.map(\.count) == [3])
            let top = try await store.topCategories(from: F.start, to: Self.later, limit: 5)
            #expect(top.map(\.code) == ["06010"] && top.map(\.count) == [3])
            let streets = try await store.closingRecords(from: F.start, to: Self.later, byStreet: true)
            #expect(streets.map(\.code) == ["140213003"] && streets.map(\.total) == [1] && streets.map(\.closed) == [0])
            #expect(try await store.caseCountsByState() == counts.byState)
            #expect(try await store.overdueCaseCount(at: F.start.addingTimeInterval(86400 * 60)) == 2)
            let due = try await store.casesDueForOverdueMark(at: F.start.addingTimeInterval(86400 * 60))
            #expect(Set(due) == [cases.handled, cases.accepted])

            var closed = PublicCaseQuery()
            closed.isOpen = false
            #expect(try await store.publicCases(closed).isEmpty, "a rejected case is never public")
            var byNumber = PublicCaseQuery()
            byNumber.numbers = [cases.handled, cases.rejected, "PC-none"]
            #expect(try await store.publicCases(byNumber).map(\.number) == [cases.handled], "not even asked for by number")

            let mark = try await store.caseChangeMark()
            try await fixture.act(cases.accepted, .dispatch(to: .department("huanwei")), by: F.dispatcher, minutesAfterStart: 240)
            #expect(try await store.caseChangeMark() != mark)
            #expect(try await store.caseSnapshot(ticket: try #require(try await store.caseSnapshot(cases.accepted)).ticketCode)?.number == cases.accepted)

            let baseline = try await store.evaluationBaseline(try EvaluationPeriod("2026-11"))
            #expect(baseline[.street]?["140213003"]?[0] == 2, "two cases accepted in November on the street")
        }
    }

    @Test("photos, accounts, sessions, API keys and the outbox round-trip", arguments: Backend.all)
    func smallWrites(backend: Backend) async throws {
        try await F.with(backend: backend) { fixture in
            let store = fixture.store
            let bytes = Data([0, 1, 2, 255, 0, 0x27, 0x5C])
            let uploads = FileManager.default.temporaryDirectory.appendingPathComponent("xiuhua-contract-uploads-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: uploads) }
            let attachments = AttachmentStore(store: store, directory: uploads)
            let facts = ImageFacts(mediaType: "image/jpeg", width: 4, height: 3)
            let first = try await attachments.save(bytes, facts: facts, uploadedBy: "demo-operator", at: F.start)
            let again = try await attachments.save(bytes, facts: facts, uploadedBy: nil, at: Self.later)
            #expect(first.isNew && !again.isNew && again.attachment.id == first.attachment.id, "the same photo twice is kept once")
            #expect(try await attachments.attachment(first.attachment.id)?.width == 4)
            #expect(try await attachments.attachment(String(repeating: "0", count: 64)) == nil)

            let account = Account(id: "a1", username: "zhang", name: "张伟", role: .streetOfficer, streetCodes: ["140213003", "140213001"], passwordHash: "x")
            try await store.addAccount(account, at: F.start)
            try await store.addAccount(Account(id: "a0", username: "an", name: "安", role: .operator, passwordHash: "y"), at: F.start)
            await #expect(throws: AccountError.self) {
                try await store.addAccount(Account(id: "a2", username: "zhang", name: "又一个", role: .operator, passwordHash: "z"), at: F.start)
            }
            #expect(try await store.accounts().map(\.username) == ["an", "zhang"])
            #expect(try await store.account(username: "zhang") == account)
            try await store.addSession(token: "t1", accountID: "a1", at: F.start, expiresAt: F.start.addingTimeInterval(60))
            #expect(try await store.sessionAccount(token: "t1", at: F.start)?.id == "a1")
            #expect(try await store.sessionAccount(token: "t1", at: F.start.addingTimeInterval(61)) == nil, "expired")
            try await store.removeSession(token: "t1")
            #expect(try await store.sessionAccount(token: "t1", at: F.start) == nil)

            let (apiKey, secret) = try await store.createAPIKey(name: "12345热线平台", perMinute: 60, at: F.start)
            #expect(try await store.activeAPIKey(secret: secret)?.id == apiKey.id)
            let revoked = try await store.revokeAPIKey(id: apiKey.id, at: Self.later)
            #expect(revoked?.revokedAt == Date(millis: Self.later.millis))
            #expect(try await store.revokeAPIKey(id: apiKey.id, at: Self.later.addingTimeInterval(60))?.revokedAt == revoked?.revokedAt)
            #expect(try await store.activeAPIKey(secret: secret) == nil)

            let number = try await fixture.file()
            let outbox = try await store.outbox(ofCase: number)
            let due = try await store.dueNotifications(on: .webhook, at: Self.later) + store.dueNotifications(on: .sms, at: Self.later)
            #expect(Set(due.map(\.id)) == Set(outbox.map(\.entry.id)))
            let backlog = try await store.outboxBacklog()
            #expect(backlog.values.reduce(0, +) == outbox.count)
            if let first = due.first {
                try await store.recordDeliveryFailure(first.id, error: "timeout", retryAt: Self.later.addingTimeInterval(600))
                #expect(try await store.dueNotifications(on: first.notification.recipient.channel, at: Self.later).contains { $0.id == first.id } == false)
                try await store.markDelivered(first.id, at: Self.later)
                #expect(try await store.outbox(ofCase: number).first { $0.entry.id == first.id }?.deliveredAt != nil)
                #expect(try await store.outboxBacklog().values.reduce(0, +) == outbox.count - 1)
            }
        }
    }
}

private extension Date {
    init(millis: Int64) { self.init(timeIntervalSince1970: Double(millis) / 1000) }
    var millis: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }
}
