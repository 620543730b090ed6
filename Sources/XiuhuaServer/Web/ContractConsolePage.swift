import Foundation
import Hummingbird
import Xiuhua

/// The console's list of 门前五包 contracts (`/console/contracts?status=`), with tabs for
/// the ones expiring or expired, each linked to its shop and its printable page. The
/// selection and scope are `ContractRoutes.contracts(for:status:street:)`, as the API's.
struct ContractConsolePage {
    let services: XiuhuaServices
    let tileURL: String?

    func add(to group: RouterGroup<XiuhuaRequestContext>) {
        group.get("/console/contracts") { request, context in try await list(request, context) }
    }

    func list(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        guard let account = context.account else { return signInFirst(request) }
        guard ShopRoutes.readers.contains(account.role) else { throw WebError.forbidden("role") }
        let page = PageContext(request, context, tileURL: tileURL)
        func t(_ key: ShopConsoleText.Key) -> String { ShopConsoleText.text(key, page.language) }
        let text = request.uri.queryParameters["status"].map(String.init) ?? ""
        var status: DutyContract.Status?
        if !text.isEmpty {
            guard let parsed = DutyContract.Status(rawValue: text) else { throw WebError.badRequest(text) }
            status = parsed
        }
        let routes = ContractRoutes(services: services)
        let today = routes.today
        let paging = try Paging.console(request, size: 50)
        let all = try await routes.contracts(for: account, status: status, street: nil)
        let items = paging.slice(all)
        let tabs = ([nil] + DutyContract.Status.allCases.map(Optional.some)).map { choice -> Markup in
            let current = choice == status
            let label = choice.flatMap { ShopConsoleText.Key(rawValue: $0.rawValue) }.map(t) ?? t(.all)
            return "<a href=\"/console/contracts\(choice.map { "?status=\($0.rawValue)" } ?? "")\" class=\"tab\(current ? " current" : "")\"\(Markup.when(current, " aria-current=\"page\""))>\(label)</a>"
        }
        let rows = items.map { item -> Markup in
            let state = item.contract.status(on: today)
            let label = ShopConsoleText.Key(rawValue: state.rawValue).map(t) ?? state.rawValue
            let street = services.regions?[item.shop.place.streetCode]?.name ?? item.shop.place.streetCode
            return """
            <tr\(Markup.when(state == .expired || state == .expiring, " class=\"overdue\""))><td><a href="/console/contracts/\(item.contract.number)">\(item.contract.number)</a></td>\
            <td><a href="/console/shops/\(item.shop.id)">\(item.shop.details.name)</a></td><td>\(street)</td>\
            <td>\(item.contract.validFrom.description) – \(item.contract.validUntil.description)</td><td>\(label)</td>\
            <td><a href="/contracts/\(item.contract.number)/print">\(t(.print))</a></td></tr>
            """
        }
        let table: Markup = rows.isEmpty ? "<p class=\"empty\" id=\"no-contracts\">\(t(.noContracts))</p>" : """
            <div class="table-wrap"><table class="cases" id="contracts">
            <caption>\(ShopConsoleText.text(.total, page.language, ["n": String(all.count)]))</caption>
            <thead><tr><th scope="col">\(t(.number))</th><th scope="col">\(t(.shop))</th><th scope="col">\(t(.street))</th>\
            <th scope="col">\(t(.validity))</th><th scope="col">\(t(.status))</th><th scope="col">\(t(.print))</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """
        let body: Markup = """
        <h1>\(t(.contractsTitle))</h1>
        \(ShopConsolePages.recordLinks(page))
        <nav class="tabs" aria-label="\(t(.status))">\(tabs)</nav>
        \(table)
        \(paging.pager(path: "/console/contracts", query: [("status", text)], total: all.count, language: page.language))
        """
        return try WebPage(context: page, area: .console, title: t(.contractsTitle), body: body).response(from: request, context: context)
    }
}
