import Foundation
import Hummingbird
import Xiuhua
import XiuhuaStore

/// The public board (`/board`): this month's ranking of streets and departments by
/// closing rate and on-time rate, and recently resolved cases with before and after
/// photos. Public, so it shows no reporter, note or description — only what was fixed where.
struct BoardPage {
    let services: XiuhuaServices
    let tileURL: String?

    func add(to group: RouterGroup<XiuhuaRequestContext>) {
        group.get("/board") { request, context in try await render(request, context) }
    }

    struct Row {
        let name: String
        let record: ClosingRecord
        var closingRate: Double { record.total == 0 ? 0 : Double(record.closed) / Double(record.total) }
        var onTimeRate: Double { record.closed == 0 ? 0 : Double(record.closedOnTime) / Double(record.closed) }
    }

    func render(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let page = PageContext(request, context, tileURL: tileURL)
        let language = page.language
        func t(_ key: BoardText.Key) -> String { BoardText.text(key, language) }
        let now = services.now()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = services.calendar.timeZone
        let month = calendar.date(from: calendar.dateComponents([.year, .month], from: now)) ?? now
        let end = now.addingTimeInterval(1)
        let streets = try await services.store.closingRecords(from: month, to: end, byStreet: true).map {
            Row(name: services.regions?[$0.code]?.name ?? $0.code, record: $0)
        }
        let departments = try await services.store.closingRecords(from: month, to: end, byStreet: false).map {
            Row(name: services.organisation.department($0.code)?.name ?? $0.code, record: $0)
        }
        var closedQuery = CaseQuery()
        closedQuery.states = [.closed, .rated]
        closedQuery.pageSize = 6
        let board = Actor(id: "board", name: "board", role: .supervisor)
        let closed = try await services.store.listCases(closedQuery, visibleTo: board, at: now).cases
        var cards: [Markup] = []
        for snapshot in closed {
            let events = try await services.store.caseEvents(snapshot.number)
            let photos = CasePhotos(snapshot, events: events)
            let before = photos.before.first.map(PhotoRules.path)
            let after = photos.after.last.map(PhotoRules.path)
            func figure(_ url: String?, _ caption: String) -> Markup {
                guard let url else { return "<figure class=\"nophoto\"><div>\(t(.noPhoto))</div><figcaption>\(caption)</figcaption></figure>" }
                return "<figure><img src=\"\(url)\" alt=\"\(caption)\" loading=\"lazy\"><figcaption>\(caption)</figcaption></figure>"
            }
            let street = snapshot.location.streetCode.flatMap { services.regions?[$0]?.name } ?? ""
            cards.append("""
            <li class="card closed-case">
            <h3>\(services.catalog.matter(code: snapshot.categoryCode)?.name ?? snapshot.categoryCode)</h3>
            <p class="hint">\(street) · \(t(.closedOn)) \(snapshot.closedAt.map(page.time) ?? "")</p>
            <div class="before-after">\(figure(before, t(.before)))\(figure(after, t(.after)))</div>
            </li>
            """)
        }
        let body: Markup = """
        <h1>\(t(.title))</h1>
        <p class="lead">\(t(.intro))</p>
        <p class="hint">\(t(.month))：\(Self.monthText(month, calendar))</p>
        <div class="board-grid">
        \(table(t(.streetRanking), streets, id: "street-ranking", language))
        \(table(t(.departmentRanking), departments, id: "department-ranking", language))
        </div>
        <p class="hint">\(t(.definition))</p>
        <h2>\(t(.recentlyClosed))</h2>
        \(cards.isEmpty ? Markup("<p class=\"hint\">\(t(.noData))</p>") : "<ul class=\"closed-cases\" id=\"recently-closed\">\(cards)</ul>")
        """
        return try WebPage(context: page, area: .board, title: t(.title), body: body).response(from: request, context: context)
    }

    private func table(_ title: String, _ rows: [Row], id: String, _ language: UILanguage) -> Markup {
        func t(_ key: BoardText.Key) -> String { BoardText.text(key, language) }
        let ranked = rows.sorted {
            ($0.closingRate, $0.onTimeRate, $0.record.total, $1.name) > ($1.closingRate, $1.onTimeRate, $1.record.total, $0.name)
        }
        let body = ranked.enumerated().map { index, row in
            Markup("""
            <tr><td>\(index + 1)</td><th scope="row">\(row.name)</th><td>\(row.record.total)</td><td>\(row.record.closed)</td>\
            <td>\(Self.percent(row.closingRate))</td><td>\(row.record.closed == 0 ? "—" : Self.percent(row.onTimeRate))</td></tr>
            """)
        }
        return """
        <section class="card" aria-labelledby="\(id)-title">
        <h2 id="\(id)-title">\(title)</h2>
        \(ranked.isEmpty ? Markup("<p class=\"hint\">\(t(.noData))</p>") : """
        <div class="table-wrap"><table class="ranking" id="\(id)"><thead><tr><th scope="col">\(t(.rank))</th><th scope="col">\(t(.name))</th>\
        <th scope="col">\(t(.cases))</th><th scope="col">\(t(.closed))</th><th scope="col">\(t(.closingRate))</th><th scope="col">\(t(.onTimeRate))</th></tr></thead>
        <tbody>\(body)</tbody></table></div>
        """)
        </section>
        """
    }

    static func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }

    static func monthText(_ month: Date, _ calendar: Calendar) -> String {
        let parts = calendar.dateComponents([.year, .month], from: month)
        return String(format: "%04d-%02d", parts.year ?? 0, parts.month ?? 0)
    }
}
