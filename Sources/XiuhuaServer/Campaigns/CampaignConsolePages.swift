import Foundation
import Hummingbird
import Xiuhua
import XiuhuaStore

/// The console's campaign desk: `/console/campaigns` lists every campaign and offers the
/// plan form to planners; `/console/campaigns/{id}` shows the area, targets against
/// progress, resources, daily reports, linked cases and the result, with the start,
/// finish and daily-report forms the signed-in person may use. The forms post to the same
/// `CampaignDesk` as the JSON API; a refusal shows the page again with its message and
/// writes nothing.
struct CampaignConsolePages {
    let services: XiuhuaServices
    let tileURL: String?

    func add(to group: RouterGroup<XiuhuaRequestContext>) {
        group.get("/console/campaigns") { request, context in try await listPage(request, context) }
        group.post("/console/campaigns") { request, context in try await plan(request, context) }
        group.get("/console/campaigns/{id}") { request, context in try await campaignPage(request, context) }
        group.post("/console/campaigns/{id}/start") { request, context in try await step(.start, request, context) }
        group.post("/console/campaigns/{id}/finish") { request, context in try await step(.finish, request, context) }
        group.post("/console/campaigns/{id}/reports") { request, context in try await step(.report, request, context) }
        group.post("/console/campaigns/{id}/cases") { request, context in try await step(.link, request, context) }
    }

    /// A step on one campaign, named as in its form's path and the `done=` flash.
    enum Step: String {
        case start, finish, report, link

        var key: CampaignConsoleText.Key {
            switch self {
            case .start: .start
            case .finish: .finish
            case .report: .report
            case .link: .link
            }
        }
    }

    /// A page refusal: the status and the message shown above the forms.
    struct Refused: Error {
        let status: HTTPResponse.Status
        let message: String
    }

    // MARK: - Who

    private func reader(_ context: XiuhuaRequestContext) -> Account? {
        guard let account = context.account, CampaignRoutes.readers.contains(account.role) else { return nil }
        return account
    }

    // MARK: - List and plan

    func listPage(
        _ request: Request, _ context: XiuhuaRequestContext, form: FormData? = nil, notice: Markup = .empty, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        guard let account = reader(context) else { return signInFirst(request) }
        let page = PageContext(request, context, tileURL: tileURL)
        func t(_ key: CampaignConsoleText.Key) -> String { CampaignConsoleText.text(key, page.language) }
        let campaigns = try await CampaignDesk(services: services).campaigns(for: account)
        let rows = campaigns.map { campaign -> Markup in
            """
            <tr><td><a href="/console/campaigns/\(campaign.id)">\(campaign.name)</a></td>\
            <td>\(CampaignText.text(CampaignsPage.key(campaign.kind), page.language))</td>\
            <td><span class="state-\(campaign.state.rawValue)">\(CampaignText.text(CampaignsPage.key(campaign.state), page.language))</span></td>\
            <td>\(campaign.startsOn.description) – \(campaign.endsOn.description)</td><td>\(area(campaign))</td><td>\(campaign.ownerName)</td></tr>
            """
        }
        let table: Markup = rows.isEmpty ? "<p class=\"empty\">\(t(.none))</p>" : """
            <div class="table-wrap"><table class="campaigns" id="campaigns">
            <thead><tr><th scope="col">\(t(.colName))</th><th scope="col">\(t(.colKind))</th><th scope="col">\(t(.colState))</th>\
            <th scope="col">\(t(.colPeriod))</th><th scope="col">\(t(.colArea))</th><th scope="col">\(t(.colOwner))</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """
        let planForm = CampaignRules.planners.contains(account.role) ? planFormMarkup(page, form: form) : .empty
        let body: Markup = """
        <h1>\(t(.title))</h1>
        \(notice)
        \(table)
        \(planForm)
        """
        return try WebPage(context: page, area: .console, title: t(.title), body: body, status: status).response(from: request, context: context)
    }

    private func planFormMarkup(_ page: PageContext, form: FormData?) -> Markup {
        func t(_ key: CampaignConsoleText.Key) -> String { CampaignConsoleText.text(key, page.language) }
        let value: (String) -> String = { form?[$0] ?? "" }
        let chosenKind = form?["kind"] ?? CampaignKind.cleanUp.rawValue
        let kinds = CampaignKind.allCases.map { kind -> Markup in
            "<option value=\"\(kind.rawValue)\"\(Markup.when(kind.rawValue == chosenKind, " selected"))>\(CampaignText.text(CampaignsPage.key(kind), page.language))</option>"
        }
        return """
        <section class="card" id="plan">
        <h2>\(t(.planTitle))</h2>
        <form method="post" action="/console/campaigns">
        \(page.csrfField)
        <label for="name">\(t(.name))</label>
        <input type="text" id="name" name="name" required maxlength="100" value="\(value("name"))">
        <label for="kind">\(t(.kind))</label>
        <select id="kind" name="kind">\(kinds)</select>
        <label for="category">\(t(.category))</label>
        <input type="text" id="category" name="category" value="\(value("category"))" aria-describedby="category-hint">
        <p class="hint" id="category-hint">\(t(.categoryHint))</p>
        <label for="areas">\(t(.areas))</label>
        <input type="text" id="areas" name="areas" required value="\(value("areas"))" aria-describedby="areas-hint">
        <p class="hint" id="areas-hint">\(t(.areasHint))</p>
        <label for="starts_on">\(t(.startsOn))</label>
        <input type="date" id="starts_on" name="starts_on" required value="\(value("starts_on"))">
        <label for="ends_on">\(t(.endsOn))</label>
        <input type="date" id="ends_on" name="ends_on" required value="\(value("ends_on"))">
        <label for="targets">\(t(.targets))</label>
        <textarea id="targets" name="targets" rows="3" aria-describedby="targets-hint">\(form?.fields["targets"]?.first ?? "")</textarea>
        <p class="hint" id="targets-hint">\(t(.targetsHint))</p>
        <label for="resources">\(t(.resources))</label>
        <textarea id="resources" name="resources" rows="3" aria-describedby="resources-hint">\(form?.fields["resources"]?.first ?? "")</textarea>
        <p class="hint" id="resources-hint">\(t(.resourcesHint))</p>
        <button type="submit" class="primary">\(t(.plan))</button>
        </form>
        </section>
        """
    }

    func plan(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        try CSRFToken.check(request, form)
        guard let account = reader(context) else { return signInFirst(request) }
        let language = UILanguage.page(request)
        do {
            let plan = try Self.plan(from: form, language: language)
            let campaign = try await refusalsShown { try await CampaignDesk(services: services).plan(plan, by: account) }
            return Response.redirect(to: "/console/campaigns/\(campaign.id)?done=plan", type: .normal)
        } catch let refused as Refused {
            return try await listPage(request, context, form: form, notice: Self.notice(refused, language), status: refused.status)
        }
    }

    /// Reads the plan form; a field that cannot be read is a 400 naming it.
    static func plan(from form: FormData, language: UILanguage) throws -> CampaignDesk.Plan {
        func t(_ key: CampaignConsoleText.Key, _ values: [String: String] = [:]) -> String { CampaignConsoleText.text(key, language, values) }
        guard let kind = form["kind"].flatMap(CampaignKind.init(rawValue:)) else { throw Refused(status: .badRequest, message: t(.badKind)) }
        func date(_ field: String, _ key: CampaignConsoleText.Key) throws -> LocalDate {
            guard let text = form[field], let date = try? LocalDate(text) else {
                throw Refused(status: .badRequest, message: t(.badDate, ["field": t(key)]))
            }
            return date
        }
        let startsOn = try date("starts_on", .startsOn)
        let endsOn = try date("ends_on", .endsOn)
        var targets: [CampaignTarget] = []
        for line in lines(form.fields["targets"]?.first) {
            var words = line.split(whereSeparator: \.isWhitespace).map(String.init)
            guard words.count >= 2, let goal = Int(words.removeLast()) else {
                throw Refused(status: .badRequest, message: t(.badTargetLine, ["line": line]))
            }
            targets.append(CampaignTarget(key: "t\(targets.count + 1)", name: words.joined(separator: " "), goal: goal))
        }
        var resources: [CampaignResource] = []
        for line in lines(form.fields["resources"]?.first) {
            var words = line.split(whereSeparator: \.isWhitespace).map(String.init)
            guard words.count >= 3, let count = Int(words.removeLast()), let kind = resourceKind(words.removeFirst()) else {
                throw Refused(status: .badRequest, message: t(.badResourceLine, ["line": line]))
            }
            resources.append(CampaignResource(kind: kind, name: words.joined(separator: " "), count: count))
        }
        let areas = (form["areas"] ?? "").split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" || $0.isWhitespace }).map(String.init)
        return CampaignDesk.Plan(
            name: form["name"] ?? "", kind: kind, categoryCode: kind == .rectification ? form["category"] : nil, areaCodes: areas,
            startsOn: startsOn, endsOn: endsOn, targets: targets, resources: resources
        )
    }

    private static func lines(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// `人员`, `people` and the like.
    private static func resourceKind(_ word: String) -> CampaignResource.Kind? {
        switch word.lowercased() {
        case "人员", "people": .people
        case "机械", "machines": .machines
        case "车辆", "vehicles": .vehicles
        default: nil
        }
    }

    // MARK: - One campaign

    func campaignPage(
        _ request: Request, _ context: XiuhuaRequestContext, form: FormData? = nil, notice: Markup = .empty, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        guard let account = reader(context) else { return signInFirst(request) }
        let page = PageContext(request, context, tileURL: tileURL)
        let language = page.language
        func t(_ key: CampaignConsoleText.Key) -> String { CampaignConsoleText.text(key, language) }
        let id = try context.parameters.require("id")
        let record: CampaignRecord
        do {
            record = try await CampaignDesk(services: services).record(id, for: account)
        } catch is CampaignRefusal {
            throw WebError.notFound
        }
        let campaign = record.campaign
        var flash = notice
        if let done = request.uri.queryParameters["done"].map(String.init) {
            let label = done == "plan" ? t(.plan) : Step(rawValue: done).map { t($0.key) }
            if let label {
                flash = "<div class=\"notice good\" role=\"status\" id=\"flash\">\(CampaignConsoleText.text(.done, language, ["action": label]))</div>"
            }
        }
        let totals = Campaign.totals(of: campaign.targets, in: record.reports)
        let targets = campaign.targets.map { target -> Markup in
            let done = totals[target.key] ?? 0
            return """
                <tr><td>\(target.name)</td><td>\(done) / \(target.goal)</td>\
                <td><progress max="\(target.goal)" value="\(min(done, target.goal))">\(done * 100 / max(1, target.goal))%</progress></td></tr>
                """
        }
        let resources = campaign.resources.map { resource -> Markup in
            "<li>\(CampaignText.text(Self.key(resource.kind), language)) · \(resource.name) \(resource.count)</li>"
        }
        let names = Dictionary(campaign.targets.map { ($0.key, $0.name) }, uniquingKeysWith: { first, _ in first })
        let reports = record.reports.map { report -> Markup in
            let amounts = campaign.targets.compactMap { target in report.progress[target.key].map { "\(names[target.key] ?? target.key) \($0)" } }
            return "<tr><td>\(report.day.description)</td><td>\(amounts.joined(separator: "、"))</td><td>\(report.note)</td><td>\(report.reporterName)</td></tr>"
        }
        let cases = record.caseNumbers.map { Markup("<li><a href=\"/console/cases/\($0)\">\($0)</a></li>") }
        let body: Markup = """
        <p><a href="/console/campaigns">\(t(.title))</a></p>
        <h1 id="campaign-name">\(campaign.name) <span class="state-\(campaign.state.rawValue)" id="campaign-state">\(CampaignText.text(CampaignsPage.key(campaign.state), language))</span></h1>
        \(flash)
        <dl class="facts">
        <dt>\(t(.kind))</dt><dd>\(CampaignText.text(CampaignsPage.key(campaign.kind), language))\(campaign.categoryCode.map { " · \(services.catalog.matter(code: $0)?.name ?? $0)" } ?? "")</dd>
        <dt>\(t(.period))</dt><dd>\(campaign.startsOn.description) – \(campaign.endsOn.description)</dd>
        <dt>\(t(.area))</dt><dd>\(area(campaign))</dd>
        <dt>\(t(.owner))</dt><dd>\(campaign.ownerName)</dd>
        </dl>
        <section class="card" id="progress">
        <h2>\(t(.progress))</h2>
        \(targets.isEmpty ? Markup.empty : "<table><tbody>\(targets)</tbody></table>")
        \(resources.isEmpty ? Markup.empty : "<h3>\(CampaignText.text(.resources, language))</h3><ul id=\"resources\">\(resources)</ul>")
        </section>
        <section class="card" id="reports">
        <h2>\(t(.reports))</h2>
        \(reports.isEmpty ? Markup("<p class=\"empty\">\(t(.reportsNone))</p>") : """
            <div class="table-wrap"><table><thead><tr><th scope="col">\(t(.day))</th><th scope="col">\(t(.progress))</th>\
            <th scope="col">\(t(.note))</th><th scope="col">\(t(.reporter))</th></tr></thead><tbody>\(reports)</tbody></table></div>
            """)
        </section>
        <section class="card" id="cases">
        <h2>\(t(.cases))</h2>
        \(cases.isEmpty ? Markup("<p class=\"empty\">\(t(.casesNone))</p>") : "<ul>\(cases)</ul>")
        </section>
        \(campaign.summary.map { Markup("<section class=\"card\" id=\"summary\"><h2>\(t(.summary))</h2><p>\($0)</p></section>") })
        \(forms(campaign, account: account, page: page, form: form))
        """
        return try WebPage(context: page, area: .console, title: campaign.name, body: body, status: status).response(from: request, context: context)
    }

    /// The forms this person may use now, asked of the same rules the steps apply.
    private func forms(_ campaign: Campaign, account: Account, page: PageContext, form: FormData?) -> Markup {
        func t(_ key: CampaignConsoleText.Key) -> String { CampaignConsoleText.text(key, page.language) }
        let actor = account.actor
        let now = services.now()
        var parts: [Markup] = []
        if case .success = CampaignRules.start(campaign, by: actor, at: now) {
            parts.append("""
                <section class="card" id="start"><h2>\(t(.startTitle))</h2>
                <form method="post" action="/console/campaigns/\(campaign.id)/start">\(page.csrfField)\
                <button type="submit" class="primary">\(t(.start))</button></form></section>
                """)
        }
        let probe = CampaignReport(day: campaign.startsOn, progress: [:], note: "", reporterID: actor.id, reporterName: "", reportedAt: now)
        if CampaignRules.check(probe, on: campaign, by: actor) == nil {
            let today = services.calendar.localDate(of: now)
            let day = form?["day"] ?? (today >= campaign.startsOn && today <= campaign.endsOn ? today : campaign.startsOn).description
            let amounts = campaign.targets.map { target -> Markup in
                """
                <label for="progress_\(target.key)">\(target.name)</label>
                <input type="number" id="progress_\(target.key)" name="progress_\(target.key)" min="0" step="1" value="\(form?["progress_\(target.key)"] ?? "")">
                """
            }
            parts.append("""
                <section class="card" id="report"><h2>\(t(.reportTitle))</h2>
                <form method="post" action="/console/campaigns/\(campaign.id)/reports">
                \(page.csrfField)
                <label for="day">\(t(.day))</label>
                <input type="date" id="day" name="day" required value="\(day)" min="\(campaign.startsOn.description)" max="\(campaign.endsOn.description)">
                \(amounts)
                <label for="note">\(t(.note))</label>
                <textarea id="note" name="note" rows="2" maxlength="2000">\(form?.fields["note"]?.first ?? "")</textarea>
                <button type="submit" class="primary">\(t(.report))</button>
                </form></section>
                """)
        }
        if CampaignDesk.linkRefusal(campaign, by: actor) == nil {
            parts.append("""
                <section class="card" id="link"><h2>\(t(.linkTitle))</h2>
                <form method="post" action="/console/campaigns/\(campaign.id)/cases">
                \(page.csrfField)
                <label for="case-number">\(t(.caseNumber))</label>
                <input type="text" id="case-number" name="case_number" required maxlength="40" value="\(form?["case_number"] ?? "")">
                <button type="submit">\(t(.link))</button>
                </form></section>
                """)
        }
        if case .success = CampaignRules.finish(campaign, summary: "-", by: actor, at: now) {
            parts.append("""
                <section class="card" id="finish"><h2>\(t(.finishTitle))</h2>
                <form method="post" action="/console/campaigns/\(campaign.id)/finish">
                \(page.csrfField)
                <label for="summary">\(t(.summary))</label>
                <textarea id="summary" name="summary" rows="3" required maxlength="4000">\(form?.fields["summary"]?.first ?? "")</textarea>
                <button type="submit">\(t(.finish))</button>
                </form></section>
                """)
        }
        return Markup(joining: parts)
    }

    func step(_ step: Step, _ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        try CSRFToken.check(request, form)
        guard let account = reader(context) else { return signInFirst(request) }
        let language = UILanguage.page(request)
        let id = try context.parameters.require("id")
        let desk = CampaignDesk(services: services)
        do {
            switch step {
            case .start:
                try await refusalsShown { try await desk.start(id, by: account) }
            case .finish:
                try await refusalsShown { try await desk.finish(id, summary: form.fields["summary"]?.first ?? "", by: account) }
            case .report:
                guard let text = form["day"], let day = try? LocalDate(text) else {
                    throw Refused(status: .badRequest, message: CampaignConsoleText.text(.badDate, language, ["field": CampaignConsoleText.text(.day, language)]))
                }
                var progress: [String: Int] = [:]
                for (name, values) in form.fields where name.hasPrefix("progress_") {
                    let key = String(name.dropFirst("progress_".count))
                    guard let text = values.first?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { continue }
                    guard let amount = Int(text) else {
                        throw Refused(status: .badRequest, message: CampaignConsoleText.text(.badProgress, language, ["target": key]))
                    }
                    progress[key] = amount
                }
                _ = try await refusalsShown { try await desk.report(day: day, progress: progress, note: form["note"] ?? "", to: id, by: account) }
            case .link:
                try await refusalsShown { try await desk.link(caseNumber: form["case_number"] ?? "", to: id, by: account) }
            }
        } catch let refused as Refused {
            return try await campaignPage(request, context, form: form, notice: Self.notice(refused, language), status: refused.status)
        }
        return Response.redirect(to: "/console/campaigns/\(id)?done=\(step.rawValue)", type: .normal)
    }

    // MARK: - Pieces

    /// Runs a desk step, turning a rule's refusal (other than a missing campaign) into a page refusal.
    private func refusalsShown<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let refusal as CampaignRefusal {
            // A missing campaign is a missing page; a missing case is a mistyped number on the form.
            guard refusal.kind != .notFound || refusal.code == "case_not_found" else { throw WebError.notFound }
            throw Refused(status: refusal.apiError.status, message: refusal.message)
        }
    }

    static func notice(_ refused: Refused, _ language: UILanguage) -> Markup {
        "<div class=\"notice bad\" role=\"alert\" id=\"flash\">\(CampaignConsoleText.text(.refused, language))\(refused.message)</div>"
    }

    private func area(_ campaign: Campaign) -> String {
        campaign.areaCodes.map { services.regions?[$0]?.name ?? $0 }.joined(separator: "、")
    }

    static func key(_ kind: CampaignResource.Kind) -> CampaignText.Key {
        switch kind {
        case .people: .people
        case .machines: .machines
        case .vehicles: .vehicles
        }
    }
}
