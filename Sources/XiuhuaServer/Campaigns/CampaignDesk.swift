import Foundation
import Xiuhua
import XiuhuaStore

/// The campaign steps the JSON API and the console's forms share: each checks the rules in
/// `CampaignRules` and writes through the store, throwing a `CampaignRefusal` that the
/// caller answers as JSON or shows on the page. Keeping them here means a form can never
/// do what the API would refuse.
struct CampaignDesk {
    let services: XiuhuaServices

    /// What a planner fills in for a new campaign.
    struct Plan: Sendable {
        var name: String
        var kind: CampaignKind
        var categoryCode: String?
        var areaCodes: [String]
        var startsOn: LocalDate
        var endsOn: LocalDate
        var targets: [CampaignTarget]
        var resources: [CampaignResource]
    }

    /// True when `account` may read and act on `campaign`: its owner, or anyone whose
    /// territory (`AccessPolicy`) overlaps the regions it covers.
    static func inScope(_ campaign: Campaign, _ account: Account, regions: RegionTree?) -> Bool {
        campaign.ownerID == account.id
            || AccessPolicy.territory(of: account.actor, in: .campaigns).overlaps(areaCodes: campaign.areaCodes, in: regions)
    }

    /// The campaigns `account` may read (of `state` and `kind` when given).
    func campaigns(for account: Account, state: CampaignState? = nil, kind: CampaignKind? = nil) async throws -> [Campaign] {
        try await services.store.campaigns(state: state, kind: kind).filter { Self.inScope($0, account, regions: services.regions) }
    }

    /// Campaign `id` with its reports and cases if `account` may read it; not found otherwise.
    func record(_ id: String, for account: Account) async throws -> CampaignRecord {
        guard let record = try await services.store.campaignRecord(id: id), Self.inScope(record.campaign, account, regions: services.regions) else {
            throw Self.notFound(id)
        }
        return record
    }

    static func notFound(_ id: String) -> CampaignRefusal {
        CampaignRefusal(.notFound, "campaign_not_found", "没有这个专项行动 (no such campaign): \(id)")
    }

    /// Plans a campaign owned by `account`; nothing is written when a rule refuses.
    func plan(_ plan: Plan, by account: Account) async throws -> Campaign {
        if let refusal = CampaignRules.mayPlan(account.actor, areaCodes: plan.areaCodes) { throw refusal }
        if let code = plan.categoryCode, services.catalog.resolve(code: code) == nil {
            throw CampaignRefusal.invalid("unknown_category", "没有这个事项类别 (no such category): \(code)")
        }
        let draft = Campaign(
            id: newIdentifier("cp"), name: plan.name, kind: plan.kind, categoryCode: plan.categoryCode,
            areaCodes: plan.areaCodes, startsOn: plan.startsOn, endsOn: plan.endsOn,
            ownerID: account.id, ownerName: account.name, targets: plan.targets, resources: plan.resources,
            createdAt: services.now()
        )
        let regions = services.regions
        let campaign = try CampaignRules.validate(draft, knownRegion: { regions?[$0] != nil }).get()
        try await services.store.createCampaign(campaign)
        return campaign
    }

    func start(_ id: String, by account: Account) async throws {
        _ = try await record(id, for: account)
        let now = services.now()
        let actor = account.actor
        _ = try await services.store.changeCampaign(id: id) { CampaignRules.start($0, by: actor, at: now) }
    }

    func finish(_ id: String, summary: String, by account: Account) async throws {
        _ = try await record(id, for: account)
        let now = services.now()
        let actor = account.actor
        _ = try await services.store.changeCampaign(id: id) { CampaignRules.finish($0, summary: summary, by: actor, at: now) }
    }

    /// Why `actor` may not link cases to `campaign` by hand now, or nil: its owner or a
    /// planner may, until it is finished.
    static func linkRefusal(_ campaign: Campaign, by actor: Actor) -> CampaignRefusal? {
        guard actor.id == campaign.ownerID || CampaignRules.planners.contains(actor.role) else {
            return CampaignRefusal(.forbidden, "forbidden_role", "\(actor.role.label)无权关联案件 (your role may not link cases)")
        }
        return campaign.state == .finished
            ? CampaignRefusal(.conflict, "wrong_state", "专项行动已结束，不能再关联案件 (the campaign is finished)") : nil
    }

    /// Links case `number` to campaign `id` by hand (linking twice is harmless).
    func link(caseNumber number: String, to id: String, by account: Account) async throws {
        _ = try await record(id, for: account)
        let actor = account.actor
        let number = number.trimmingCharacters(in: .whitespaces)
        guard !number.isEmpty else { throw CampaignRefusal.invalid("invalid_case_number", "请填写案件编号 (give the case number)") }
        try await services.store.linkCase(number, to: id, at: services.now()) { Self.linkRefusal($0, by: actor) }
    }

    /// Files a day's progress on campaign `id` and answers the campaign as it now stands.
    func report(day: LocalDate, progress: [String: Int], note: String, to id: String, by account: Account) async throws -> CampaignRecord {
        let report = CampaignReport(
            day: day, progress: progress, note: note, reporterID: account.id, reporterName: account.name, reportedAt: services.now()
        )
        _ = try await record(id, for: account)
        let actor = account.actor
        return try await services.store.addCampaignReport(report, to: id) { CampaignRules.check(report, on: $0, by: actor) }
    }
}
