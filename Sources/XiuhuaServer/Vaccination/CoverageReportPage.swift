import Foundation
import Hummingbird
import Xiuhua

/// `GET /vaccination/report?day=2026-12-01&level=street`: the daily report a supervision
/// group (督导组) reads — district totals, each region's doses and 百人覆盖率, doses per day.
/// Printable, server-rendered, Chinese first (`?lang=en` for English).
struct CoverageReportPage {
    let services: XiuhuaServices

    func add(to router: Router<XiuhuaRequestContext>) {
        router.get("/vaccination/report") { request, context in
            _ = try context.requireRole(VaccinationRoutes.staff, for: "查看接种进度")
            let report = try await CoverageReport.load(request, services: services)
            let grids = try await services.store.gridCoverage(through: report.day)
            return HTML(body: render(report, map: CoverageMap.svg(grids, features: services.features), language: UILanguage(request: request)))
        }
    }

    func render(_ report: CoverageReport, map: String?, language: UILanguage) -> String {
        func t(_ key: CoverageText.Key, _ values: [String: String] = [:]) -> String { CoverageText.text(key, language, values) }
        let districtName = services.regions?.district.name ?? ""
        let levelName = t(Self.levelKey(report.level))
        var body = "<p class=\"switch\"><a href=\"?day=\(report.day)&amp;level=\(report.level.rawValue)&amp;lang=\(language.other.code)\">\(t(.switchLanguage))</a></p>\n"
        body += "<h1>\(districtName.htmlEscaped)\(t(.title))</h1>\n"
        body += "<p class=\"meta\">\(t(.reportDay, ["day": report.day.description]))　\(t(.level))："
        body += [RegionLevel.district, .street, .community, .grid].map { level in
            level == report.level ? "<strong>\(t(Self.levelKey(level)))</strong>"
                : "<a href=\"?day=\(report.day)&amp;level=\(level.rawValue)&amp;lang=\(language.code)\">\(t(Self.levelKey(level)))</a>"
        }.joined(separator: " · ") + "</p>\n"
        let figures = "<th>\(t(.population))</th><th>\(t(.doses))</th><th>\(t(.firstDose))</th><th>\(t(.secondDose))</th><th>\(t(.per100))</th>"
        body += "<section><h2>\(t(.totals))</h2>\n<table class=\"totals\"><tr>\(figures)</tr><tr>\(cells(report.total))</tr></table></section>\n"
        let rows = report.rows.map { row in "<tr><td>\(row.name.htmlEscaped)<small> \(row.code)</small></td>\(cells(row))</tr>" }
        body += "<section><h2>\(t(.byRegion, ["level": levelName]))</h2>\n"
        body += rows.isEmpty ? "<p>\(t(.noData))</p>"
            : "<table><tr><th>\(t(.name))</th>\(figures)</tr>\n\(rows.joined(separator: "\n"))</table>"
        body += "</section>\n<section><h2>\(t(.perDay))</h2>\n"
        body += report.perDay.isEmpty ? "<p>\(t(.noData))</p>"
            : "<table><tr><th>\(t(.day))</th><th>\(t(.doses))</th></tr>\n"
                + report.perDay.map { "<tr><td>\($0.day)</td><td>\($0.doses)</td></tr>" }.joined(separator: "\n") + "</table>"
        body += "</section>\n"
        if let map {
            body += "<section><h2>\(t(.map))</h2>\n\(map)\n\(CoverageMap.legend())</section>\n"
        }
        body += "<p class=\"note\">\(t(.formula))</p>"
        return MonthlyReportPage.page(title: t(.title) + " " + report.day.description, body: Self.style + body)
            .replacingOccurrences(of: "<html lang=\"zh-CN\">", with: "<html lang=\"\(language.rawValue)\">")
    }

    /// The map's own styles, beside the report's.
    static let style = "<style>.coverage-map { width: 100%; max-height: 36rem; } .swatch { display: inline-block; width: 1rem; height: .8rem; "
        + "margin-right: .2rem; border: 1px solid #999; vertical-align: middle; } .legend { font-size: .85rem; } .switch { text-align: right; }</style>\n"

    private func cells(_ row: CoverageReport.Row) -> String {
        "<td>\(row.population)</td><td>\(row.doses)</td><td>\(row.firstDose)</td><td>\(row.secondDose)</td><td>\(row.dosesPer100.map { String(format: "%.2f", $0) } ?? "—")</td>"
    }

    static func levelKey(_ level: RegionLevel) -> CoverageText.Key {
        switch level {
        case .district: .levelDistrict
        case .street: .levelStreet
        case .community: .levelCommunity
        case .grid: .levelGrid
        }
    }
}
