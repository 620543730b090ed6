import Foundation
import Testing
import Xiuhua
@testable import XiuhuaStore

@Suite("Campaigns in the store")
struct StoreCampaignTests {
    static func rectification(id: String, area: String, category: String = "06010") -> Campaign {
        Campaign(
            id: id, name: "专项整治 \(id)", kind: .rectification, categoryCode: category, areaCodes: [area],
            startsOn: try! LocalDate("2026-11-01"), endsOn: try! LocalDate("2026-12-31"),
            ownerID: CaseStoreFixture.street.id, ownerName: CaseStoreFixture.street.name,
            targets: [CampaignTarget(key: "sites", name: "整治点位", goal: 10)],
            resources: [CampaignResource(kind: .people, name: "执法队员", count: 12)],
            createdAt: CaseStoreFixture.start
        )
    }

    @Test("a campaign round-trips with its areas, targets and resources, and survives reopening the file", arguments: Backend.all)
    func roundTrip(backend: Backend) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("xiuhua-store-test-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let campaign = Self.rectification(id: "cp-a", area: "140213003001")
        let store = try await Store.openSQLite(dataDirectory: directory, logger: CaseStoreFixture.logger)
        try await store.createCampaign(campaign)
        await store.close()
        let reopened = try await Store.openSQLite(dataDirectory: directory, logger: CaseStoreFixture.logger)
        let read = try await reopened.campaign(id: "cp-a")
        await reopened.close()
        #expect(read == campaign)
    }

    @Test("cases of the category filed in the area while the rectification runs are tagged; others are not", arguments: Backend.all)
    func tagging(backend: Backend) async throws {
        try await CaseStoreFixture.with(backend: backend) { fixture in
            let store = fixture.store
            try await store.createCampaign(Self.rectification(id: "cp-here", area: "140213003001"))
            try await store.createCampaign(Self.rectification(id: "cp-elsewhere", area: "140213001"))
            try await store.createCampaign(Self.rectification(id: "cp-other-category", area: "140213003", category: "01001"))
            let beforeStart = try await fixture.file()
            for id in ["cp-here", "cp-elsewhere", "cp-other-category"] {
                _ = try await store.changeCampaign(id: id) { CampaignRules.start($0, by: CaseStoreFixture.street, at: CaseStoreFixture.start) }
            }
            let during = try await fixture.file(minutesAfterStart: 10)
            #expect(try await store.campaignIDs(ofCase: beforeStart) == [])
            #expect(try await store.campaignIDs(ofCase: during) == ["cp-here"])
            _ = try await store.changeCampaign(id: "cp-here") {
                CampaignRules.finish($0, summary: "整治完毕", by: CaseStoreFixture.street, at: CaseStoreFixture.start)
            }
            let after = try await fixture.file(minutesAfterStart: 20)
            #expect(try await store.campaignIDs(ofCase: after) == [])
            #expect(try await store.campaignRecord(id: "cp-here")?.caseNumbers == [during])
        }
    }

    @Test("cases filed together (one intake batch) are each tagged with exactly the running campaigns of their category and place", arguments: Backend.all)
    func taggingInABatch(backend: Backend) async throws {
        try await CaseStoreFixture.with(backend: backend) { fixture in
            let store = fixture.store
            try await store.createCampaign(Self.rectification(id: "cp-street", area: "140213003"))
            try await store.createCampaign(Self.rectification(id: "cp-community", area: "140213003001"))
            try await store.createCampaign(Self.rectification(id: "cp-other-street", area: "140213001"))
            try await store.createCampaign(Self.rectification(id: "cp-other-category", area: "140213003", category: "01001"))
            try await store.createCampaign(Self.rectification(id: "cp-not-started", area: "140213003"))
            for id in ["cp-street", "cp-community", "cp-other-street", "cp-other-category"] {
                _ = try await store.changeCampaign(id: id) { CampaignRules.start($0, by: CaseStoreFixture.street, at: CaseStoreFixture.start) }
            }
            func intake(category: String = "06010", grid: String?, community: String?, street: String?) -> CaseIntake {
                var intake = CaseStoreFixture.intake()
                intake.categoryCode = category
                intake.location.gridCode = grid
                intake.location.communityCode = community
                intake.location.streetCode = street
                return intake
            }
            let cases: [(CaseIntake, [String])] = [
                (intake(grid: "140213003001001", community: "140213003001", street: "140213003"), ["cp-community", "cp-street"]),
                (intake(category: "01001", grid: "140213003001001", community: "140213003001", street: "140213003"), ["cp-other-category"]),
                (intake(grid: "140213001002003", community: "140213001002", street: "140213001"), ["cp-other-street"]),
                (intake(grid: nil, community: "140213003002", street: "140213003"), ["cp-street"]),
                (intake(grid: nil, community: nil, street: nil), []),
            ]
            let filed = try await withThrowingTaskGroup(of: (String, [String]).self) { group in
                for (intake, expected) in cases {
                    group.addTask {
                        let snapshot = try await store.createCase(
                            intake, by: CaseStoreFixture.hotlineOperator, at: CaseStoreFixture.start.addingTimeInterval(600),
                            numbering: CaseStoreFixture.numbering, clock: CaseStoreFixture.calendar
                        )
                        return (snapshot.number, expected)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(filed.count == cases.count)
            for (number, expected) in filed {
                #expect(try await store.campaignIDs(ofCase: number) == expected, "case \(number)")
            }
        }
    }

    @Test("a refused change writes nothing; an unknown campaign is a not-found refusal", arguments: Backend.all)
    func refusedChange(backend: Backend) async throws {
        try await withTemporaryStore(backend: backend) { store, _ in
            try await store.createCampaign(Self.rectification(id: "cp-r", area: "140213003"))
            let stranger = Actor(id: "someone", name: "路人", role: .dispatcher)
            await #expect(throws: CampaignRefusal.self) {
                try await store.changeCampaign(id: "cp-r") { CampaignRules.start($0, by: stranger, at: CaseStoreFixture.start) }
            }
            #expect(try await store.campaign(id: "cp-r")?.state == .planned)
            do {
                _ = try await store.changeCampaign(id: "nope") { .success($0) }
                Issue.record("an unknown campaign changed")
            } catch let refusal as CampaignRefusal {
                #expect(refusal.kind == .notFound)
            }
        }
    }
}
