import Foundation
import Hummingbird
import Xiuhua

/// `GET /campaigns`: every campaign with its period, area, owner, progress towards each
/// target, resources, linked cases and result — for the command centre and supervisors.
/// Server-rendered like the other reports, Chinese first (`?lang=en` for English).
struct CampaignsPage {
    let services: XiuhuaServices

    func add(to router: Router<XiuhuaRequestContext>) {
        router.get("/campaigns") { request, context in
            let account = try context.requireRole(CampaignRoutes.readers, for: "查看专项行动")
            let language = UILanguage(request: request)
            var records: [(Campaign, [String: Int], Int)] = []
            for campaign in try await CampaignDesk(services: services).campaigns(for: account) {
                guard let record = try await services.store.campaignRecord(id: campaign.id) else { continue }
                records.append((record.campaign, Campaign.totals(of: record.campaign.targets, in: record.reports), record.caseNumbers.count))
            }
            return HTML(body: render(records, language: language))
        }
    }

    func render(_ records: [(campaign: Campaign, totals: [String: Int], cases: Int)], language: UILanguage) -> String {
        func t(_ key: CampaignText.Key) -> String { CampaignText.text(key, language) }
        var body = "<p class=\"switch\"><a href=\"?lang=\(language.other.code)\">\(t(.switchLanguage))</a></p>\n<h1>\(t(.title))</h1>\n"
        if records.isEmpty { body += "<p>\(t(.none))</p>" }
        for (campaign, totals, cases) in records {
            let area = campaign.areaCodes.map { (services.regions?[$0]?.name ?? $0).htmlEscaped }.joined(separator: "、")
            let targets = campaign.targets.map { target in
                let done = totals[target.key] ?? 0
                let share = min(100, done * 100 / max(1, target.goal))
                return "<tr><td>\(target.name.htmlEscaped)</td><td>\(done) / \(target.goal)</td>"
                    + "<td><progress max=\"100\" value=\"\(share)\"></progress> \(share)% \(t(.progress))</td></tr>"
            }.joined()
            let resources = campaign.resources.map { "\($0.name.htmlEscaped) \($0.count)" }.joined(separator: "、")
            body += """
            <section><h2>\(campaign.name.htmlEscaped) <span class="state \(campaign.state.rawValue)">\(t(Self.key(campaign.state)))</span> <small>\(t(Self.key(campaign.kind)))</small></h2>
            <p>\(t(.period))：\(campaign.startsOn) – \(campaign.endsOn)　\(t(.area))：\(area)　\(t(.owner))：\(campaign.ownerName.htmlEscaped)　\(t(.cases))：\(cases)</p>
            \(targets.isEmpty ? "" : "<table><tr><th>\(t(.targets))</th><th></th><th></th></tr>\(targets)</table>")
            \(resources.isEmpty ? "" : "<p>\(t(.resources))：\(resources)</p>")
            \(campaign.summary.map { "<p><strong>\(t(.summary))：</strong>\($0.htmlEscaped)</p>" } ?? "")
            </section>

            """
        }
        return MonthlyReportPage.page(title: t(.title), body: body)
            .replacingOccurrences(of: "<html lang=\"zh-CN\">", with: "<html lang=\"\(language.rawValue)\">")
    }

    static func key(_ state: CampaignState) -> CampaignText.Key {
        switch state {
        case .planned: .planned
        case .running: .running
        case .finished: .finished
        }
    }

    static func key(_ kind: CampaignKind) -> CampaignText.Key {
        switch kind {
        case .cleanUp: .cleanUp
        case .rectification: .rectification
        case .vaccination: .vaccination
        }
    }
}
