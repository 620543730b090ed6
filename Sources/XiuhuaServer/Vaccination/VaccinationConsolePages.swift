import Foundation
import Hummingbird
import Xiuhua
import XiuhuaStore

/// The console's vaccination desk for health and grid workers: `/console/vaccination`
/// searches the roster and lists the sites; a resident's page shows canvass visits,
/// appointments and doses with the visit, booking, cancel / no-show and at-the-site forms
/// the person's role allows; a site's page shows each slot's remaining seats for a day.
/// Personal data is masked for roles without need, as the API masks it (`ResidentPrivacy`),
/// and every form posts to the same `VaccinationDesk` as the API.
struct VaccinationConsolePages {
    let services: XiuhuaServices
    let tileURL: String?

    func add(to group: RouterGroup<XiuhuaRequestContext>) {
        group.get("/console/vaccination") { request, context in try await deskPage(request, context) }
        group.get("/console/vaccination/sites/{id}") { request, context in try await sitePage(request, context) }
        group.get("/console/vaccination/residents/{id}") { request, context in try await residentPage(request, context) }
        group.post("/console/vaccination/residents/{id}/visits") { request, context in try await act(.visit, request, context) }
        group.post("/console/vaccination/residents/{id}/appointments") { request, context in try await act(.book, request, context) }
        group.post("/console/vaccination/residents/{id}/doses") { request, context in try await act(.dose, request, context) }
        group.post("/console/vaccination/appointments/{id}/cancel") { request, context in try await closeAppointment(.cancelled, request, context) }
        group.post("/console/vaccination/appointments/{id}/no-show") { request, context in try await closeAppointment(.noShow, request, context) }
        group.post("/console/vaccination/residents") { request, context in try await setUp(.register, request, context) }
        group.post("/console/vaccination/sites") { request, context in try await setUp(.site, request, context) }
        group.post("/console/vaccination/sites/{id}/roving") { request, context in try await setUp(.rove, request, context) }
    }

    enum Step: String {
        case visit, book, dose, cancel, noShow = "no-show"

        var key: VaccinationConsoleText.Key {
            switch self {
            case .visit: .visitTitle
            case .book: .book
            case .dose: .giveDose
            case .cancel: .cancel
            case .noShow: .noShow
            }
        }
    }

    struct Refused: Error {
        let status: HTTPResponse.Status
        let message: String
    }

    private func staff(_ context: XiuhuaRequestContext) -> Account? {
        guard let account = context.account, VaccinationRoutes.staff.contains(account.role) else { return nil }
        return account
    }

    var today: LocalDate { services.calendar.localDate(of: services.now()) }

    // MARK: - Roster and sites

    func deskPage(
        _ request: Request, _ context: XiuhuaRequestContext, form: FormData? = nil, formFor step: SetupStep? = nil,
        notice: Markup = .empty, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        guard let account = staff(context) else { return signInFirst(request) }
        let page = PageContext(request, context, tileURL: tileURL)
        func t(_ key: VaccinationConsoleText.Key) -> String { VaccinationConsoleText.text(key, page.language) }
        let seesPersonal = ResidentPrivacy.seesPersonalData(account.role)
        let region = request.uri.queryParameters["region"].map { String($0).trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        // Only the roles that see names may look a name up: a masked reader must not learn who is on the roster.
        let name = seesPersonal ? request.uri.queryParameters["name"].map { String($0).trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 } : nil
        var rows: [Markup] = []
        if region != nil || name != nil {
            let found = try await VaccinationDesk(services: services).residents(in: region, for: account)
            let today = self.today
            rows = found.filter { resident in name.map { resident.name.contains($0) } ?? true }.prefix(200).map { resident in
                let view = ResidentPrivacy.view(of: resident, for: account.role)
                return """
                    <tr><td><a href="/console/vaccination/residents/\(view.id)">\(view.name)</a></td><td>\(view.idNumber)</td>\
                    <td>\(services.regions?[view.gridCode]?.name ?? view.gridCode)</td><td>\(view.household)</td>\
                    <td>\(view.phone ?? "")</td><td>\(resident.age(on: today))</td></tr>
                    """
            }
        }
        let table: Markup = region == nil && name == nil ? .empty : rows.isEmpty ? "<p class=\"empty\">\(t(.none))</p>" : """
            <div class="table-wrap"><table id="roster"><caption>\(t(.residents))</caption>
            <thead><tr><th scope="col">\(t(.colName))</th><th scope="col">\(t(.colIDNumber))</th><th scope="col">\(t(.colGrid))</th>\
            <th scope="col">\(t(.colHousehold))</th><th scope="col">\(t(.colPhone))</th><th scope="col">\(t(.colAge))</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """
        let sites = try await services.store.sites().map { site -> Markup in
            """
            <tr><td><a href="/console/vaccination/sites/\(site.id)">\(site.name)</a></td><td>\(t(VaccinationConsoleText.key(site.kind)))</td>\
            <td>\(VaccinationSite.clock(site.opensAt))–\(VaccinationSite.clock(site.closesAt))</td><td>\(site.capacityPerSlot)</td></tr>
            """
        }
        let body: Markup = """
        <h1>\(t(.title))</h1>
        \(notice)
        <p><a href="/console/vaccination/supervision" id="supervision-link">\(t(.supervisionTitle))</a></p>
        \(Markup.when(!seesPersonal, "<p class=\"notice\" id=\"masked\">\(t(.maskedNote))</p>"))
        <section class="card" id="search">
        <h2>\(t(.search))</h2>
        <form method="get" action="/console/vaccination">
        \(seesPersonal ? Markup("<label for=\"name\">\(t(.searchName))</label><input type=\"text\" id=\"name\" name=\"name\" value=\"\(name ?? "")\">") : Markup("<p class=\"hint\">\(t(.searchHint))</p>"))
        <label for="region">\(t(.searchRegion))</label>
        <input type="text" id="region" name="region" value="\(region ?? "")">
        <button type="submit">\(t(.searchButton))</button>
        </form>
        </section>
        \(table)
        <section class="card" id="sites">
        <h2>\(t(.sites))</h2>
        <div class="table-wrap"><table><thead><tr><th scope="col">\(t(.colSite))</th><th scope="col">\(t(.colKind))</th>\
        <th scope="col">\(t(.colHours))</th><th scope="col">\(t(.colSeats))</th></tr></thead><tbody>\(sites)</tbody></table></div>
        </section>
        \(residentForm(account, page: page, form: step == .register ? form : nil))
        \(siteForm(account, page: page, form: step == .site ? form : nil))
        """
        return try WebPage(context: page, area: .console, title: t(.title), body: body, status: status).response(from: request, context: context)
    }

    func sitePage(
        _ request: Request, _ context: XiuhuaRequestContext, form: FormData? = nil, notice: Markup = .empty, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        guard let account = staff(context) else { return signInFirst(request) }
        let page = PageContext(request, context, tileURL: tileURL)
        func t(_ key: VaccinationConsoleText.Key) -> String { VaccinationConsoleText.text(key, page.language) }
        let id = try context.parameters.require("id")
        guard let site = try await services.store.site(id: id) else { throw WebError.notFound }
        var day = today
        if let text = request.uri.queryParameters["day"].map(String.init), !text.isEmpty {
            guard let chosen = try? LocalDate(text) else { throw WebError(status: .badRequest, key: .errorBadRequest, detail: t(.badDay)) }
            day = chosen
        }
        let booked = try await services.store.bookedSlots(site: id, day: day)
        let done = request.uri.queryParameters["done"].flatMap { SetupStep(rawValue: String($0)) }
        let flash: Markup = done.map { step in
            "<div class=\"notice good\" role=\"status\" id=\"flash\">\(t(step == .site ? .siteOpened : .rovingPlanned))</div>"
        } ?? .empty
        let rows = site.slotStarts.map { start -> Markup in
            let taken = booked[start] ?? 0
            return "<tr><td>\(VaccinationSite.clock(start))</td><td>\(site.capacityPerSlot)</td><td>\(taken)</td><td class=\"free\">\(max(0, site.capacityPerSlot - taken))</td></tr>"
        }
        let body: Markup = """
        <p><a href="/console/vaccination">\(t(.title))</a></p>
        <h1>\(site.name) <small>\(t(VaccinationConsoleText.key(site.kind)))</small></h1>
        \(notice)\(flash)
        <p>\(site.address)</p>
        <form method="get" action="/console/vaccination/sites/\(site.id)">
        <label for="day">\(t(.day))</label>
        <input type="date" id="day" name="day" value="\(day.description)">
        <button type="submit">\(t(.show))</button>
        </form>
        <div class="table-wrap"><table id="slots"><caption>\(t(.seatsTitle)) · \(day.description)</caption>
        <thead><tr><th scope="col">\(t(.slot))</th><th scope="col">\(t(.capacity))</th><th scope="col">\(t(.booked))</th><th scope="col">\(t(.free))</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        \(try await rovingSection(site, account: account, page: page, form: form))
        """
        return try WebPage(context: page, area: .console, title: site.name, body: body, status: status).response(from: request, context: context)
    }

    // MARK: - A resident

    func residentPage(
        _ request: Request, _ context: XiuhuaRequestContext, form: FormData? = nil, notice: Markup = .empty, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        guard let account = staff(context) else { return signInFirst(request) }
        let page = PageContext(request, context, tileURL: tileURL)
        let language = page.language
        func t(_ key: VaccinationConsoleText.Key) -> String { VaccinationConsoleText.text(key, language) }
        let id = try context.parameters.require("id")
        let record: ResidentRecord
        do {
            record = try await VaccinationDesk(services: services).record(id, for: account)
        } catch is CampaignRefusal {
            throw WebError.notFound
        }
        let view = ResidentPrivacy.view(of: record.resident, for: account.role)
        let eligible = try await services.store.eligibility().isEligible(record.resident, on: today)
        let sites = try await services.store.sites()
        let vaccines = try await services.store.vaccines()
        let siteNames = Dictionary(sites.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let vaccineNames = Dictionary(vaccines.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        var flash = notice
        if let done = request.uri.queryParameters["done"].flatMap({ Step(rawValue: String($0)) }) {
            flash = "<div class=\"notice good\" role=\"status\" id=\"flash\">\(VaccinationConsoleText.text(.done, language, ["action": t(done.key)]))</div>"
        } else if request.uri.queryParameters["done"] == "register" {
            flash = "<div class=\"notice good\" role=\"status\" id=\"flash\">\(t(.registered))</div>"
        }
        let visits = record.visits.map { visit -> Markup in
            "<tr><td>\(page.time(visit.visitedAt))</td><td>\(t(VaccinationConsoleText.key(visit.result)))</td><td>\(visit.note)</td><td>\(visit.visitorName)</td></tr>"
        }
        let bookers = VaccinationRules.bookers.contains(account.role)
        let appointments = record.appointments.map { appointment -> Markup in
            let actions: Markup = bookers && appointment.state == .booked ? """
                <form method="post" action="/console/vaccination/appointments/\(appointment.id)/cancel" class="inline">\(page.csrfField)\
                <button type="submit">\(t(.cancel))</button></form> \
                <form method="post" action="/console/vaccination/appointments/\(appointment.id)/no-show" class="inline">\(page.csrfField)\
                <button type="submit">\(t(.noShow))</button></form>
                """ : .empty
            return """
                <tr data-appointment="\(appointment.id)"><td>\(appointment.day.description) \(VaccinationSite.clock(appointment.slotStart))</td>\
                <td>\(siteNames[appointment.siteID] ?? appointment.siteID)</td><td>\(vaccineNames[appointment.vaccineCode] ?? appointment.vaccineCode)</td>\
                <td>\(t(VaccinationConsoleText.key(appointment.state)))</td><td>\(actions)</td></tr>
                """
        }
        let doses = record.doses.map { dose -> Markup in
            """
            <tr><td>\(dose.doseNumber)</td><td>\(vaccineNames[dose.vaccineCode] ?? dose.vaccineCode)</td><td>\(dose.lot)</td>\
            <td>\(siteNames[dose.siteID] ?? dose.siteID)</td><td>\(page.time(dose.givenAt))</td>\
            <td class="observation">\(page.time(dose.observationEndsAt))</td><td>\(dose.staffName)</td></tr>
            """
        }
        let body: Markup = """
        <p><a href="/console/vaccination">\(t(.title))</a></p>
        <h1 id="resident-name">\(view.name)</h1>
        \(flash)
        <dl class="facts" id="resident">
        <dt>\(t(.colIDNumber))</dt><dd>\(view.idNumber)</dd>
        <dt>\(t(.colGrid))</dt><dd>\(services.regions?[view.gridCode]?.name ?? view.gridCode)</dd>
        <dt>\(t(.colHousehold))</dt><dd>\(view.household)</dd>
        <dt>\(t(.colPhone))</dt><dd>\(view.phone ?? "")</dd>
        <dt>\(t(.age))</dt><dd>\(record.resident.age(on: today)) · \(eligible ? t(.eligible) : t(.notEligible))</dd>
        </dl>
        \(Markup.when(view.masked, "<p class=\"notice\" id=\"masked\">\(t(.maskedNote))</p>"))
        <section class="card" id="visits"><h2>\(t(.visits))</h2>
        \(visits.isEmpty ? Markup("<p class=\"empty\">\(t(.visitsNone))</p>") : "<div class=\"table-wrap\"><table><tbody>\(visits)</tbody></table></div>")
        </section>
        <section class="card" id="appointments"><h2>\(t(.appointments))</h2>
        \(appointments.isEmpty ? Markup("<p class=\"empty\">\(t(.appointmentsNone))</p>") : "<div class=\"table-wrap\"><table><tbody>\(appointments)</tbody></table></div>")
        </section>
        <section class="card" id="doses"><h2>\(t(.doses))</h2>
        \(doses.isEmpty ? Markup("<p class=\"empty\">\(t(.dosesNone))</p>") : """
            <div class="table-wrap"><table><thead><tr><th scope="col">\(t(.doseNumber))</th><th scope="col">\(t(.vaccine))</th>\
            <th scope="col">\(t(.lot))</th><th scope="col">\(t(.site))</th><th scope="col">\(t(.day))</th>\
            <th scope="col">\(t(.observationEnds))</th><th scope="col">\(t(.staff))</th></tr></thead><tbody>\(doses)</tbody></table></div>
            """)
        </section>
        \(forms(record, account: account, page: page, sites: sites, vaccines: vaccines, form: form))
        """
        return try WebPage(context: page, area: .console, title: view.name, body: body, status: status).response(from: request, context: context)
    }

    private func forms(
        _ record: ResidentRecord, account: Account, page: PageContext, sites: [VaccinationSite], vaccines: [Vaccine], form: FormData?
    ) -> Markup {
        func t(_ key: VaccinationConsoleText.Key) -> String { VaccinationConsoleText.text(key, page.language) }
        let id = record.resident.id
        let siteOptions = { (chosen: String?) -> [Markup] in
            sites.map { "<option value=\"\($0.id)\"\(Markup.when($0.id == chosen, " selected"))>\($0.name)</option>" }
        }
        let vaccineOptions = { (chosen: String?) -> [Markup] in
            vaccines.map { "<option value=\"\($0.code)\"\(Markup.when($0.code == chosen, " selected"))>\($0.name)</option>" }
        }
        var parts: [Markup] = []
        if VaccinationRules.canvassers.contains(account.role) {
            let results = CanvassVisit.Result.allCases.map { result -> Markup in
                "<option value=\"\(result.rawValue)\"\(Markup.when(form?["result"] == result.rawValue, " selected"))>\(t(VaccinationConsoleText.key(result)))</option>"
            }
            parts.append("""
                <section class="card" id="visit"><h2>\(t(.visitTitle))</h2>
                <form method="post" action="/console/vaccination/residents/\(id)/visits">
                \(page.csrfField)
                <label for="result">\(t(.result))</label>
                <select id="result" name="result">\(results)</select>
                <label for="visit-note">\(t(.note))</label>
                <textarea id="visit-note" name="note" rows="2" maxlength="1000">\(form?.fields["note"]?.first ?? "")</textarea>
                <button type="submit">\(t(.record))</button>
                </form></section>
                """)
        }
        if VaccinationRules.bookers.contains(account.role) {
            parts.append("""
                <section class="card" id="book"><h2>\(t(.bookTitle))</h2>
                <form method="post" action="/console/vaccination/residents/\(id)/appointments">
                \(page.csrfField)
                <label for="book-site">\(t(.site))</label>
                <select id="book-site" name="site">\(siteOptions(form?["site"]))</select>
                <label for="book-day">\(t(.day))</label>
                <input type="date" id="book-day" name="day" required value="\(form?["day"] ?? today.description)">
                <label for="book-slot">\(t(.slot))</label>
                <input type="time" id="book-slot" name="slot" required step="60" value="\(form?["slot"] ?? "")">
                <label for="book-vaccine">\(t(.vaccine))</label>
                <select id="book-vaccine" name="vaccine">\(vaccineOptions(form?["vaccine"]))</select>
                <button type="submit" class="primary">\(t(.book))</button>
                </form></section>
                """)
        }
        if VaccinationRules.vaccinators.contains(account.role) {
            // The person's live booking is the one being served unless staff pick a walk-in.
            let booked = record.appointments.filter { $0.state == .booked }
            let appointmentOptions = [Markup("<option value=\"\">\(t(.walkIn))</option>")] + booked.map { appointment in
                "<option value=\"\(appointment.id)\"\(Markup.when(form?["appointment"] == appointment.id || (form == nil && appointment.id == booked.first?.id), " selected"))>\(appointment.day.description) \(VaccinationSite.clock(appointment.slotStart))</option>"
            }
            let questions = Screening.questions.map { question -> Markup in
                let answer = form?["screening_\(question.key)"]
                return """
                    <fieldset class="screening"><legend>\(page.language == .zh ? question.text : question.english)</legend>
                    <label><input type="radio" name="screening_\(question.key)" value="yes"\(Markup.when(answer == "yes", " checked"))> \(t(.yes))</label>
                    <label><input type="radio" name="screening_\(question.key)" value="no"\(Markup.when(answer == "no", " checked"))> \(t(.no))</label>
                    </fieldset>
                    """
            }
            parts.append("""
                <section class="card" id="dose"><h2>\(t(.doseTitle))</h2>
                <form method="post" action="/console/vaccination/residents/\(id)/doses">
                \(page.csrfField)
                <label for="dose-appointment">\(t(.appointment))</label>
                <select id="dose-appointment" name="appointment">\(appointmentOptions)</select>
                <label for="dose-site">\(t(.site))</label>
                <select id="dose-site" name="site">\(siteOptions(form?["site"] ?? booked.first?.siteID))</select>
                <label for="dose-vaccine">\(t(.vaccine))</label>
                <select id="dose-vaccine" name="vaccine">\(vaccineOptions(form?["vaccine"] ?? booked.first?.vaccineCode))</select>
                <label for="dose-lot">\(t(.lot))</label>
                <input type="text" id="dose-lot" name="lot" maxlength="40" value="\(form?["lot"] ?? "")">
                <label><input type="checkbox" name="identity_checked" value="true"\(Markup.when(form?["identity_checked"] == "true", " checked"))> \(t(.identity))</label>
                <label><input type="checkbox" name="consent_signed" value="true"\(Markup.when(form?["consent_signed"] == "true", " checked"))> \(t(.consent))</label>
                <h3>\(t(.screening))</h3>
                \(questions)
                <button type="submit" class="primary">\(t(.giveDose))</button>
                </form></section>
                """)
        }
        return Markup(joining: parts)
    }

    // MARK: - Forms

    func act(_ step: Step, _ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        try CSRFToken.check(request, form)
        guard let account = staff(context) else { return signInFirst(request) }
        let language = UILanguage.page(request)
        func t(_ key: VaccinationConsoleText.Key) -> String { VaccinationConsoleText.text(key, language) }
        let id = try context.parameters.require("id")
        let desk = VaccinationDesk(services: services)
        do {
            switch step {
            case .visit:
                guard let result = form["result"].flatMap(CanvassVisit.Result.init(rawValue:)) else {
                    throw Refused(status: .badRequest, message: t(.badResult))
                }
                _ = try await shown { try await desk.visit(residentID: id, result: result, note: form.fields["note"]?.first, by: account) }
            case .book:
                guard let site = form["site"], let vaccine = form["vaccine"] else { throw Refused(status: .badRequest, message: t(.badChoice)) }
                guard let text = form["day"], let day = try? LocalDate(text) else { throw Refused(status: .badRequest, message: t(.badDay)) }
                _ = try await shown {
                    try await desk.book(residentID: id, siteID: site, day: day, slot: form["slot"] ?? "", vaccineCode: vaccine, by: account)
                }
            case .dose:
                guard let site = form["site"], let vaccine = form["vaccine"] else { throw Refused(status: .badRequest, message: t(.badChoice)) }
                var screening: [String: Bool] = [:]
                for question in Screening.questions {
                    switch form["screening_\(question.key)"] {
                    case "yes": screening[question.key] = true
                    case "no": screening[question.key] = false
                    default: break
                    }
                }
                let entry = VaccinationDesk.DoseEntry(
                    residentID: id, appointmentID: form["appointment"], siteID: site, vaccineCode: vaccine, lot: form["lot"] ?? "",
                    identityChecked: form["identity_checked"] == "true", consentSigned: form["consent_signed"] == "true", screening: screening
                )
                _ = try await shown { try await desk.dose(entry, by: account) }
            case .cancel, .noShow:
                throw WebError.notFound
            }
        } catch let refused as Refused {
            return try await residentPage(request, context, form: form, notice: notice(refused, language), status: refused.status)
        }
        return Response.redirect(to: "/console/vaccination/residents/\(id)?done=\(step.rawValue)", type: .normal)
    }

    func closeAppointment(_ state: Appointment.State, _ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        try CSRFToken.check(request, form)
        guard let account = staff(context) else { return signInFirst(request) }
        let language = UILanguage.page(request)
        let id = try context.parameters.require("id")
        do {
            let appointment = try await shown { try await VaccinationDesk(services: services).close(appointmentID: id, as: state, by: account) }
            let step: Step = state == .noShow ? .noShow : .cancel
            return Response.redirect(to: "/console/vaccination/residents/\(appointment.residentID)?done=\(step.rawValue)", type: .normal)
        } catch let refused as Refused {
            let message: Markup = notice(refused, language)
            let page = PageContext(request, context, tileURL: tileURL)
            let body: Markup = "\(message)<p><a href=\"/console/vaccination\">\(VaccinationConsoleText.text(.title, language))</a></p>"
            return try WebPage(context: page, area: .console, title: VaccinationConsoleText.text(.title, language), body: body, status: refused.status)
                .response(from: request, context: context)
        }
    }

    /// A desk step's refusal as a message on its form; a missing resident or appointment is
    /// a missing page (a missing site or vaccine is a choice on the form).
    func shown<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let refusal as CampaignRefusal {
            guard refusal.kind != .notFound || refusal.code.hasPrefix("site") || refusal.code.hasPrefix("vaccine") else { throw WebError.notFound }
            throw Refused(status: refusal.apiError.status, message: refusal.message)
        }
    }

    private func notice(_ refused: Refused, _ language: UILanguage) -> Markup {
        "<div class=\"notice bad\" role=\"alert\" id=\"flash\">\(VaccinationConsoleText.text(.refused, language))\(refused.message)</div>"
    }
}
