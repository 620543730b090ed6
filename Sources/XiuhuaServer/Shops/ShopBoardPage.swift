import Foundation
import Hummingbird
import Xiuhua
import XiuhuaStore

/// The public 红黑榜 of shops (`/board/shops[?month=]`): the published boards only, as
/// they were published, in the public board's frame and style. Reasons are the published
/// words (Chinese); the headings and grades follow the page language.
struct ShopBoardPage {
    let services: XiuhuaServices

    func add(to router: Router<XiuhuaRequestContext>) {
        router.get("/board/shops") { request, context in try await render(request, context) }
    }

    func render(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let page = PageContext(request, context, tileURL: nil)
        func t(_ key: ShopBoardText.Key) -> String { ShopBoardText.text(key, page.language) }
        let asked = request.uri.queryParameters["month"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        let month = try? asked.map { try ShopBoardDesk(services: services).month($0).label }
        let all = try await services.store.publishedBoards()
        let months = Array(Set(all.map(\.board.month))).sorted(by: >)
        let shown = month.flatMap { $0 }.map { m in all.filter { $0.board.month == m } } ?? all
        let links = months.map { Markup("<a href=\"/board/shops?month=\($0)\">\($0)</a>") }
        let sections = shown.map { published -> Markup in
            let board = published.board
            let street = services.regions?[board.streetCode]?.name ?? board.streetCode
            return """
            <section class="card shop-board" id="board-\(board.month)-\(board.streetCode)">
            <h2>\(street) · \(board.month)</h2>
            <p class="hint">\(t(.publishedBy))：\(published.publishedBy) \(page.time(published.publishedAt))</p>
            \(Self.table(t(.red), board.red, id: "red-\(board.streetCode)", language: page.language, t))
            \(Self.table(t(.black), board.black, id: "black-\(board.streetCode)", language: page.language, t))
            </section>
            """
        }
        let body: Markup = """
        <h1>\(t(.title))</h1>
        <p class="lead">\(t(.intro))</p>
        <p class="hint">\(t(.month))：<a href="/board/shops">\(t(.allMonths))</a> \(links)</p>
        \(sections.isEmpty ? Markup("<p class=\"hint\">\(t(.noBoards))</p>") : Markup(joining: sections))
        """
        return try WebPage(context: page, area: .board, title: t(.title), body: body).response(from: request, context: context)
    }

    /// One list of a board; the console's preview shows boards the same way.
    static func table(_ title: String, _ entries: [ShopBoard.Entry], id: String, language: UILanguage, _ t: (ShopBoardText.Key) -> String) -> Markup {
        guard !entries.isEmpty else { return "<h3>\(title)</h3><p class=\"hint\">\(t(.none))</p>" }
        let rows = entries.map { entry in
            Markup("""
            <tr><th scope="row">\(entry.shopName)\(Markup.when(entry.repeatOffender, " <em>\(t(.repeatOffender))</em>"))<br><span class="hint">\(entry.address)</span></th>\
            <td>\(entry.score.map(ShopBoard.Entry.scoreText) ?? "—")</td><td>\(entry.grade.map { RecordLabelText.grade($0, language) } ?? "—")</td><td>\(entry.reason)</td></tr>
            """)
        }
        return """
        <h3>\(title)</h3>
        <div class="table-wrap"><table class="ranking" id="\(id)"><thead><tr><th scope="col">\(t(.shop))</th><th scope="col">\(t(.score))</th>\
        <th scope="col">\(t(.grade))</th><th scope="col">\(t(.reason))</th></tr></thead><tbody>\(rows)</tbody></table></div>
        """
    }
}

extension ShopBoard.Entry {
    static func scoreText(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
