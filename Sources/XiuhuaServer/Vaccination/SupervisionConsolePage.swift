import Foundation
import Hummingbird
import Xiuhua
import XiuhuaStore

/// `/console/vaccination/supervision`: a supervision group member's groups, their recent
/// inspections (score and findings) and the inspection form, item by item of the
/// vaccination-site checklist (`ChecklistTemplate.vaccinationSite`), passed or failed with
/// the number of findings. It records through `SupervisionRoutes.record`, like the API.
/// Supervisors and the administrator also see every group and form new ones here
/// (`SupervisionRoutes.form`, like the API).
struct SupervisionConsolePage {
    let services: XiuhuaServices
    let tileURL: String?

    func add(to group: RouterGroup<XiuhuaRequestContext>) {
        group.get("/console/vaccination/supervision") { request, context in try await page(request, context) }
        group.post("/console/vaccination/supervision/{id}/inspections") { request, context in try await inspect(request, context) }
        group.post("/console/vaccination/supervision") { request, context in try await formGroup(request, context) }
    }

    func page(
        _ request: Request, _ context: XiuhuaRequestContext, form: FormData? = nil, notice: Markup = .empty, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        guard let account = context.account, VaccinationRoutes.staff.contains(account.role) else {
            return Response.redirect(to: "/console/login?next=%2Fconsole%2Fvaccination%2Fsupervision", type: .found)
        }
        let page = PageContext(request, context, tileURL: tileURL)
        func t(_ key: VaccinationConsoleText.Key) -> String { VaccinationConsoleText.text(key, page.language) }
        let template = ChecklistTemplate.vaccinationSite
        let allSites = try await services.store.sites()
        let sites = Dictionary(allSites.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var flash = notice
        switch request.uri.queryParameters["done"] {
        case "group"?: flash = "<div class=\"notice good\" role=\"status\" id=\"flash\">\(t(.groupFormed))</div>"
        case _?: flash = "<div class=\"notice good\" role=\"status\" id=\"flash\">\(t(.supervisionDone))</div>"
        case nil: break
        }
        let groups = try await services.store.supervisionGroups()
        var sections: [Markup] = []
        for group in groups where group.memberIDs.contains(account.id) {
            let inspections = try await services.store.supervisionGroup(id: group.id)?.inspections ?? []
            let rows = inspections.prefix(20).map { inspection -> Markup in
                "<tr><td>\(page.time(inspection.inspectedAt))</td><td>\(sites[inspection.siteID] ?? inspection.siteID)</td><td class=\"score\">\(inspection.score)</td><td>\(inspection.findings.joined(separator: "、"))</td><td>\(inspection.note)</td></tr>"
            }
            let siteOptions = group.siteIDs.map { Markup("<option value=\"\($0)\">\(sites[$0] ?? $0)</option>") }
            let items = template.items.map { item -> Markup in
                """
                <fieldset class="screening"><legend>\(item.text)（-\(item.deduction)）</legend>
                <label><input type="radio" name="item_\(item.code)" value="pass"> \(t(.itemMet))</label>
                <label><input type="radio" name="item_\(item.code)" value="fail"> \(t(.itemNotMet))</label>
                <label>\(t(.findings)) <input type="number" name="findings_\(item.code)" min="1" max="20" step="1"></label>
                </fieldset>
                """
            }
            sections.append("""
                <section class="card" data-group="\(group.id)"><h2>\(group.name)</h2>
                \(rows.isEmpty ? Markup.empty : "<div class=\"table-wrap\"><table><tbody>\(rows)</tbody></table></div>")
                <form method="post" action="/console/vaccination/supervision/\(group.id)/inspections">
                \(page.csrfField)
                <label for="site-\(group.id)">\(t(.site))</label>
                <select id="site-\(group.id)" name="site">\(siteOptions)</select>
                <h3>\(template.name)</h3>
                \(items)
                <label for="note-\(group.id)">\(t(.note))</label>
                <textarea id="note-\(group.id)" name="note" rows="2" maxlength="2000"></textarea>
                <button type="submit" class="primary">\(t(.inspect))</button>
                </form></section>
                """)
        }
        let title = t(.supervisionTitle)
        let body: Markup = """
        <p><a href="/console/vaccination">\(t(.title))</a></p>
        <h1>\(title)</h1>
        \(flash)
        \(sections.isEmpty ? Markup("<p class=\"empty\">\(t(.supervisionNone))</p>") : Markup(joining: sections))
        \(SupervisionGroup.organisers.contains(account.role) ? try await organiserSections(groups, sites: allSites, page: page, form: form) : .empty)
        """
        return try WebPage(context: page, area: .console, title: title, body: body, status: status).response(from: request, context: context)
    }

    /// Every group (name, members, sites) and the form that forms a new one.
    private func organiserSections(_ groups: [SupervisionGroup], sites: [VaccinationSite], page: PageContext, form: FormData?) async throws -> Markup {
        func t(_ key: VaccinationConsoleText.Key) -> String { VaccinationConsoleText.text(key, page.language) }
        let siteNames = Dictionary(sites.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let accountNames = groups.isEmpty ? [:] : Dictionary(try await services.store.accounts().map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var rows: [Markup] = []
        for group in groups {
            let names = group.memberIDs.map { accountNames[$0] ?? $0 }
            rows.append("""
                <tr><td>\(group.name)</td><td>\(names.joined(separator: "、"))</td>\
                <td>\(group.siteIDs.map { siteNames[$0] ?? $0 }.joined(separator: "、"))</td></tr>
                """)
        }
        let table: Markup = rows.isEmpty ? "<p class=\"empty\">\(t(.groupsNone))</p>" : """
            <div class="table-wrap"><table id="groups"><thead><tr><th scope="col">\(t(.groupName))</th>\
            <th scope="col">\(t(.groupMembers))</th><th scope="col">\(t(.sites))</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """
        let chosen = Set(form?.fields["site"] ?? [])
        let siteBoxes = sites.map { site -> Markup in
            "<label><input type=\"checkbox\" name=\"site\" value=\"\(site.id)\"\(Markup.when(chosen.contains(site.id), " checked"))> \(site.name)</label>"
        }
        return """
            <section class="card" id="groups-card"><h2>\(t(.groupsTitle))</h2>
            \(table)
            <h3>\(t(.formGroup))</h3>
            <form method="post" action="/console/vaccination/supervision" id="group-form">
            \(page.csrfField)
            <label for="group-name">\(t(.groupName))</label>
            <input type="text" id="group-name" name="name" required maxlength="100" value="\(form?["name"] ?? "")">
            <label for="group-members">\(t(.groupMembers))</label>
            <textarea id="group-members" name="members" rows="2" aria-describedby="group-members-hint">\(form?["members"] ?? "")</textarea>
            <p class="hint" id="group-members-hint">\(t(.groupMembersHint))</p>
            <fieldset><legend>\(t(.sites))</legend>\(siteBoxes)</fieldset>
            <button type="submit" class="primary">\(t(.formGroup))</button>
            </form></section>
            """
    }

    func formGroup(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        try CSRFToken.check(request, form)
        guard let account = context.account, VaccinationRoutes.staff.contains(account.role) else { throw WebError.forbidden("role") }
        // Usernames one per line, or separated by commas, 、 or spaces.
        let members = (form["members"] ?? "").split { $0.isWhitespace || $0 == "," || $0 == "，" || $0 == "、" }.map(String.init)
        do {
            _ = try await SupervisionRoutes(services: services).form(
                name: form["name"] ?? "", members: members, siteIDs: form.fields["site"] ?? [], by: account
            )
        } catch let refusal as CampaignRefusal {
            let notice: Markup = "<div class=\"notice bad\" role=\"alert\" id=\"flash\">\(refusal.message)</div>"
            return try await page(request, context, form: form, notice: notice, status: refusal.apiError.status)
        }
        return Response.redirect(to: "/console/vaccination/supervision?done=group", type: .normal)
    }

    func inspect(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        try CSRFToken.check(request, form)
        guard let account = context.account, VaccinationRoutes.staff.contains(account.role) else { throw WebError.forbidden("role") }
        let id = try context.parameters.require("id")
        let items = ChecklistTemplate.vaccinationSite.items.compactMap { item -> SupervisionRoutes.ItemAnswer? in
            switch form["item_\(item.code)"] {
            case "pass": SupervisionRoutes.ItemAnswer(item: item.code, passed: true, findings: nil, note: nil)
            case "fail": SupervisionRoutes.ItemAnswer(item: item.code, passed: false, findings: form["findings_\(item.code)"].flatMap { Int($0) }, note: nil)
            default: nil
            }
        }
        do {
            _ = try await SupervisionRoutes(services: services).record(
                groupID: id, siteID: form["site"] ?? "", items: items, answers: nil, note: form.fields["note"]?.first, by: account
            )
        } catch let refusal as CampaignRefusal {
            let notice: Markup = "<div class=\"notice bad\" role=\"alert\" id=\"flash\">\(refusal.message)</div>"
            return try await page(request, context, notice: notice, status: refusal.apiError.status)
        }
        return Response.redirect(to: "/console/vaccination/supervision?done=1", type: .normal)
    }
}
