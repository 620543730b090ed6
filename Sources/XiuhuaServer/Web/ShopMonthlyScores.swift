import Foundation
import Xiuhua

/// A shop's monthly score on its console page: this month and the five before it, each
/// computed as the 红黑榜 computes it (`MonthlyShopScore` over the month's inspections, the
/// month's bounds from `ShopBoardDesk`), so the page and the board never disagree.
struct ShopMonthlyScores {
    let services: XiuhuaServices
    static let months = 6

    /// The months to show, newest first, as `YYYY-MM` in the district's time zone.
    func labels() -> [String] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = services.calendar.timeZone
        let now = services.now()
        return (0..<Self.months).compactMap { back in
            guard let day = calendar.date(byAdding: .month, value: -back, to: now) else { return nil }
            let parts = calendar.dateComponents([.year, .month], from: day)
            return String(format: "%04d-%02d", parts.year ?? 0, parts.month ?? 0)
        }
    }

    func scores(shop: Shop, inspections: [Inspection]) throws -> [(month: String, score: MonthlyShopScore)] {
        let desk = ShopBoardDesk(services: services)
        return try labels().map { label in
            let month = try desk.month(label)
            let inMonth = inspections.filter { month.start <= $0.at && $0.at < month.end }
            return (label, MonthlyShopScore(shopID: shop.id, inspections: inMonth))
        }
    }

    func section(shop: Shop, inspections: [Inspection], language: UILanguage) throws -> Markup {
        func t(_ key: RecordLabelText.Key) -> String { RecordLabelText.text(key, language) }
        let rows = try scores(shop: shop, inspections: inspections).map { month, score -> Markup in
            guard let value = score.score, let grade = score.grade else {
                return "<tr data-month=\"\(month)\"><td>\(month)</td><td colspan=\"4\" class=\"hint\">\(t(.notInspected))</td></tr>"
            }
            return """
            <tr data-month="\(month)"><td>\(month)</td><td>\(score.inspections)</td><td>\(score.cases)</td>\
            <td class="score">\(ShopBoard.Entry.scoreText(value))</td><td class="grade-\(grade.rawValue)">\(RecordLabelText.grade(grade, language))</td></tr>
            """
        }
        return """
        <section id="monthly-scores"><h2>\(t(.monthlyScores))</h2><p class="hint">\(t(.scoreHint))</p>
        <div class="table-wrap"><table class="cases"><thead><tr><th scope="col">\(t(.month))</th><th scope="col">\(t(.inspections))</th>\
        <th scope="col">\(t(.cases))</th><th scope="col">\(t(.score))</th><th scope="col">\(t(.grade))</th></tr></thead>
        <tbody>\(rows)</tbody></table></div></section>
        """
    }
}
