import Foundation
import Hummingbird
import Xiuhua

/// `GET /reports/monthly?period=2026-11`: the printable 通报 — totals, channels,
/// sub-commands, the three most frequent categories, the street and department rankings
/// with their best and bottom three, grades in colour. Server-rendered, no script, no CDN.
struct MonthlyReportPage {
    let services: XiuhuaServices
    let weights: EvaluationWeights

    func add(to router: Router<XiuhuaRequestContext>) {
        router.get("/reports/monthly") { request, context in
            _ = try context.requireRole(EvaluationRoutes.readers, for: "查看考核通报")
            let period = try EvaluationDesk.period(request.uri.queryParameters["period"].map(String.init))
            return try await render(period)
        }
    }

    func render(_ period: EvaluationPeriod) async throws -> HTML {
        let desk = EvaluationDesk(services: services, weights: weights)
        let tables = try await desk.tables([.district, .source, .command, .category, .street, .department], in: period)
        let district = tables[.district]?.rows.first?.tally ?? Tally()
        let districtName = services.regions?.district.name ?? "全区"
        var body = "<h1>\(districtName.htmlEscaped)城市管理考核通报</h1>\n"
        body += "<p class=\"meta\">考核周期：\(period.label.htmlEscaped)（\(ISO8601Instant.format(period.start, in: period.timeZone).prefix(10)) 至 \(ISO8601Instant.format(period.end.addingTimeInterval(-1), in: period.timeZone).prefix(10))）</p>\n"
        body += section("一、总体情况", totals(district))
        body += section("二、分渠道", breakdown(tables[.source]?.rows ?? []))
        body += section("三、分指挥部", breakdown(tables[.command]?.rows ?? []))
        let top = (tables[.category]?.rows ?? []).filter { $0.tally[.reported] > 0 }
            .sorted { ($0.tally[.reported], $1.unit) > ($1.tally[.reported], $0.unit) }.prefix(3)
        body += section("四、高发问题前三位", breakdown(Array(top)))
        body += ranking("五、街道排名", tables[.street]?.ranked(.region) ?? [])
        body += ranking("六、部门排名", tables[.department]?.ranked(.department) ?? [])
        body += "<p class=\"note\">排名依据：各项比率取威尔逊置信下限（95%）后按权重合成的综合得分，样本少的单位不会因偶然而居前；原始比率与样本量并列。等级：A ≥ 90，B ≥ 75，C ≥ 60，D ≥ 40，E &lt; 40。</p>"
        return HTML(body: Self.page(title: "考核通报 \(period.label)", body: body))
    }

    private func section(_ title: String, _ content: String) -> String {
        "<section><h2>\(title)</h2>\n\(content)</section>\n"
    }

    private func totals(_ t: Tally) -> String {
        let due = t[.accepted] - t[.cancelled] - t[.suspendedAtEnd]
        let cells: [(String, String)] = [
            ("上报数", "\(t[.reported])"), ("立案数", "\(t[.accepted])"), ("应结案数", "\(due)"), ("结案数", "\(t[.closed])"),
            ("按期结案数", "\(t[.closedOnTime])"), ("结案率", percent(.closingRate, t)), ("按期结案率", percent(.onTimeClosingRate, t)),
            ("按期处置率", percent(.onTimeDisposalRate, t)), ("返工率", percent(.reworkRate, t)), ("延期率", percent(.extensionRate, t)),
            ("超期未处置数", "\(t[.overdueUnhandled])"), ("监督举报率", percent(.publicReportRate, t)),
            ("响应率", percent(.responseRate, t)), ("解决率", percent(.solutionRate, t)), ("满意率", percent(.satisfactionRate, t)),
        ]
        return "<table class=\"totals\"><tr>" + cells.map { "<th>\($0.0)</th>" }.joined() + "</tr><tr>"
            + cells.map { "<td>\($0.1)</td>" }.joined() + "</tr></table>"
    }

    private func breakdown(_ rows: [EvaluationRow]) -> String {
        guard !rows.isEmpty else { return "<p>本期无数据。</p>" }
        let lines = rows.map { row in
            "<tr><td>\(row.name.htmlEscaped)</td><td>\(row.tally[.reported])</td><td>\(row.tally[.accepted])</td><td>\(row.tally[.closed])</td><td>\(percent(.closingRate, row.tally))</td><td>\(percent(.onTimeClosingRate, row.tally))</td></tr>"
        }
        return "<table><tr><th>名称</th><th>上报数</th><th>立案数</th><th>结案数</th><th>结案率</th><th>按期结案率</th></tr>\n"
            + lines.joined(separator: "\n") + "</table>"
    }

    private func ranking(_ title: String, _ rows: [EvaluationRow]) -> String {
        guard !rows.isEmpty else { return section(title, "<p>本期无可排名的单位。</p>") }
        let lines = rows.map { row in
            let grade = row.grade.map { "<span class=\"grade grade-\($0.rawValue)\">\($0.rawValue)</span>" } ?? ""
            return "<tr><td>\(row.rank.map(String.init) ?? "")</td><td>\(row.name.htmlEscaped)</td><td>\(score(row.adjustedScore))</td><td>\(score(row.score))</td><td>\(grade)</td><td>\(row.sampleSize)</td><td>\(percent(.closingRate, row.tally))</td><td>\(percent(.onTimeClosingRate, row.tally))</td><td>\(percent(.onTimeDisposalRate, row.tally))</td><td>\(percent(.reworkRate, row.tally))</td><td>\(row.hotlineScore.map { score($0) } ?? "—")</td></tr>"
        }
        let best = rows.prefix(3).map { $0.name.htmlEscaped }.joined(separator: "、")
        let bottom = rows.count > 3 ? rows.suffix(3).reversed().map { $0.name.htmlEscaped }.joined(separator: "、") : "—"
        let grades = Grade.allCases.map { grade in "\(grade.rawValue) \(rows.filter { $0.grade == grade }.count)" }.joined(separator: " · ")
        return section(title, """
        <p><strong class="best">红榜（前三）：</strong>\(best)　<strong class="worst">黑榜（后三）：</strong>\(bottom)　等级分布：\(grades)</p>
        <table><tr><th>排名</th><th>单位</th><th>综合得分（调整）</th><th>综合得分（原始）</th><th>等级</th><th>样本量</th><th>结案率</th><th>按期结案率</th><th>按期处置率</th><th>返工率</th><th>三率成绩</th></tr>
        \(lines.joined(separator: "\n"))</table>
        """)
    }

    /// A rate with its sample size, e.g. "97.50%（40）"; "—" when nothing was counted.
    private func percent(_ indicator: Indicator, _ tally: Tally) -> String {
        let value = indicator.value(tally)
        guard let rate = value.rate else { return "—" }
        return String(format: "%.2f%%", rate * 100) + "<small>（\(value.denominator)）</small>"
    }

    private func score(_ value: Double?) -> String {
        value.map { String(format: "%.1f", $0) } ?? "—"
    }

    static func page(title: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title.htmlEscaped)</title>
        <link rel="stylesheet" href="/assets/monthly-report.css">
        </head>
        <body>
        \(body)
        </body>
        </html>
        """
    }
}
