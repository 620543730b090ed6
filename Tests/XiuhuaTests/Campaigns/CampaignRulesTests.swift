import Foundation
import Testing
@testable import Xiuhua

@Suite("Campaign rules")
struct CampaignRulesTests {
    static let owner = Actor(id: "u-street", name: "陈静", role: .streetOfficer, streetCodes: ["140213003"])
    static let admin = Actor(id: "u-admin", name: "管理员", role: .admin)
    static let other = Actor(id: "u-other", name: "刘洋", role: .dispatcher)
    static let citizen = Actor(id: "u-citizen", name: "市民", role: .citizen)
    static let now = Date(timeIntervalSince1970: 1_796_000_400)

    static func day(_ text: String) -> LocalDate { try! LocalDate(text) }

    static func cleanUp(state: CampaignState = .planned) -> Campaign {
        Campaign(
            id: "cp-1", name: " 红旗里环境整治 ", kind: .cleanUp, areaCodes: ["140213003001", "140213003001"],
            startsOn: day("2026-12-01"), endsOn: day("2026-12-02"), ownerID: owner.id, ownerName: owner.name,
            targets: [CampaignTarget(key: "garbage_tons", name: "清运垃圾（吨）", goal: 120)],
            resources: [CampaignResource(kind: .people, name: "环卫工人", count: 30), CampaignResource(kind: .vehicles, name: "清运车", count: 6)],
            state: state, createdAt: now
        )
    }

    @Test("a valid clean-up is accepted with its name trimmed and its areas deduplicated")
    func validCleanUp() throws {
        let checked = try CampaignRules.validate(Self.cleanUp(), knownRegion: { $0.hasPrefix("140213") }).get()
        #expect(checked.name == "红旗里环境整治")
        #expect(checked.areaCodes == ["140213003001"])
    }

    @Test("bad fields are refused with a specific code")
    func badFields() {
        func code(_ change: (inout Campaign) -> Void) -> String? {
            var campaign = Self.cleanUp()
            change(&campaign)
            if case .failure(let refusal) = CampaignRules.validate(campaign, knownRegion: { $0.hasPrefix("140213") }) { return refusal.code }
            return nil
        }
        #expect(code { $0.name = "  " } == "invalid_name")
        #expect(code { $0.endsOn = Self.day("2026-11-30") } == "invalid_period")
        #expect(code { $0.areaCodes = [] } == "invalid_area")
        #expect(code { $0.areaCodes = ["999999"] } == "unknown_region")
        #expect(code { $0.kind = .rectification } == "missing_category")
        #expect(code { $0.categoryCode = "06010" } == "unexpected_category")
        #expect(code { $0.targets.append(CampaignTarget(key: "garbage_tons", name: "又一个", goal: 1)) } == "invalid_target")
        #expect(code { $0.targets = [CampaignTarget(key: "x", name: "零", goal: 0)] } == "invalid_target")
        #expect(code { $0.resources = [CampaignResource(kind: .machines, name: "挖掘机", count: 0)] } == "invalid_resource")
    }

    @Test("lifecycle: planned → running → finished, never back, and only by the owner or an administrator")
    func lifecycle() throws {
        let planned = Self.cleanUp()
        if case .failure(let refusal) = CampaignRules.start(planned, by: Self.other, at: Self.now) {
            #expect(refusal.kind == .forbidden)
        } else {
            Issue.record("a dispatcher who does not own the campaign started it")
        }
        if case .failure(let refusal) = CampaignRules.finish(planned, summary: "完成", by: Self.owner, at: Self.now) {
            #expect(refusal.kind == .conflict && refusal.code == "wrong_state")
        } else {
            Issue.record("a planned campaign finished")
        }
        let running = try CampaignRules.start(planned, by: Self.owner, at: Self.now).get()
        #expect(running.state == .running && running.startedAt == Self.now)
        #expect((try? CampaignRules.start(running, by: Self.owner, at: Self.now).get()) == nil)
        if case .failure(let refusal) = CampaignRules.finish(running, summary: "  ", by: Self.owner, at: Self.now) {
            #expect(refusal.code == "missing_summary")
        } else {
            Issue.record("finished without a summary")
        }
        let finished = try CampaignRules.finish(running, summary: "清运垃圾 126 吨", by: Self.admin, at: Self.now).get()
        #expect(finished.state == .finished && finished.summary == "清运垃圾 126 吨" && finished.finishedAt == Self.now)
        #expect((try? CampaignRules.start(finished, by: Self.admin, at: Self.now).get()) == nil)
    }

    @Test("planning: a street plans only in its streets; a citizen never")
    func planning() {
        #expect(CampaignRules.mayPlan(Self.owner, areaCodes: ["140213003001"]) == nil)
        #expect(CampaignRules.mayPlan(Self.owner, areaCodes: ["140213001"])?.code == "out_of_scope")
        #expect(CampaignRules.mayPlan(Self.citizen, areaCodes: ["140213003"])?.kind == .forbidden)
        #expect(CampaignRules.mayPlan(Self.admin, areaCodes: ["140213001"]) == nil)
    }

    @Test("daily reports: only while running, inside the period, against known targets; totals add up")
    func reports() throws {
        let running = try CampaignRules.start(Self.cleanUp(), by: Self.owner, at: Self.now).get()
        func report(_ day: String, _ progress: [String: Int]) -> CampaignReport {
            CampaignReport(day: Self.day(day), progress: progress, note: "", reporterID: Self.owner.id, reporterName: Self.owner.name, reportedAt: Self.now)
        }
        #expect(CampaignRules.check(report("2026-12-01", ["garbage_tons": 70]), on: running, by: Self.owner) == nil)
        #expect(CampaignRules.check(report("2026-12-03", ["garbage_tons": 1]), on: running, by: Self.owner)?.code == "day_outside_campaign")
        #expect(CampaignRules.check(report("2026-12-01", ["trees": 1]), on: running, by: Self.owner)?.code == "unknown_target")
        #expect(CampaignRules.check(report("2026-12-01", ["garbage_tons": -1]), on: running, by: Self.owner)?.code == "invalid_progress")
        #expect(CampaignRules.check(report("2026-12-01", [:]), on: running, by: Self.citizen)?.kind == .forbidden)
        #expect(CampaignRules.check(report("2026-12-01", [:]), on: Self.cleanUp(), by: Self.owner)?.code == "wrong_state")
        let totals = Campaign.totals(of: running.targets, in: [report("2026-12-01", ["garbage_tons": 70]), report("2026-12-02", ["garbage_tons": 56])])
        #expect(totals == ["garbage_tons": 126])
    }

    @Test("a campaign covers a region when one of its area codes is a prefix of the region's code")
    func covers() {
        let campaign = Self.cleanUp()
        #expect(campaign.covers(regionCode: "140213003001007"))
        #expect(!campaign.covers(regionCode: "140213003002001"))
    }
}
