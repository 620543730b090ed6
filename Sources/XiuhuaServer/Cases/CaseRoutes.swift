import Foundation
import Hummingbird
import Xiuhua
import XiuhuaStore

/// The case API: file (`POST /api/v1/cases`), list (`GET /api/v1/cases`), read
/// (`GET /api/v1/cases/{number}`) and act (`POST /api/v1/cases/{number}/actions`).
struct CaseRoutes {
    let services: XiuhuaServices

    struct CaseList: Codable {
        let total: Int
        let page: Int
        let pageSize: Int
        let items: [CaseView]
    }

    struct Filed: Codable {
        let number: String
        /// Only for a citizen filing for themself: the ticket is their credential to follow
        /// and rate the case, so staff filing for a caller never receive it (the caller gets
        /// it by SMS when the case is accepted).
        let ticketCode: String?
        let status: String
        let `case`: CaseView?
        /// Possible duplicates, for staff who file (a citizen is not shown other reports).
        let duplicates: DuplicateRoutes.Duplicates?
    }

    struct Acted: Codable {
        let events: [String]
        let `case`: CaseView
    }

    func add(to router: Router<XiuhuaRequestContext>) {
        router.post("/api/v1/cases") { request, context in try await create(request, context) }
        router.get("/api/v1/cases") { request, context in try await list(request, context) }
        router.get("/api/v1/cases/{number}") { _, context in try await show(context) }
        router.post("/api/v1/cases/{number}/actions") { request, context in try await act(request, context) }
    }

    func create(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let body = try await request.decodeJSON(as: IntakeRequest.self, context: context)
        if body.source != CaseSource.web.rawValue, context.account == nil {
            // Only the web channel is open to anonymous citizens; say "sign in", not "forbidden".
            _ = try context.requireAccount()
        }
        let snapshot = try await CaseDesk(services: services).file(body, by: context.account)
        let view = context.account.map { CaseView(snapshot, for: $0.actor, services: services) }
        let staff = context.account.map { CaseRoutes.staff.contains($0.role) } ?? false
        let duplicates = staff ? try await DuplicateRoutes.duplicates(of: snapshot, services: services) : nil
        return try json(
            Filed(
                number: snapshot.number, ticketCode: staff ? nil : snapshot.ticketCode, status: snapshot.state.publicLabel,
                case: view, duplicates: duplicates
            ),
            status: .created
        )
    }

    func list(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole(Self.staff, for: "查看案件列表")
        var query = try Self.query(from: request)
        query.pageSize = min(max(query.pageSize, 1), CaseQuery.maximumPageSize)
        let page = try await services.store.listCases(query, visibleTo: account.actor, at: services.now())
        return try json(CaseList(
            total: page.total, page: query.page, pageSize: query.pageSize,
            items: page.cases.map { CaseView($0, for: account.actor, services: services) }
        ))
    }

    func show(_ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole(Self.staff, for: "查看案件")
        let number = try context.parameters.require("number")
        guard let snapshot = try await services.store.caseSnapshot(number), CaseVisibility.canSee(snapshot, account.actor) else {
            // A case outside one's scope is reported as absent, so numbers cannot be probed.
            throw APIError.from(.notFound(number: number))
        }
        let events = try await services.store.caseEvents(number)
        return try json(CaseView(snapshot, for: account.actor, services: services, events: events))
    }

    func act(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole(Self.staff, for: "办理案件")
        let number = try context.parameters.require("number")
        let body = try await request.decodeJSON(as: ActionRequest.self, context: context)
        let result = try await CaseDesk(services: services).act(on: number, body, by: account)
        let events = try await services.store.caseEvents(number)
        return try json(Acted(
            events: result.events.map(\.kind.rawValue),
            case: CaseView(result.snapshot, for: account.actor, services: services, events: events)
        ))
    }

    /// Every signed-in role but the citizen works with case lists and pages.
    static let staff: Set<Role> = Set(Role.allCases).subtracting([.citizen])

    static func query(from request: Request) throws -> CaseQuery {
        let parameters = request.uri.queryParameters
        func value(_ key: String) -> String? {
            parameters[Substring(key)].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        }
        var query = CaseQuery()
        if let status = value("status") {
            query.states = try status.split(separator: ",").map { word in
                guard let state = CaseState(rawValue: String(word)) else {
                    throw APIError.badRequest("invalid_status", "未知的状态 status (unknown state): \(word) — one of: \(CaseState.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return state
            }
        }
        query.streetCode = value("street")
        query.communityCode = value("community")
        query.gridCode = value("grid")
        query.categoryCode = value("category")
        query.ownerCode = value("department") ?? value("owner")
        query.summonedDepartment = value("summoned")
        if let source = value("source") {
            guard let parsed = CaseSource(rawValue: source) else {
                throw APIError.badRequest("invalid_source", "来源 source 应为 hotline、patrol、web 或 api (got \(source))")
            }
            query.source = parsed
        }
        if let overdue = value("overdue") {
            guard let flag = Bool(overdue) else {
                throw APIError.badRequest("invalid_overdue", "overdue 应为 true 或 false (got \(overdue))")
            }
            query.overdue = flag
        }
        if let light = value("light") {
            guard let parsed = TrafficLight(rawValue: light) else {
                throw APIError.badRequest("invalid_light", "light 应为 green、yellow 或 red (got \(light))")
            }
            query.light = parsed
        }
        query.text = value("q") ?? value("text")
        query.createdFrom = try value("from").map { try Self.instant($0, "from") }
        query.createdBefore = try value("to").map { try Self.instant($0, "to", endOfDay: true) }
        if let page = value("page") {
            guard let number = Int(page), number >= 1, number <= 1_000_000 else {
                throw APIError.badRequest("invalid_page", "page 应为正整数 (page must be a positive integer), got \(page)")
            }
            query.page = number
        }
        if let size = value("page_size") {
            guard let number = Int(size), (1...CaseQuery.maximumPageSize).contains(number) else {
                throw APIError.badRequest("invalid_page_size", "page_size 应在 1 到 \(CaseQuery.maximumPageSize) 之间, got \(size)")
            }
            query.pageSize = number
        }
        return query
    }

    /// A date (2026-11-29, local day in Asia/Shanghai) or an ISO 8601 instant.
    static func instant(_ text: String, _ field: String, endOfDay: Bool = false) throws -> Date {
        if let instant = ISO8601Instant.parse(text) { return instant }
        if let day = try? LocalDate(text) {
            let start = ISO8601Instant.parse("\(day)T00:00:00+08:00")!
            return endOfDay ? start.addingTimeInterval(86_400) : start
        }
        throw APIError.badRequest("invalid_date", "\(field) 应为日期 2026-11-29 或带时区的时间 (a date or an ISO 8601 instant), got \(text)")
    }
}
