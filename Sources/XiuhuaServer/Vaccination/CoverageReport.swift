import Foundation
import Hummingbird
import Xiuhua
import XiuhuaStore

/// Vaccination coverage at one level of the district on one day, as the API returns it and
/// the supervision groups' daily report shows it: each region's population, doses and
/// 百人覆盖率, the district's total, and the doses given per day.
struct CoverageReport: Encodable {
    struct Row: Encodable {
        let code: String
        let name: String
        let population: Int
        let doses: Int
        let firstDose: Int
        let secondDose: Int
        /// Doses per 100 population; nil when nobody in the region is on the roster.
        let dosesPer100: Double?

        init(_ coverage: Coverage, name: String) {
            code = coverage.regionCode
            self.name = name
            population = coverage.population
            doses = coverage.doses
            firstDose = coverage.firstDose
            secondDose = coverage.secondDose
            dosesPer100 = coverage.dosesPer100
        }
    }

    struct Day: Encodable {
        let day: LocalDate
        let doses: Int
    }

    let level: RegionLevel
    let day: LocalDate
    let formula: String
    let total: Row
    let rows: [Row]
    let perDay: [Day]

    static let formula = "百人覆盖率 = 接种剂次 ÷ 人口 × 100 (doses per 100 population = doses ÷ population × 100, two decimals)"

    /// Reads `level` (grid, community, street or district; street by default) and `day`
    /// (today by default) from the query.
    static func load(_ request: Request, services: XiuhuaServices) async throws -> CoverageReport {
        let level = try request.uri.queryParameters["level"].map { text in
            guard let level = RegionLevel(rawValue: String(text)) else {
                throw APIError.badRequest("invalid_level", "level 应为 grid、community、street 或 district (unknown level): \(text)")
            }
            return level
        } ?? .street
        let day = try request.uri.queryParameters["day"].map { text in
            guard let day = try? LocalDate(String(text)) else {
                throw APIError.badRequest("invalid_day", "day 应为 YYYY-MM-DD (day must be YYYY-MM-DD): \(text)")
            }
            return day
        } ?? services.calendar.localDate(of: services.now())
        return try await load(level: level, day: day, services: services)
    }

    static func load(level: RegionLevel, day: LocalDate, services: XiuhuaServices) async throws -> CoverageReport {
        let grids = try await services.store.gridCoverage(through: day)
        let regions = services.regions
        func name(_ code: String) -> String { regions?[code]?.name ?? code }
        let districtCode = regions?.district.code ?? String(grids.first?.regionCode.prefix(6) ?? "")
        let total = Coverage.rollUp(grids, to: .district).first ?? Coverage(regionCode: districtCode)
        let perDay = try await services.store.dosesPerDay().filter { $0.day <= day }.map { Day(day: $0.day, doses: $0.doses) }
        return CoverageReport(
            level: level, day: day, formula: formula,
            total: Row(total, name: name(total.regionCode)),
            rows: Coverage.rollUp(grids, to: level).map { Row($0, name: name($0.regionCode)) },
            perDay: perDay
        )
    }
}
