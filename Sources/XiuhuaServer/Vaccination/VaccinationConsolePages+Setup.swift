import Foundation
import Hummingbird
import Xiuhua
import XiuhuaStore

/// Setting the drive up from the console rather than the API: putting a resident on the
/// roster (health and grid workers, the administrator), opening a site and planning a mobile
/// team's days (health workers, the administrator). Each form posts to the same
/// `VaccinationDesk` step as the JSON API; a refusal shows the form again, filled in as sent,
/// with the reason.
extension VaccinationConsolePages {
    /// The roster form on the desk page, for the roles that keep the roster.
    func residentForm(_ account: Account, page: PageContext, form: FormData?) -> Markup {
        guard VaccinationRules.rosterKeepers.contains(account.role) else { return .empty }
        func t(_ key: VaccinationConsoleText.Key) -> String { VaccinationConsoleText.text(key, page.language) }
        // A grid worker with assigned grids chooses among them; others type the grid's code.
        let gridField: Markup
        if account.role == .gridWorker, !account.gridCodes.isEmpty {
            let options = account.gridCodes.sorted().map { code -> Markup in
                "<option value=\"\(code)\"\(Markup.when(form?["grid_code"] == code, " selected"))>\(services.regions?[code]?.name ?? code) (\(code))</option>"
            }
            gridField = "<select id=\"new-grid\" name=\"grid_code\">\(options)</select>"
        } else {
            gridField = """
                <input type="text" id="new-grid" name="grid_code" required inputmode="numeric" maxlength="15" \
                pattern="[0-9]{15}" value="\(form?["grid_code"] ?? "")" aria-describedby="new-grid-hint">
                <p class="hint" id="new-grid-hint">\(t(.gridHint))</p>
                """
        }
        return """
            <section class="card" id="register">
            <h2>\(t(.registerTitle))</h2>
            <form method="post" action="/console/vaccination/residents">
            \(page.csrfField)
            <label for="new-name">\(t(.colName))</label>
            <input type="text" id="new-name" name="name" required maxlength="50" value="\(form?["name"] ?? "")">
            <label for="new-id-number">\(t(.colIDNumber))</label>
            <input type="text" id="new-id-number" name="id_number" required maxlength="18" autocomplete="off" value="\(form?["id_number"] ?? "")">
            <label for="new-grid">\(t(.colGrid))</label>
            \(gridField)
            <label for="new-household">\(t(.colHousehold))</label>
            <input type="text" id="new-household" name="household" required maxlength="200" value="\(form?["household"] ?? "")">
            <label for="new-phone">\(t(.colPhone))</label>
            <input type="tel" id="new-phone" name="phone" maxlength="20" value="\(form?["phone"] ?? "")">
            <button type="submit" class="primary">\(t(.register))</button>
            </form>
            </section>
            """
    }

    /// The new-site form on the desk page, for the roles that manage sites.
    func siteForm(_ account: Account, page: PageContext, form: FormData?) -> Markup {
        guard VaccinationRules.siteManagers.contains(account.role) else { return .empty }
        func t(_ key: VaccinationConsoleText.Key) -> String { VaccinationConsoleText.text(key, page.language) }
        let kinds = VaccinationSite.Kind.allCases.map { kind -> Markup in
            "<option value=\"\(kind.rawValue)\"\(Markup.when(form?["kind"] == kind.rawValue, " selected"))>\(t(VaccinationConsoleText.key(kind)))</option>"
        }
        return """
            <section class="card" id="new-site">
            <h2>\(t(.newSiteTitle))</h2>
            <form method="post" action="/console/vaccination/sites">
            \(page.csrfField)
            <label for="site-name">\(t(.colSite))</label>
            <input type="text" id="site-name" name="name" required maxlength="100" value="\(form?["name"] ?? "")">
            <label for="site-kind">\(t(.colKind))</label>
            <select id="site-kind" name="kind">\(kinds)</select>
            <label for="site-community">\(t(.community))</label>
            <select id="site-community" name="community_code">\(communityOptions(chosen: form?["community_code"]))</select>
            <label for="site-address">\(t(.address))</label>
            <input type="text" id="site-address" name="address" maxlength="200" value="\(form?["address"] ?? "")">
            <label for="site-opens">\(t(.opensAt))</label>
            <input type="time" id="site-opens" name="opens_at" required step="60" value="\(form?["opens_at"] ?? "08:00")">
            <label for="site-closes">\(t(.closesAt))</label>
            <input type="time" id="site-closes" name="closes_at" required step="60" value="\(form?["closes_at"] ?? "17:00")">
            <label for="site-slot">\(t(.slotMinutes))</label>
            <input type="number" id="site-slot" name="slot_minutes" required min="5" max="240" value="\(form?["slot_minutes"] ?? "30")">
            <label for="site-capacity">\(t(.colSeats))</label>
            <input type="number" id="site-capacity" name="capacity_per_slot" required min="1" max="10000" value="\(form?["capacity_per_slot"] ?? "20")">
            <button type="submit" class="primary">\(t(.openSite))</button>
            </form>
            </section>
            """
    }

    /// A mobile team's planned days and, for the roles that manage sites, the form to plan one.
    func rovingSection(_ site: VaccinationSite, account: Account, page: PageContext, form: FormData?) async throws -> Markup {
        guard site.kind == .mobile else { return .empty }
        func t(_ key: VaccinationConsoleText.Key) -> String { VaccinationConsoleText.text(key, page.language) }
        let plan = try await services.store.rovingSchedule(site.id)
        let rows = plan.map { entry -> Markup in
            "<tr><td>\(entry.day.description)</td><td>\(services.regions?[entry.communityCode]?.name ?? entry.communityCode)</td></tr>"
        }
        let table: Markup = plan.isEmpty ? "<p class=\"empty\">\(t(.rovingNone))</p>" : """
            <div class="table-wrap"><table id="roving"><thead><tr><th scope="col">\(t(.day))</th>\
            <th scope="col">\(t(.community))</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """
        let planForm: Markup = VaccinationRules.siteManagers.contains(account.role) ? """
            <form method="post" action="/console/vaccination/sites/\(site.id)/roving" id="roving-form">
            \(page.csrfField)
            <label for="rove-day">\(t(.day))</label>
            <input type="date" id="rove-day" name="day" required value="\(form?["day"] ?? today.description)">
            <label for="rove-community">\(t(.community))</label>
            <select id="rove-community" name="community_code">\(communityOptions(chosen: form?["community_code"]))</select>
            <button type="submit">\(t(.plan))</button>
            </form>
            """ : .empty
        return """
            <section class="card" id="roving-plan"><h2>\(t(.rovingTitle))</h2>
            \(table)
            \(planForm)
            </section>
            """
    }

    private func communityOptions(chosen: String?) -> [Markup] {
        let communities = services.regions?.regions(at: .community).sorted { $0.code < $1.code } ?? []
        return communities.map { community in
            "<option value=\"\(community.code)\"\(Markup.when(community.code == chosen, " selected"))>\(community.name)</option>"
        }
    }

    // MARK: - Posting

    enum SetupStep: String { case register, site, rove }

    func setUp(_ step: SetupStep, _ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        try CSRFToken.check(request, form)
        guard let account = context.account, VaccinationRoutes.staff.contains(account.role) else {
            return Response.redirect(to: "/console/login", type: .found)
        }
        let language = UILanguage.page(request)
        func t(_ key: VaccinationConsoleText.Key) -> String { VaccinationConsoleText.text(key, language) }
        let desk = VaccinationDesk(services: services)
        do {
            switch step {
            case .register:
                let entry = VaccinationDesk.ResidentEntry(
                    gridCode: form["grid_code"] ?? "", household: form["household"] ?? "", name: form["name"] ?? "",
                    idNumber: form["id_number"] ?? "", birthDate: nil, phone: form["phone"]
                )
                let resident = try await shown { try await desk.register(entry, by: account) }
                return Response.redirect(to: "/console/vaccination/residents/\(resident.id)?done=register", type: .normal)
            case .site:
                guard let kind = form["kind"].flatMap(VaccinationSite.Kind.init(rawValue:)) else {
                    throw Refused(status: .badRequest, message: t(.badKind))
                }
                guard let slotMinutes = form["slot_minutes"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
                      let capacity = form["capacity_per_slot"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) })
                else { throw Refused(status: .badRequest, message: t(.badNumber)) }
                let entry = VaccinationDesk.SiteEntry(
                    name: form["name"] ?? "", kind: kind, communityCode: form["community_code"] ?? "", address: form["address"],
                    latitude: nil, longitude: nil, opensAt: form["opens_at"] ?? "", closesAt: form["closes_at"] ?? "",
                    slotMinutes: slotMinutes, capacityPerSlot: capacity
                )
                let site = try await shown { try await desk.addSite(entry, by: account) }
                return Response.redirect(to: "/console/vaccination/sites/\(site.id)?done=site", type: .normal)
            case .rove:
                let id = try context.parameters.require("id")
                guard let text = form["day"], let day = try? LocalDate(text) else { throw Refused(status: .badRequest, message: t(.badDay)) }
                _ = try await shown { try await desk.rove(siteID: id, day: day, communityCode: form["community_code"] ?? "", by: account) }
                return Response.redirect(to: "/console/vaccination/sites/\(id)?done=rove", type: .normal)
            }
        } catch let refused as Refused {
            let notice: Markup = "<div class=\"notice bad\" role=\"alert\" id=\"flash\">\(t(.refused))\(refused.message)</div>"
            if step == .rove {
                return try await sitePage(request, context, form: form, notice: notice, status: refused.status)
            }
            return try await deskPage(request, context, form: form, formFor: step, notice: notice, status: refused.status)
        }
    }
}
