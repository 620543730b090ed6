import Foundation
import Hummingbird
import Xiuhua

/// The console's list of rectification notices (`/console/notices?state=`): overdue ones
/// are marked (a notice past its deadline but not yet scanned counts too), each linked to
/// its page on the notice desk, its shop and its printable notice. The selection and scope are
/// `NoticeRoutes.notices(for:states:)`, as the API's.
struct NoticeConsolePage {
    let services: XiuhuaServices
    let tileURL: String?

    func add(to group: RouterGroup<XiuhuaRequestContext>) {
        group.get("/console/notices") { request, context in try await list(request, context) }
    }

    func list(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        guard let account = context.account else { return signInFirst(request) }
        guard ShopRoutes.readers.contains(account.role) else { throw WebError.forbidden("role") }
        let page = PageContext(request, context, tileURL: tileURL)
        func t(_ key: ShopConsoleText.Key) -> String { ShopConsoleText.text(key, page.language) }
        let text = request.uri.queryParameters["state"].map(String.init) ?? ""
        var state: RectificationNotice.State?
        if !text.isEmpty {
            guard let parsed = RectificationNotice.State(rawValue: text) else { throw WebError.badRequest(text) }
            state = parsed
        }
        let paging = try Paging.console(request, size: 50)
        let all = try await NoticeRoutes(services: services).notices(for: account, states: state.map { [$0] })
        let notices = paging.slice(all)
        let now = services.now()
        let tabs = ([nil] + RectificationNotice.State.allCases.map(Optional.some)).map { choice -> Markup in
            let current = choice == state
            let label = choice.map { NoticeConsoleText.state($0, page.language) } ?? t(.all)
            return "<a href=\"/console/notices\(choice.map { "?state=\($0.rawValue)" } ?? "")\" class=\"tab\(current ? " current" : "")\"\(Markup.when(current, " aria-current=\"page\""))>\(label)</a>"
        }
        var rows: [Markup] = []
        for notice in notices {
            let overdue = ShopConsolePages.isOverdue(notice, at: now)
            let label = NoticeConsoleText.state(notice.state, page.language)
            rows.append("""
            <tr\(Markup.when(overdue, " class=\"overdue\""))><td><a href="/console/notices/\(notice.number)">\(notice.documentNumber)</a></td>\
            <td><a href="/console/shops/\(notice.shopID)">\(notice.partyName)</a></td>\
            <td>\(label)\(Markup.when(overdue, " <strong class=\"bad\">\(t(.overdue))</strong>"))</td><td>\(page.time(notice.deadline))</td>\
            <td><a href="/notices/\(notice.number)/print">\(t(.print))</a></td></tr>
            """)
        }
        let table: Markup = rows.isEmpty ? "<p class=\"empty\" id=\"no-notices\">\(t(.noNotices))</p>" : """
            <div class="table-wrap"><table class="cases" id="notices">
            <caption>\(ShopConsoleText.text(.total, page.language, ["n": String(all.count)]))</caption>
            <thead><tr><th scope="col">\(t(.number))</th><th scope="col">\(t(.shop))</th><th scope="col">\(t(.state))</th>\
            <th scope="col">\(t(.deadline))</th><th scope="col">\(t(.print))</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """
        let body: Markup = """
        <h1>\(t(.noticesTitle))</h1>
        \(ShopConsolePages.recordLinks(page))
        <nav class="tabs" aria-label="\(t(.state))">\(tabs)</nav>
        \(table)
        \(paging.pager(path: "/console/notices", query: [("state", text)], total: all.count, language: page.language))
        """
        return try WebPage(context: page, area: .console, title: t(.noticesTitle), body: body).response(from: request, context: context)
    }
}
