import Foundation
import Hummingbird
import Xiuhua

/// The console's idle spaces (消极空间): the list with status tabs (`/console/idle-spaces`)
/// and a page per space (`/console/idle-spaces/{id}`) whose buttons offer exactly the
/// moves its status allows, to the roles the API lets move it; the list, scope and move
/// are `IdleSpaceRoutes`' own.
struct IdleSpaceConsolePages {
    let services: XiuhuaServices
    let tileURL: String?
    var routes: IdleSpaceRoutes { IdleSpaceRoutes(services: services) }

    func add(to group: RouterGroup<XiuhuaRequestContext>) {
        group.get("/console/idle-spaces") { request, context in try await list(request, context) }
        group.get("/console/idle-spaces/{id}") { request, context in try await spacePage(request, context) }
        group.post("/console/idle-spaces/{id}/status") { request, context in try await move(request, context) }
    }

    private func reader(_ context: XiuhuaRequestContext) throws -> Account? {
        guard let account = context.account else { return nil }
        guard ShopRoutes.readers.contains(account.role) else { throw WebError.forbidden("role") }
        return account
    }

    func list(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        guard let account = try reader(context) else { return signInFirst(request) }
        let page = PageContext(request, context, tileURL: tileURL)
        func t(_ key: ShopConsoleText.Key) -> String { ShopConsoleText.text(key, page.language) }
        let asked = request.uri.queryParameters["status"].map(String.init) ?? ""
        let paging = try Paging.console(request, size: 50)
        let all = try await routes.spaces(for: account, status: asked, street: nil)
        let spaces = paging.slice(all)
        let tabs = ([""] + IdleSpace.Status.allCases.map(\.rawValue)).map { choice -> Markup in
            let current = choice == asked
            let label = IdleSpace.Status(rawValue: choice).map { RecordLabelText.status($0, page.language) } ?? t(.all)
            return "<a href=\"/console/idle-spaces\(choice.isEmpty ? "" : "?status=\(choice)")\" class=\"tab\(current ? " current" : "")\"\(Markup.when(current, " aria-current=\"page\""))>\(label)</a>"
        }
        let rows = spaces.map { space -> Markup in
            """
            <tr><td><a href="/console/idle-spaces/\(space.id)">\(space.name)</a></td><td>\(RecordLabelText.kind(space.kind, page.language))</td>\
            <td>\(services.regions?[space.place.streetCode]?.name ?? space.place.streetCode)</td>\
            <td>\(RecordLabelText.status(space.status, page.language))</td><td>\(RecordLabelText.hazard(space.hazard, page.language))</td></tr>
            """
        }
        let table: Markup = rows.isEmpty ? "<p class=\"empty\" id=\"no-spaces\">\(t(.noSpaces))</p>" : """
            <div class="table-wrap"><table class="cases" id="spaces">
            <caption>\(ShopConsoleText.text(.total, page.language, ["n": String(all.count)]))</caption>
            <thead><tr><th scope="col">\(t(.name))</th><th scope="col">\(t(.kind))</th><th scope="col">\(t(.street))</th>\
            <th scope="col">\(t(.status))</th><th scope="col">\(t(.hazard))</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """
        let body: Markup = """
        <h1>\(t(.spacesTitle))</h1>
        \(ShopConsolePages.recordLinks(page))
        <nav class="tabs" aria-label="\(t(.status))">\(tabs)</nav>
        \(table)
        \(paging.pager(path: "/console/idle-spaces", query: [("status", asked)], total: all.count, language: page.language))
        """
        return try WebPage(context: page, area: .console, title: t(.spacesTitle), body: body).response(from: request, context: context)
    }

    func spacePage(_ request: Request, _ context: XiuhuaRequestContext, notice: Markup = .empty, status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let account = try reader(context) else { return signInFirst(request) }
        let page = PageContext(request, context, tileURL: tileURL)
        func t(_ key: ShopConsoleText.Key) -> String { ShopConsoleText.text(key, page.language) }
        let space = try await routes.scoped(try context.parameters.require("id"), account)
        var flash = notice
        if request.uri.queryParameters["done"] == "moved" {
            flash = "<div class=\"notice good\" role=\"status\" id=\"flash\">\(t(.moved))</div>"
        }
        var actions: Markup = .empty
        if ShopRoutes.keepers.contains(account.role), !space.status.next.isEmpty {
            let buttons = IdleSpace.Status.allCases.filter(space.status.next.contains).map { next -> Markup in
                let label = ShopConsoleText.text(.moveTo, page.language, ["status": RecordLabelText.status(next, page.language)])
                return "<button type=\"submit\" name=\"status\" value=\"\(next.rawValue)\" id=\"move-\(next.rawValue)\">\(label)</button> "
            }
            actions = """
                <form method="post" action="/console/idle-spaces/\(space.id)/status" id="move-form">\(page.csrfField)
                <label for="note">\(ShopConsoleText.text(.history, page.language))</label>
                <input type="text" id="note" name="note" maxlength="500">
                <p class="actions">\(buttons)</p></form>
                """
        }
        let events = space.events.map { event -> Markup in
            "<li>\(page.time(event.at)) · \(RecordLabelText.status(event.status, page.language)) · \(event.by)\(event.note.map { " · \($0)" } ?? "")</li>"
        }
        let caseLinks = CaseLinks(services: services, account: account)
        var cases: [Markup] = []
        for number in space.cases { cases.append("<li>\(try await caseLinks.markup(number, label: number))</li>") }
        let body: Markup = """
        \(flash)
        <h1>\(space.name)</h1>
        <dl class="facts" id="space-details">
        <dt>\(t(.kind))</dt><dd>\(RecordLabelText.kind(space.kind, page.language))</dd>
        <dt>\(t(.status))</dt><dd id="space-status">\(RecordLabelText.status(space.status, page.language))</dd>
        <dt>\(t(.owner))</dt><dd>\(space.owner)</dd>
        <dt>\(t(.hazard))</dt><dd>\(RecordLabelText.hazard(space.hazard, page.language))\(space.hazardNote.map { " · \($0)" } ?? "")</dd>
        <dt>\(t(.street))</dt><dd>\(services.regions?[space.place.streetCode]?.name ?? space.place.streetCode)</dd>
        <dt>\(t(.grid))</dt><dd>\(space.place.gridCode)</dd>
        </dl>
        \(actions)
        <h2>\(t(.history))</h2><ol>\(events)</ol>
        <h2>\(t(.linkedCases))</h2>\(cases.isEmpty ? Markup("<p class=\"empty\">\(t(.noneYet))</p>") : "<ul>\(cases)</ul>")
        <p><a href="/console/idle-spaces">\(t(.spacesTitle))</a></p>
        """
        return try WebPage(context: page, area: .console, title: space.name, body: body, status: status).response(from: request, context: context)
    }

    func move(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        try CSRFToken.check(request, form)
        guard let account = try reader(context) else { return signInFirst(request) }
        guard ShopRoutes.keepers.contains(account.role) else { throw WebError.forbidden("role") }
        let space = try await routes.scoped(try context.parameters.require("id"), account)
        do {
            _ = try await routes.move(space, to: form["status"] ?? "", note: form["note"], by: account)
            return Response.redirect(to: "/console/idle-spaces/\(space.id)?done=moved", type: .normal)
        } catch let error as APIError where error.status == .badRequest || error.status == .conflict {
            let notice: Markup = "<div class=\"notice bad\" role=\"alert\" id=\"flash\">\(ShopConsoleText.text(.notMoved, UILanguage.page(request)))\(error.message)</div>"
            return try await spacePage(request, context, notice: notice, status: error.status)
        }
    }
}
