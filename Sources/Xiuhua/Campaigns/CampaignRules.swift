import Foundation

/// Who may do what to a campaign, and which inputs make a campaign: pure rules the store
/// applies inside its transactions.
public enum CampaignRules {
    /// Roles that plan campaigns: the command centre, supervisors and streets.
    public static let planners: Set<Role> = [.admin, .supervisor, .dutyChief, .dispatcher, .streetOfficer]
    /// Roles that may file a day's progress besides the owner: people working in the field.
    public static let reporters: Set<Role> = planners.union([.gridWorker, .healthWorker])

    /// Checks a new campaign's fields; returns the campaign with names trimmed.
    public static func validate(_ campaign: Campaign, knownRegion: (String) -> Bool) -> Result<Campaign, CampaignRefusal> {
        var checked = campaign
        checked.name = campaign.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !checked.name.isEmpty, checked.name.count <= 100 else {
            return .failure(.invalid("invalid_name", "name 应为 1 到 100 个字符 (name must be 1–100 characters)"))
        }
        guard campaign.startsOn <= campaign.endsOn else {
            return .failure(.invalid("invalid_period", "结束日期早于开始日期 (ends_on is before starts_on)"))
        }
        guard campaign.endsOn.dayNumber - campaign.startsOn.dayNumber < 366 else {
            return .failure(.invalid("invalid_period", "专项行动不超过一年 (a campaign lasts at most a year)"))
        }
        guard !campaign.areaCodes.isEmpty else {
            return .failure(.invalid("invalid_area", "area_codes 至少一个区域 (give at least one region code)"))
        }
        if let unknown = campaign.areaCodes.first(where: { !knownRegion($0) }) {
            return .failure(.invalid("unknown_region", "本区没有这个街道、社区或网格 (no such region in the district): \(unknown)"))
        }
        checked.areaCodes = Array(Set(campaign.areaCodes)).sorted()
        switch campaign.kind {
        case .rectification:
            guard campaign.categoryCode?.isEmpty == false else {
                return .failure(.invalid("missing_category", "专项整治须指定事项类别 category_code (a rectification names its category)"))
            }
        case .cleanUp, .vaccination:
            guard campaign.categoryCode == nil else {
                return .failure(.invalid("unexpected_category", "只有专项整治指定类别 (only a rectification names a category)"))
            }
        }
        var keys: Set<String> = []
        for target in campaign.targets {
            guard !target.key.isEmpty, target.key.count <= 40, keys.insert(target.key).inserted else {
                return .failure(.invalid("invalid_target", "目标 key 须非空且不重复 (target keys must be non-empty and distinct): \(target.key)"))
            }
            guard target.goal > 0, !target.name.trimmingCharacters(in: .whitespaces).isEmpty else {
                return .failure(.invalid("invalid_target", "目标须有名称和正数 goal (a target needs a name and a positive goal): \(target.key)"))
            }
        }
        for resource in campaign.resources {
            guard resource.count > 0, resource.count <= 100_000, !resource.name.trimmingCharacters(in: .whitespaces).isEmpty else {
                return .failure(.invalid("invalid_resource", "资源须有名称和 1 到 100000 的数量 (a resource needs a name and a count 1…100000): \(resource.name)"))
            }
        }
        return .success(checked)
    }

    /// May `actor` plan a campaign over `areaCodes`? A street officer plans only in its streets.
    public static func mayPlan(_ actor: Actor, areaCodes: [String]) -> CampaignRefusal? {
        guard planners.contains(actor.role) else {
            return .init(.forbidden, "forbidden_role", "\(actor.role.label)无权发起专项行动 (your role may not plan a campaign)")
        }
        if actor.role == .streetOfficer, !areaCodes.allSatisfy({ code in actor.streetCodes.contains { code.hasPrefix($0) } }) {
            return .init(.forbidden, "out_of_scope", "只能在本街道发起专项行动 (a street plans campaigns only in its own streets)")
        }
        return nil
    }

    /// Starts a planned campaign: only its owner or an administrator.
    public static func start(_ campaign: Campaign, by actor: Actor, at now: Date) -> Result<Campaign, CampaignRefusal> {
        if let refusal = mayRun(campaign, actor) { return .failure(refusal) }
        guard campaign.state == .planned else { return .failure(wrongState(campaign, "启动")) }
        var next = campaign
        next.state = .running
        next.startedAt = now
        return .success(next)
    }

    /// Finishes a running campaign with its result summary: only its owner or an administrator.
    public static func finish(_ campaign: Campaign, summary: String, by actor: Actor, at now: Date) -> Result<Campaign, CampaignRefusal> {
        if let refusal = mayRun(campaign, actor) { return .failure(refusal) }
        guard campaign.state == .running else { return .failure(wrongState(campaign, "结束")) }
        let summary = summary.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !summary.isEmpty, summary.count <= 4000 else {
            return .failure(.invalid("missing_summary", "结束时须填写成效总结 summary (finishing needs a result summary, ≤ 4000 characters)"))
        }
        var next = campaign
        next.state = .finished
        next.summary = summary
        next.finishedAt = now
        return .success(next)
    }

    /// Checks a day's progress report against the running campaign.
    public static func check(_ report: CampaignReport, on campaign: Campaign, by actor: Actor) -> CampaignRefusal? {
        guard actor.id == campaign.ownerID || reporters.contains(actor.role) else {
            return .init(.forbidden, "forbidden_role", "\(actor.role.label)无权填报专项行动进展 (your role may not report progress)")
        }
        guard campaign.state == .running else { return wrongState(campaign, "填报进展") }
        guard report.day >= campaign.startsOn, report.day <= campaign.endsOn else {
            return .invalid("day_outside_campaign", "日期不在行动期内 (the day is outside the campaign): \(report.day)")
        }
        let keys = Set(campaign.targets.map(\.key))
        if let unknown = report.progress.keys.sorted().first(where: { !keys.contains($0) }) {
            return .invalid("unknown_target", "没有这个目标 (no such target): \(unknown)")
        }
        if let negative = report.progress.first(where: { $0.value < 0 || $0.value > 10_000_000 }) {
            return .invalid("invalid_progress", "进展数须在 0 到 10000000 之间 (amounts are 0…10000000): \(negative.key)")
        }
        guard report.note.count <= 2000 else {
            return .invalid("invalid_note", "说明不超过 2000 字 (note is at most 2000 characters)")
        }
        return nil
    }

    private static func mayRun(_ campaign: Campaign, _ actor: Actor) -> CampaignRefusal? {
        guard actor.id == campaign.ownerID || actor.role == .admin else {
            return .init(.forbidden, "not_owner", "只有负责人或管理员可以启动或结束专项行动 (only the owner or an administrator may start or finish a campaign)")
        }
        return nil
    }

    private static func wrongState(_ campaign: Campaign, _ verb: String) -> CampaignRefusal {
        .init(.conflict, "wrong_state", "专项行动\(campaign.state.label)，不能\(verb) (the campaign is \(campaign.state.rawValue))")
    }
}
