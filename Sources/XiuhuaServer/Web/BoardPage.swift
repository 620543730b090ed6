import Foundation
import Hummingbird
import Xiuhua
import XiuhuaStore

/// The public board (`/board`): this month's ranking of streets and departments by the
/// evaluation's composite score and grade (docs/EVALUATION.md — the same figures as the
/// monthly report, with the configured weights), and recently resolved cases with before
/// and after photos. Public, so it shows no reporter, note or description — only what was
/// fixed where.
struct BoardPage {
    let services: XiuhuaServices
    let tileURL: String?
    let weights: EvaluationWeights

    func add(to group: RouterGroup<XiuhuaRequestContext>) {
        group.get("/board") { request, context in try await render(request, context) }
    }

    func render(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let page = PageContext(request, context, tileURL: tileURL)
        let language = page.language
        func t(_ key: BoardText.Key) -> String { BoardText.text(key, language) }
        let now = services.now()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = services.calendar.timeZone
        let month = calendar.date(from: calendar.dateComponents([.year, .month], from: now)) ?? now
        let period = try EvaluationPeriod(Self.monthText(month, calendar), timeZone: services.calendar.timeZone)
        let tables = try await EvaluationDesk(services: services, weights: weights).tables([.street, .department], in: period)
        let streets = tables[.street]?.ranked(.region) ?? []
        let departments = tables[.department]?.ranked(.department) ?? []
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
        \(table(t(.streetRanking), streets, id: "street-ranking", rates: [.closingRate, .onTimeClosingRate], language))
        \(table(t(.departmentRanking), departments, id: "department-ranking", rates: [.onTimeDisposalRate, .reworkRate], language))
        </div>
        <p class="hint">\(t(.definition))</p>
        <h2>\(t(.recentlyClosed))</h2>
        \(cards.isEmpty ? Markup("<p class=\"hint\">\(t(.noData))</p>") : "<ul class=\"closed-cases\" id=\"recently-closed\">\(cards)</ul>")
        """
        return try WebPage(context: page, area: .board, title: t(.title), body: body).response(from: request, context: context)
    }

    /// Ranked rows, best first, as the evaluation ordered them: composite score (rates at
    /// their 95% Wilson lower bound, weighted), grade, sample size and two headline rates.
    private func table(_ title: String, _ rows: [EvaluationRow], id: String, rates: [Indicator], _ language: UILanguage) -> Markup {
        func t(_ key: BoardText.Key) -> String { BoardText.text(key, language) }
        let body = rows.map { row in
            let grade: Markup = row.grade.map { Markup("<span class=\"grade grade-\($0.rawValue)\">\($0.rawValue)</span>") } ?? Markup("—")
            let cells = rates.map { indicator -> Markup in
                let value = row.value(indicator)
                return "<td>\(value.rate.map(Self.percent) ?? "—")</td>"
            }
            return Markup("""
            <tr><td>\(row.rank.map(String.init) ?? "—")</td><th scope="row">\(row.name)</th>\
            <td class="score">\(row.adjustedScore.map { String(format: "%.1f", $0) } ?? "—")</td><td>\(grade)</td><td>\(row.sampleSize)</td>\(cells)</tr>
            """)
        }
        let rateHeaders = rates.map { Markup("<th scope=\"col\">\(t(Self.header($0)))</th>") }
        return """
        <section class="card" aria-labelledby="\(id)-title">
        <h2 id="\(id)-title">\(title)</h2>
        \(rows.isEmpty ? Markup("<p class=\"hint\">\(t(.noData))</p>") : """
        <div class="table-wrap"><table class="ranking" id="\(id)"><thead><tr><th scope="col">\(t(.rank))</th><th scope="col">\(t(.name))</th>\
        <th scope="col">\(t(.score))</th><th scope="col">\(t(.grade))</th><th scope="col">\(t(.sample))</th>\(rateHeaders)</tr></thead>
        <tbody>\(body)</tbody></table></div>
        """)
        </section>
        """
    }

    private static func header(_ indicator: Indicator) -> BoardText.Key {
        switch indicator {
        case .closingRate: .closingRate
        case .onTimeClosingRate: .onTimeRate
        case .onTimeDisposalRate: .onTimeDisposalRate
        default: .reworkRate
        }
    }

    static func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }

    static func monthText(_ month: Date, _ calendar: Calendar) -> String {
        let parts = calendar.dateComponents([.year, .month], from: month)
        return String(format: "%04d-%02d", parts.year ?? 0, parts.month ?? 0)
    }
}
