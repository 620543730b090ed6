import Foundation
import Hummingbird
import Xiuhua
import XiuhuaStore

/// The console's 红黑榜 desk (`/console/shop-boards?street=&month=`): any staff reader
/// previews a street's board for a month as it would be published now, with every
/// inspected shop's score; a supervisor (or the administrator) publishes it with one form,
/// which is `ShopBoardRoutes.publish(month:street:by:)`, the API's act.
struct ShopBoardConsolePage {
    let services: XiuhuaServices
    let tileURL: String?
    var routes: ShopBoardRoutes { ShopBoardRoutes(services: services) }

    func add(to group: RouterGroup<XiuhuaRequestContext>) {
        group.get("/console/shop-boards") { request, context in try await page(request, context) }
        group.post("/console/shop-boards") { request, context in try await publish(request, context) }
    }

    func page(
        _ request: Request, _ context: XiuhuaRequestContext, month asked: String? = nil, street chosen: String? = nil,
        notice: Markup = .empty, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        guard let account = context.account else { return signInFirst(request) }
        guard ShopRoutes.readers.contains(account.role) else { throw WebError.forbidden("role") }
        let page = PageContext(request, context, tileURL: tileURL)
        let language = page.language
        func t(_ key: ShopConsoleText.Key) -> String { ShopConsoleText.text(key, language) }
        func b(_ key: ShopBoardText.Key) -> String { ShopBoardText.text(key, language) }
        let desk = routes.desk
        let query = request.uri.queryParameters
        let street = chosen ?? query["street"].map(String.init) ?? ""
        let month = try desk.month(asked ?? query["month"].map(String.init))
        let streets = (services.regions?.regions(at: .street) ?? [])
            .filter { ShopRegistry.inScope(account, street: $0.code) }
            .sorted { $0.code < $1.code }
        let options = streets.map { region -> Markup in
            "<option value=\"\(region.code)\"\(Markup.when(region.code == street, " selected"))>\(region.name)</option>"
        }
        var flash = notice
        if query["done"] == "published" {
            flash = "<div class=\"notice good\" role=\"status\" id=\"flash\">\(t(.publishedDone))</div>"
        }
        var content: Markup = "<p class=\"hint\">\(t(.chooseStreet))</p>"
        if !street.isEmpty {
            let code = try desk.street(street)
            try ShopRegistry.requireScope(account, street: code)
            let (board, scores) = try await desk.compute(month: month, street: code)
            let published = try await services.store.publishedBoards(month: month.label, streetCode: code).first
            let names = Dictionary(uniqueKeysWithValues: try await services.store.shops(ShopQuery(streetCodes: [code], limit: Int(Int32.max))).shops.map { ($0.id, $0.details.name) })
            let scoreRows = scores.map { score -> Markup in
                """
                <tr><td><a href="/console/shops/\(score.shopID)">\(names[score.shopID] ?? score.shopID)</a></td><td>\(score.inspections)</td>\
                <td>\(score.score.map(ShopBoard.Entry.scoreText) ?? "—")</td><td>\(score.grade.map { RecordLabelText.grade($0, language) } ?? "—")</td></tr>
                """
            }
            var action: Markup = .empty
            if let published {
                action = "<p class=\"notice good\" id=\"published\">\(ShopConsoleText.text(.publishedNote, language, ["by": published.publishedBy, "at": page.time(published.publishedAt)]))</p>"
            } else if ShopBoardRoutes.publishers.contains(account.role) {
                action = """
                    <form method="post" action="/console/shop-boards" id="publish-form">\(page.csrfField)
                    <input type="hidden" name="street" value="\(code)"><input type="hidden" name="month" value="\(month.label)">
                    <p class="hint">\(t(.publishHint))</p>
                    <button type="submit" class="primary" id="publish">\(t(.publish))</button></form>
                    """
            }
            let scoresTable: Markup = scoreRows.isEmpty ? "<p class=\"hint\">\(b(.none))</p>" : """
                <div class="table-wrap"><table class="cases" id="scores"><thead><tr><th scope="col">\(b(.shop))</th>\
                <th scope="col">\(t(.inspections))</th><th scope="col">\(b(.score))</th><th scope="col">\(b(.grade))</th></tr></thead>\
                <tbody>\(scoreRows)</tbody></table></div>
                """
            content = """
            <section class="card shop-board" id="preview">
            <h2>\(services.regions?[code]?.name ?? code) · \(month.label)</h2>
            \(action)
            \(ShopBoardPage.table(b(.red), board.red, id: "red", language: language, b))
            \(ShopBoardPage.table(b(.black), board.black, id: "black", language: language, b))
            <h3>\(t(.scores))</h3>
            \(scoresTable)
            </section>
            """
        }
        let body: Markup = """
        \(flash)
        <h1>\(t(.boardTitle))</h1>
        <form method="get" action="/console/shop-boards" class="filters">
        <label for="street">\(t(.street))</label>
        <select id="street" name="street"><option value="">—</option>\(options)</select>
        <label for="month">\(t(.month))</label>
        <input type="month" id="month" name="month" value="\(month.label)">
        <button type="submit">\(t(.show))</button>
        </form>
        \(content)
        """
        return try WebPage(context: page, area: .console, title: t(.boardTitle), body: body, status: status).response(from: request, context: context)
    }

    func publish(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        try CSRFToken.check(request, form)
        guard let account = context.account else { return signInFirst(request) }
        guard ShopBoardRoutes.publishers.contains(account.role) else { throw WebError.forbidden("role") }
        let month = form["month"] ?? "", street = form["street"] ?? ""
        do {
            let published = try await routes.publish(month: month, street: street, by: account)
            let board = published.board
            return Response.redirect(to: "/console/shop-boards?street=\(board.streetCode)&month=\(board.month)&done=published", type: .normal)
        } catch let error as APIError where error.status == .badRequest || error.status == .conflict {
            let notice: Markup = "<div class=\"notice bad\" role=\"alert\" id=\"flash\">\(ShopConsoleText.text(.notPublished, UILanguage.page(request)))\(error.message)</div>"
            // Show the form again for what was asked, when that much can be read.
            let readable = (try? routes.desk.month(month)) != nil && (try? routes.desk.street(street)) != nil
            return try await page(request, context, month: readable ? month : "", street: readable ? street : "", notice: notice, status: error.status)
        }
    }
}
