import Foundation
import Hummingbird
import Xiuhua

/// `GET /api/v1/evaluation?period=2026-11&level=street` (JSON), the same as CSV at
/// `GET /api/v1/evaluation.csv`, and `GET /api/v1/hotspots?period=2026-11[&min_cases=3]`.
/// Supervisors, administrators, duty chiefs and dispatchers may read them.
struct EvaluationRoutes {
    let services: XiuhuaServices
    let weights: EvaluationWeights

    static let readers: Set<Role> = [.supervisor, .admin, .dutyChief, .dispatcher]

    func add(to router: Router<XiuhuaRequestContext>) {
        router.get("/api/v1/evaluation") { request, context in try await evaluation(request, context, csv: false) }
        router.get("/api/v1/evaluation.csv") { request, context in try await evaluation(request, context, csv: true) }
        router.get("/api/v1/hotspots") { request, context in try await hotspots(request, context) }
    }

    func evaluation(_ request: Request, _ context: XiuhuaRequestContext, csv: Bool) async throws -> Response {
        _ = try context.requireRole(Self.readers, for: "查看考核评价")
        let query = request.uri.queryParameters
        let period = try EvaluationDesk.period(query["period"].map(String.init))
        let level = try EvaluationDesk.level(query["level"].map(String.init))
        let table = try await EvaluationDesk(services: services, weights: weights).table(level, in: period)
        guard csv else { return try json(EvaluationView(table)) }
        let filename = "evaluation-\(period.label)-\(level.rawValue).csv"
        return Response(
            status: .ok,
            headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(filename)\""],
            body: .init(byteBuffer: ByteBuffer(string: EvaluationCSV.render(table)))
        )
    }

    struct HotspotList: Encodable {
        struct Item: Encodable {
            let gridCode: String
            let gridName: String
            let categoryCode: String
            let categoryName: String
            let count: Int
            let previousCount: Int
            let trend: String
            let trendLabel: String
        }

        let period: String
        let previousPeriod: String
        let minCases: Int
        let total: Int
        let items: [Item]
    }

    func hotspots(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        _ = try context.requireRole(Self.readers, for: "查看高发问题")
        let query = request.uri.queryParameters
        let period = try EvaluationDesk.period(query["period"].map(String.init))
        var minimum = 3
        if let text = query["min_cases"].map(String.init) {
            guard let value = Int(text), (2...10_000).contains(value) else {
                throw APIError.badRequest("invalid_min_cases", "min_cases 应为 2 到 10000 的整数 (must be an integer 2…10000), got \(text)")
            }
            minimum = value
        }
        let found = try await EvaluationDesk(services: services, weights: weights).hotspots(in: period, minimumCases: minimum)
        let items = found.map { spot in
            HotspotList.Item(
                gridCode: spot.gridCode, gridName: services.regions?[spot.gridCode]?.name ?? spot.gridCode,
                categoryCode: spot.categoryCode, categoryName: services.catalog.resolve(code: spot.categoryCode)?.name ?? spot.categoryCode,
                count: spot.count, previousCount: spot.previousCount, trend: spot.trend.rawValue, trendLabel: spot.trend.label
            )
        }
        return try json(HotspotList(
            period: period.label, previousPeriod: period.previous.label, minCases: minimum, total: items.count, items: items
        ))
    }
}
