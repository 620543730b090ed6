import Foundation
import Hummingbird
import Xiuhua
import XiuhuaStore

/// The staff console: sign in (`/console/login`), the role's work queues (`/console`) and
/// the case page (`/console/cases/{number}`), whose action forms offer exactly what
/// `Workflow.allowedActions` allows this person now — they post to the same `CaseDesk`
/// as the JSON API.
struct ConsolePages {
    let services: XiuhuaServices
    let sessions: SessionRoutes
    let attachments: AttachmentDesk
    let tileURL: String?

    func add(to group: RouterGroup<XiuhuaRequestContext>) {
        group.get("/console/login") { request, context in
            try loginPage(PageContext(request, context, tileURL: tileURL), next: request.uri.queryParameters["next"].map(String.init))
                .response(from: request, context: context)
        }
        group.post("/console/login") { request, context in try await signIn(request, context) }
        group.post("/console/logout") { request, context in try await signOut(request, context) }
        group.get("/console") { request, context in try await queuePage(request, context) }
        group.get("/console/cases/{number}") { request, context in try await casePage(request, context) }
        group.post("/console/cases/{number}/actions") { request, context in try await act(request, context) }
    }

    // MARK: - Signing in

    func loginPage(_ page: PageContext, next: String?, error: String? = nil, status: HTTPResponse.Status = .ok) -> WebPage {
        func t(_ key: ConsoleText.Key) -> String { ConsoleText.text(key, page.language) }
        let body: Markup = """
        <section class="card narrow">
        <h1>\(t(.signInTitle))</h1>
        \(error.map { Markup("<div class=\"notice bad\" role=\"alert\" id=\"login-error\">\($0)</div>") })
        <form method="post" action="/console/login">
        \(page.csrfField)
        <input type="hidden" name="next" value="\(Self.localPath(next) ?? "/console")">
        <label for="username">\(t(.username))</label>
        <input type="text" id="username" name="username" required autocomplete="username" autocapitalize="none">
        <label for="password">\(t(.password))</label>
        <input type="password" id="password" name="password" required autocomplete="current-password">
        <button type="submit" class="primary">\(t(.signIn))</button>
        </form>
        </section>
        """
        return WebPage(context: page, area: .console, title: t(.signInTitle), body: body, status: status)
    }

    func signIn(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let page = PageContext(request, context, tileURL: tileURL)
        let form = try await FormData.read(request, context: context)
        try CSRFToken.check(request, form)
        do {
            let session = try await sessions.signIn(form["username"] ?? "", form.fields["password"]?.first ?? "", from: context.clientAddress)
            var response = Response.redirect(to: Self.localPath(form["next"]) ?? "/console", type: .normal)
            response.setCookie(sessions.sessionCookie(session.token))
            return response
        } catch let error as APIError where [.unauthorized, .tooManyRequests, .forbidden].contains(error.status) {
            let message = error.status == .unauthorized
                ? ConsoleText.text(.wrongPassword, page.language)
                : (page.language == .zh ? error.message.components(separatedBy: " (").first ?? error.message : error.message)
            var response = try loginPage(page, next: form["next"], error: message, status: error.status).response(from: request, context: context)
            if error.status == .tooManyRequests { response.headers[.retryAfter] = String(error.retryAfterSeconds ?? 300) }
            return response
        }
    }

    func signOut(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        try CSRFToken.check(request, form)
        if let token = request.cookies[SessionMiddleware.cookieName]?.value {
            try await services.store.removeSession(token: token)
        }
        var response = Response.redirect(to: "/console/login", type: .normal)
        response.setCookie(sessions.clearedSessionCookie)
        return response
    }

    /// `next` or `back` only when it is a path on this site, so a link cannot send a person
    /// elsewhere. Printable ASCII only: browsers drop tabs and line breaks from a URL, so
    /// `/\t/evil.example` would reach them as `//evil.example`, another site; a backslash
    /// reads as a slash to them too. The pages' own links are percent-encoded, so they pass.
    static func localPath(_ text: String?) -> String? {
        guard let text, text.hasPrefix("/"), !text.hasPrefix("//"),
              text.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) && $0 != "\\" })
        else { return nil }
        return text
    }

    private func staff(_ request: Request, _ context: XiuhuaRequestContext) throws -> Account? {
        guard let account = context.account, CaseRoutes.staff.contains(account.role) else { return nil }
        return account
    }

    // MARK: - Queues

    func queuePage(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        guard let account = try staff(request, context) else { return signInFirst(request) }
        let page = PageContext(request, context, tileURL: tileURL)
        let language = page.language
        func t(_ key: ConsoleText.Key) -> String { ConsoleText.text(key, language) }
        let queues = ConsoleQueue.queues(for: account.role)
        // A role with no case queues (the health worker) works at the vaccination desk;
        // without this the page would index an empty list and bring the server down.
        guard !queues.isEmpty else { return Response.redirect(to: "/console/vaccination", type: .found) }
        let chosen = queues.first { $0.id == request.uri.queryParameters["queue"].map(String.init) } ?? queues[0]
        let pageNumber = max(1, min(Int(request.uri.queryParameters["page"].map(String.init) ?? "") ?? 1, 10_000))
        let now = services.now()
        var tabs: [Markup] = []
        for queue in queues {
            var countQuery = queue.query(for: account.actor)
            countQuery.pageSize = 1
            let total = try await services.store.listCases(countQuery, visibleTo: account.actor, at: now).total
            let current = queue.id == chosen.id
            tabs.append("<a href=\"/console?queue=\(queue.id)\" class=\"tab\(current ? " current" : "")\"\(Markup.when(current, " aria-current=\"page\"")) data-queue=\"\(queue.id)\">\(t(queue.title)) <span class=\"count\">\(total)</span></a>")
        }
        var query = chosen.query(for: account.actor)
        query.page = pageNumber
        query.pageSize = 25
        let list = try await services.store.listCases(query, visibleTo: account.actor, at: now)
        let rows = list.cases.map { row($0, page, now: now) }
        let table: Markup = rows.isEmpty ? "<p class=\"empty\">\(t(.queueEmpty))</p>" : """
            <div class="table-wrap"><table class="cases">
            <caption>\(t(chosen.title)) · \(ConsoleText.text(.total, language, ["n": String(list.total)]))</caption>
            <thead><tr><th scope="col">\(t(.colNumber))</th><th scope="col">\(t(.colCategory))</th><th scope="col">\(t(.colPlace))</th>\
            <th scope="col">\(t(.colState))</th><th scope="col">\(t(.colDeadline))</th><th scope="col">\(t(.colReported))</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """
        var pager: [Markup] = []
        if pageNumber > 1 { pager.append("<a href=\"/console?queue=\(chosen.id)&amp;page=\(pageNumber - 1)\">\(t(.prevPage))</a>") }
        if pageNumber * 25 < list.total { pager.append("<a href=\"/console?queue=\(chosen.id)&amp;page=\(pageNumber + 1)\">\(t(.nextPage))</a>") }
        let body: Markup = """
        <p class="who">\(t(.signedInAs))：<strong>\(account.name)</strong> · \(account.role.label(language))</p>
        <h1>\(t(chosen.title))</h1>
        <nav class="tabs" aria-label="\(t(.queuesLabel))">\(tabs)</nav>
        \(table)
        \(pager.isEmpty ? Markup.empty : "<nav class=\"pager\">\(pager)</nav>")
        """
        return try WebPage(context: page, area: .console, title: t(chosen.title), body: body).response(from: request, context: context)
    }

    private func row(_ snapshot: CaseSnapshot, _ page: PageContext, now: Date) -> Markup {
        let language = page.language
        let tree = services.regions
        let place = [snapshot.location.streetCode, snapshot.location.communityCode].compactMap { $0.flatMap { tree?[$0]?.name } }.joined(separator: " ")
        return """
        <tr><td><a href="/console/cases/\(snapshot.number)">\(snapshot.number)</a></td>\
        <td>\(services.catalog.matter(code: snapshot.categoryCode)?.name ?? snapshot.categoryCode)</td>\
        <td>\(place)<br><span class="hint">\(snapshot.location.address)</span></td>\
        <td>\(snapshot.state.label(language))</td><td>\(CaseSheet.deadline(snapshot, page, services: services, now: now))</td>\
        <td>\(page.time(snapshot.createdAt))</td></tr>
        """
    }

    // MARK: - Case page

    func casePage(_ request: Request, _ context: XiuhuaRequestContext, notice: Markup = .empty, status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let account = try staff(request, context) else { return signInFirst(request) }
        let page = PageContext(request, context, tileURL: tileURL)
        let number = try context.parameters.require("number")
        guard let snapshot = try await services.store.caseSnapshot(number), CaseVisibility.canSee(snapshot, account.actor) else {
            throw WebError.notFound
        }
        let events = try await services.store.caseEvents(number)
        var flash = notice
        if let done = request.uri.queryParameters["done"].flatMap({ CaseActionKind(rawValue: String($0)) }) {
            flash = "<div class=\"notice good\" role=\"status\" id=\"flash\">\(ConsoleText.text(.done, page.language, ["action": done.label(page.language)]))</div>"
        }
        let duplicates = snapshot.state.isOpen ? try await services.store.duplicateCandidates(of: snapshot, criteria: services.duplicates) : []
        let body = CaseSheet(services: services, page: page, account: account, snapshot: snapshot, events: events, duplicates: duplicates)
            .render(flash: flash)
        return try WebPage(context: page, area: .console, title: "\(ConsoleText.text(.caseTitle, page.language)) \(snapshot.number)", body: body, scripts: ["map.js"], status: status)
            .response(from: request, context: context)
    }

    func act(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        try CSRFToken.check(request, form, checkingLengths: false)
        guard let account = try staff(request, context) else { return signInFirst(request) }
        let language = UILanguage.page(request)
        let number = try context.parameters.require("number")
        let files = form.files("photos").map(\.data)
        if let refusal = PhotoRules.refusal(files, desk: attachments) {
            let notice: Markup = "<div class=\"notice bad\" role=\"alert\" id=\"flash\">\(PhotoRules.message(refusal, language, maxBytes: attachments.maxBytes))</div>"
            return try await casePage(request, context, notice: notice, status: refusal.status)
        }
        if let refusal = TextLimits.refusal(form: form.fields) {
            let notice: Markup = "<div class=\"notice bad\" role=\"alert\" id=\"flash\">\(ConsoleText.text(.refused, language))\(refusal.message)</div>"
            return try await casePage(request, context, notice: notice, status: refusal.status)
        }
        let kept = try await attachments.keep(files, by: account)
        let attached = kept.map { PhotoRules.path($0.attachment.id) }
        let bool: (String) -> Bool? = { form[$0].map { $0 == "true" } }
        let action = ActionRequest(
            action: form["action"] ?? "", note: form["note"], reason: form["reason"], photos: attached, owner: form["owner"],
            real: bool("real"), passed: bool("passed"), satisfaction: form["satisfaction"], fixed: bool("fixed"), limit: form["limit"],
            extension_: form["extension"], level: form["level"].flatMap { Int($0) }, order: form["order"], reply: form["reply"],
            expectedVersion: form["expected_version"].flatMap { Int($0) }, kind: form["kind"],
            departments: form["departments"].map { $0.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "，" }).map(String.init) },
            department: form["department"], whistleID: form["whistle_id"], report: form["report"], into: form["into"]
        )
        do {
            _ = try await CaseDesk(services: services).act(on: number, action, by: account)
        } catch let error as APIError where error.status != .notFound {
            await attachments.discard(kept)
            let detail = error.code == "version_conflict" ? ConsoleText.text(.versionHint, language) : error.message
            let notice: Markup = "<div class=\"notice bad\" role=\"alert\" id=\"flash\">\(ConsoleText.text(.refused, language))\(detail)</div>"
            return try await casePage(request, context, notice: notice, status: error.status)
        } catch {
            await attachments.discard(kept)
            throw error
        }
        return Response.redirect(to: "/console/cases/\(number)?done=\(action.action)", type: .normal)
    }
}
