import Foundation
import Hummingbird
import Xiuhua
import XiuhuaStore

/// The console's rectification-notice desk (责令整改通知书): the form that issues a notice to
/// a shop (`/console/shops/{id}/notices/new`), and a notice's page (`/console/notices/{number}`)
/// with its history and the forms its state allows — serve, re-inspect, escalate. Every act
/// is `NoticeRoutes`' own, so the page and the API check roles, scope and state alike; a
/// refusal shows the page again with the reason in the visitor's language.
struct NoticeDeskPages {
    let services: XiuhuaServices
    let tileURL: String?
    var routes: NoticeRoutes { NoticeRoutes(services: services) }

    func add(to group: RouterGroup<XiuhuaRequestContext>) {
        group.get("/console/shops/{id}/notices/new") { request, context in try await issuePage(request, context) }
        group.post("/console/shops/{id}/notices") { request, context in try await issue(request, context) }
        group.get("/console/notices/{number}") { request, context in try await noticePage(request, context) }
        group.post("/console/notices/{number}/serve") { request, context in try await act(request, context, .serve) }
        group.post("/console/notices/{number}/reinspect") { request, context in try await act(request, context, .reinspect) }
        group.post("/console/notices/{number}/escalate") { request, context in try await act(request, context, .escalate) }
    }

    private enum Step {
        case serve, reinspect, escalate

        var roles: Set<Role> { self == .escalate ? NoticeRoutes.escalators : ShopRoutes.keepers }
        var title: NoticeConsoleText.Key {
            switch self {
            case .serve: .serveTitle
            case .reinspect: .reinspectTitle
            case .escalate: .escalateTitle
            }
        }
        var done: String {
            switch self {
            case .serve: "served"
            case .reinspect: "reinspected"
            case .escalate: "escalated"
            }
        }
    }

    /// A refusal of the visitor's role, as a page that says what they may not do.
    private func notAllowed(_ page: PageContext, _ account: Account, _ what: NoticeConsoleText.Key, _ request: Request, _ context: XiuhuaRequestContext) throws -> Response {
        let role = page.language == .zh ? account.role.label : account.role.rawValue
        var action = NoticeConsoleText.text(what, page.language)
        if page.language == .en { action = action.prefix(1).lowercased() + action.dropFirst() }
        let message = NoticeConsoleText.text(.notAllowed, page.language, ["role": role, "what": action])
        let body: Markup = "<div class=\"notice bad\" role=\"alert\" id=\"flash\">\(message)</div><p><a href=\"/console/notices\">\(NoticeConsoleText.text(.backToList, page.language))</a></p>"
        return try WebPage(context: page, area: .console, title: message, body: body, status: .forbidden).response(from: request, context: context)
    }

    /// A local date and time from a form (`2026-11-30T10:00`, as `datetime-local` sends it,
    /// or with a space), in the district's time zone.
    private func localTime(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = services.calendar.timeZone
        for format in ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text.trimmingCharacters(in: .whitespaces)) { return date }
        }
        return nil
    }

    /// `date` as a `datetime-local` value, to the minute: the serve form starts at the moment
    /// it is shown, so a receipt signed on the spot needs no typing.
    private func localText(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = services.calendar.timeZone
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm"
        return formatter.string(from: date)
    }

    private func alert(_ text: String, _ language: UILanguage) -> Markup {
        "<div class=\"notice bad\" role=\"alert\" id=\"flash\">\(NoticeConsoleText.text(.refused, language))\(text)</div>"
    }

    /// The shop page's way in: a link to the issue form, for the roles that issue.
    static func issueLink(shopID: String, for account: Account, _ language: UILanguage) -> Markup {
        guard ShopRoutes.keepers.contains(account.role) else { return .empty }
        return "<p class=\"actions\"><a class=\"button\" id=\"issue-notice\" href=\"/console/shops/\(shopID)/notices/new\">\(NoticeConsoleText.text(.issueLink, language))</a></p>"
    }

    // MARK: - Issue

    func issuePage(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        guard let account = context.account else { return signInFirst(request) }
        let page = PageContext(request, context, tileURL: tileURL)
        guard ShopRoutes.keepers.contains(account.role) else { return try notAllowed(page, account, .issueLink, request, context) }
        let shop = try await InspectionRoutes(services: services).scopedShop(try context.parameters.require("id"), account)
        return try issueForm(page, shop: shop, values: FormData(), error: nil).response(from: request, context: context)
    }

    func issue(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        try CSRFToken.check(request, form)
        guard let account = context.account else { return signInFirst(request) }
        let page = PageContext(request, context, tileURL: tileURL)
        guard ShopRoutes.keepers.contains(account.role) else { return try notAllowed(page, account, .issueLink, request, context) }
        let shop = try await InspectionRoutes(services: services).scopedShop(try context.parameters.require("id"), account)
        func t(_ key: NoticeConsoleText.Key) -> String { NoticeConsoleText.text(key, page.language) }
        var error: String?
        var foundAt: Date?
        if let text = form["found_at"], !text.trimmingCharacters(in: .whitespaces).isEmpty {
            foundAt = localTime(text)
            if foundAt == nil { error = NoticeConsoleText.text(.badTime, page.language, ["field": t(.foundAt)]) }
        }
        let days = Int(form["deadline_working_days"]?.trimmingCharacters(in: .whitespaces) ?? "")
        if error == nil, days == nil { error = t(.badDeadline) }
        if error == nil, let days {
            let input = NoticeRoutes.IssueInput(
                foundAt: foundAt, place: form["place"], facts: form["facts"] ?? "",
                rule: RectificationNotice.Rule(law: form["law"] ?? "", article: form["article"] ?? "", clause: form["clause"]),
                requirements: form["requirements"] ?? "", deadlineWorkingDays: days,
                officers: (1...2).map { RectificationNotice.Officer(name: form["officer\($0)_name"] ?? "", certificate: form["officer\($0)_certificate"] ?? "") }
            )
            do {
                let notice = try await routes.issue(input, shopID: shop.id, by: account)
                return Response.redirect(to: "/console/notices/\(notice.number)?done=issued", type: .normal)
            } catch let problem as RectificationNotice.Problem {
                error = NoticeConsoleText.problem(problem, page.language)
            } catch let refusal as APIError where refusal.code == "invalid_deadline" {
                error = t(.badDeadline)
            }
        }
        return try issueForm(page, shop: shop, values: form, error: error, status: .badRequest).response(from: request, context: context)
    }

    private func issueForm(_ page: PageContext, shop: Shop, values: FormData, error: String?, status: HTTPResponse.Status = .ok) -> WebPage {
        let language = page.language
        func t(_ key: NoticeConsoleText.Key) -> String { NoticeConsoleText.text(key, language) }
        func field(_ name: String, _ label: String, hint: String? = nil, type: String = "text", required: Bool = true) -> Markup {
            """
            <p><label for="\(name)">\(label)</label>\(hint.map { Markup(" <span class=\"hint\">\($0)</span>") })<br>\
            <input type="\(type)" id="\(name)" name="\(name)" value="\(values[name] ?? "")"\(Markup.when(required, " required"))></p>
            """
        }
        func area(_ name: String, _ label: String) -> Markup {
            "<p><label for=\"\(name)\">\(label)</label><br><textarea id=\"\(name)\" name=\"\(name)\" rows=\"3\" required>\(values[name] ?? "")</textarea></p>"
        }
        let officers = (1...2).map { n -> Markup in
            """
            <fieldset><legend>\(NoticeConsoleText.text(.officer, language, ["n": String(n)]))</legend>
            \(field("officer\(n)_name", t(.officerName)))\(field("officer\(n)_certificate", t(.certificate)))
            </fieldset>
            """
        }
        let title = NoticeConsoleText.text(.issueTitle, language, ["shop": shop.details.name])
        let body: Markup = """
        \(error.map { alert($0, language) })
        <h1>\(title)</h1>
        <form method="post" action="/console/shops/\(shop.id)/notices" id="issue-form" class="card">\(page.csrfField)
        <p>\(t(.party))：\(shop.details.name)（\(shop.details.creditCode.text)）</p>
        \(field("found_at", t(.foundAt), hint: t(.foundAtHint), type: "datetime-local", required: false))
        \(field("place", t(.place), hint: t(.placeHint), required: false))
        \(area("facts", t(.facts)))
        \(field("law", t(.law)))\(field("article", t(.article)))\(field("clause", t(.clause), required: false))
        \(area("requirements", t(.requirements)))
        \(field("deadline_working_days", t(.deadlineDays), type: "number"))
        \(officers)
        <button type="submit" class="primary" id="issue">\(t(.issue))</button>
        </form>
        <p><a href="/console/shops/\(shop.id)">\(t(.backToShop))</a></p>
        """
        return WebPage(context: page, area: .console, title: title, body: body, status: status)
    }

    // MARK: - A notice

    func noticePage(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        guard let account = context.account else { return signInFirst(request) }
        guard ShopRoutes.readers.contains(account.role) else { throw WebError.forbidden("role") }
        let page = PageContext(request, context, tileURL: tileURL)
        let (notice, shop) = try await routes.scopedNoticeAndShop(try context.parameters.require("number"), account)
        var flash: Markup = .empty
        if let done = request.uri.queryParameters["done"].map(String.init) {
            let key: NoticeConsoleText.Key? = switch done {
            case "issued": .doneIssued
            case "served": .doneServed
            case "reinspected": .doneReinspected
            case "escalated": .doneEscalated
            default: nil
            }
            if let key { flash = "<div class=\"notice good\" role=\"status\" id=\"flash\">\(NoticeConsoleText.text(key, page.language))</div>" }
        }
        return try noticeView(page, notice, shop, account, flash: flash).response(from: request, context: context)
    }

    private func noticeView(_ page: PageContext, _ notice: RectificationNotice, _ shop: Shop, _ account: Account, flash: Markup, status: HTTPResponse.Status = .ok) -> WebPage {
        let language = page.language
        func t(_ key: NoticeConsoleText.Key) -> String { NoticeConsoleText.text(key, language) }
        let now = services.now()
        let overdue = ShopConsolePages.isOverdue(notice, at: now)
        var outcome: Markup = .empty
        if let escalation = notice.escalation {
            var detail: Markup = .empty
            if let number = notice.caseNumber {
                detail = " · \(t(.caseOpened)) <a id=\"case-link\" href=\"/console/cases/\(number)\">\(number)</a>"
            } else if let month = notice.boardMonth {
                detail = " · <a id=\"board-link\" href=\"/console/shop-boards?street=\(shop.place.streetCode)&amp;month=\(month)\">\(NoticeConsoleText.text(.boardListed, language, ["month": month]))</a>"
            }
            outcome = "<dt>\(t(.escalateTitle))</dt><dd id=\"escalation\">\(NoticeConsoleText.target(escalation, language))\(detail)</dd>"
        }
        let receipt: String = notice.receivedAt.map { "\(page.time($0)) · \(notice.receivedBy ?? "")" } ?? t(.notServed)
        let details: Markup = """
        <dl class="facts" id="notice-details">
        <dt>\(t(.number))</dt><dd>\(notice.documentNumber)（\(notice.number)）</dd>
        <dt>\(t(.state))</dt><dd id="state">\(NoticeConsoleText.state(notice.state, language))\(Markup.when(overdue && notice.state != .overdue, " <strong class=\"bad\">\(t(.overdue))</strong>"))</dd>
        <dt>\(t(.party))</dt><dd><a href="/console/shops/\(shop.id)">\(notice.partyName)</a>（\(notice.partyCreditCode)）</dd>
        <dt>\(t(.foundAt))</dt><dd>\(page.time(notice.foundAt)) · \(notice.place)</dd>
        <dt>\(t(.facts))</dt><dd>\(notice.facts)</dd>
        <dt>\(t(.rule))</dt><dd>\(notice.ruleText)</dd>
        <dt>\(t(.requirements))</dt><dd>\(notice.requirements)</dd>
        <dt>\(t(.deadline))</dt><dd>\(page.time(notice.deadline))</dd>
        <dt>\(t(.officers))</dt><dd>\(notice.officers.map { "\($0.name)（\($0.certificate)）" }.joined(separator: "、"))</dd>
        <dt>\(t(.receipt))</dt><dd id="receipt">\(receipt)</dd>
        \(outcome)
        </dl>
        """
        let events = notice.events.map { event -> Markup in
            "<tr><td>\(page.time(event.at))</td><td>\(NoticeConsoleText.event(event.kind, language))</td><td>\(event.by)</td><td>\(event.note ?? "")</td></tr>"
        }
        let history: Markup = """
        <section id="history"><h2>\(t(.events))</h2><div class="table-wrap"><table class="cases"><thead><tr>\
        <th scope="col">\(t(.when))</th><th scope="col">\(t(.kind))</th><th scope="col">\(t(.by))</th><th scope="col">\(t(.note))</th></tr></thead>\
        <tbody>\(events)</tbody></table></div></section>
        """
        let body: Markup = """
        \(flash)
        <h1>\(NoticeText.text(.title, language)) \(notice.documentNumber)</h1>
        \(details)
        <p class="actions"><a class="button" id="print" href="/notices/\(notice.number)/print">\(t(.print))</a></p>
        \(forms(page, notice, account))
        \(history)
        <p><a href="/console/notices">\(t(.backToList))</a> · <a href="/console/shops/\(shop.id)">\(t(.backToShop))</a></p>
        """
        return WebPage(context: page, area: .console, title: notice.documentNumber, body: body, status: status)
    }

    /// The forms the notice's state allows the visitor's role.
    private func forms(_ page: PageContext, _ notice: RectificationNotice, _ account: Account) -> Markup {
        let language = page.language
        func t(_ key: NoticeConsoleText.Key) -> String { NoticeConsoleText.text(key, language) }
        var forms: [Markup] = []
        let action = "/console/notices/\(notice.number)"
        if notice.state == .issued, Step.serve.roles.contains(account.role) {
            forms.append("""
            <form method="post" action="\(action)/serve" id="serve-form" class="card">\(page.csrfField)<h2>\(t(.serveTitle))</h2>
            <p><label for="received_at">\(t(.receivedAt))</label><br><input type="datetime-local" id="received_at" name="received_at" value="\(localText(services.now()))" required></p>
            <p><label for="signer">\(t(.signer))</label><br><input type="text" id="signer" name="signer" required></p>
            <button type="submit" class="primary" id="serve">\(t(.serve))</button></form>
            """)
        }
        if notice.state == .served || notice.state == .overdue, Step.reinspect.roles.contains(account.role) {
            forms.append("""
            <form method="post" action="\(action)/reinspect" id="reinspect-form" class="card">\(page.csrfField)<h2>\(t(.reinspectTitle))</h2>
            <fieldset><legend>\(t(.result))</legend>
            <label><input type="radio" name="passed" value="true" id="passed-true" required> \(t(.passed))</label>
            <label><input type="radio" name="passed" value="false" id="passed-false"> \(t(.failed))</label></fieldset>
            <p><label for="reinspect-note">\(t(.note))</label><br><input type="text" id="reinspect-note" name="note"></p>
            <button type="submit" class="primary" id="reinspect">\(t(.reinspect))</button></form>
            """)
        }
        if notice.state == .overdue, Step.escalate.roles.contains(account.role) {
            forms.append("""
            <form method="post" action="\(action)/escalate" id="escalate-form" class="card">\(page.csrfField)<h2>\(t(.escalateTitle))</h2>
            <fieldset><legend>\(t(.target))</legend>
            <label><input type="radio" name="to" value="penalty" id="to-penalty" required> \(t(.penalty))</label>
            <label><input type="radio" name="to" value="black_list" id="to-black-list"> \(t(.blackList))</label></fieldset>
            <p><label for="category">\(t(.category))</label> <span class="hint">\(t(.categoryHint))</span><br><input type="text" id="category" name="category"></p>
            <p><label for="escalate-note">\(t(.note))</label><br><input type="text" id="escalate-note" name="note"></p>
            <button type="submit" class="primary" id="escalate">\(t(.escalate))</button></form>
            """)
        }
        if forms.isEmpty, notice.state != .rectified, notice.state != .escalated {
            return "<p class=\"hint\" id=\"no-actions\">\(t(.noActions))</p>"
        }
        return Markup(joining: forms)
    }

    // MARK: - Serve, re-inspect, escalate

    private func act(_ request: Request, _ context: XiuhuaRequestContext, _ step: Step) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        try CSRFToken.check(request, form)
        guard let account = context.account else { return signInFirst(request) }
        let page = PageContext(request, context, tileURL: tileURL)
        let language = page.language
        guard step.roles.contains(account.role) else { return try notAllowed(page, account, step.title, request, context) }
        let number = try context.parameters.require("number")
        // Read first, so a notice outside the visitor's streets is refused before anything else.
        _ = try await routes.scopedNoticeAndShop(number, account)
        var error: String?
        var status: HTTPResponse.Status = .badRequest
        do {
            switch step {
            case .serve:
                guard let receivedAt = localTime(form["received_at"] ?? "") else {
                    error = NoticeConsoleText.text(.badTime, language, ["field": NoticeConsoleText.text(.receivedAt, language)])
                    break
                }
                _ = try await routes.serve(number, receivedAt: receivedAt, signer: form["signer"] ?? "", by: account)
            case .reinspect:
                guard let passed = form["passed"].flatMap({ Bool($0) }) else {
                    error = NoticeConsoleText.text(.noResult, language)
                    break
                }
                _ = try await routes.reinspect(number, passed: passed, note: form["note"], by: account)
            case .escalate:
                let target: RectificationNotice.Escalation? = switch form["to"] {
                case "penalty": .penalty
                case "black_list": .blackList
                default: nil
                }
                guard let target else {
                    error = NoticeConsoleText.text(.badTarget, language)
                    break
                }
                _ = try await routes.escalate(number, to: target, category: form["category"], note: form["note"], by: account)
            }
        } catch let problem as RectificationNotice.Problem {
            error = NoticeConsoleText.problem(problem, language)
            if case .wrongState = problem { status = .conflict }
            if case .notYetDue = problem { status = .conflict }
        } catch let refusal as APIError where refusal.status == .badRequest || refusal.status == .conflict {
            error = refusal.message
            status = refusal.status
        }
        guard let error else { return Response.redirect(to: "/console/notices/\(number)?done=\(step.done)", type: .normal) }
        let (notice, shop) = try await routes.scopedNoticeAndShop(number, account)
        return try noticeView(page, notice, shop, account, flash: alert(error, language), status: status).response(from: request, context: context)
    }
}
