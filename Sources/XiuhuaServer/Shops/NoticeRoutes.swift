import Foundation
import Hummingbird
import Xiuhua
import XiuhuaStore

/// Rectification notices (责令整改通知书) over HTTP:
/// `POST /api/v1/shops/{id}/notices` issues one, `GET /api/v1/notices[?state=]`,
/// `GET /api/v1/notices/{number}`, `POST …/{number}/serve|reinspect|escalate`, and
/// `GET /notices/{number}/print`, the A4 notice.
///
/// Street officers (in their streets), departments and the administrator issue, serve and
/// re-inspect; escalation is also open to supervisors.
struct NoticeRoutes {
    let services: XiuhuaServices

    static let escalators: Set<Role> = ShopRoutes.keepers.union([.supervisor])

    struct IssueRequest: Decodable {
        struct Rule: Decodable {
            let law: String
            let article: String
            let clause: String?
        }

        struct Officer: Decodable {
            let name: String
            let certificate: String
        }

        let foundAt: String?
        let place: String?
        let facts: String
        let rule: Rule
        let requirements: String
        let deadlineWorkingDays: Int
        let officers: [Officer]

        private enum CodingKeys: String, CodingKey {
            case place, facts, rule, requirements, officers
            case foundAt = "found_at"
            case deadlineWorkingDays = "deadline_working_days"
        }
    }

    struct ServeRequest: Decodable {
        let receivedAt: String
        let signer: String

        private enum CodingKeys: String, CodingKey {
            case signer
            case receivedAt = "received_at"
        }
    }

    struct ReinspectRequest: Decodable {
        let passed: Bool
        let note: String?
    }

    struct EscalateRequest: Decodable {
        let to: String
        let note: String?
    }

    struct NoticeList: Codable {
        let items: [RectificationNotice]
    }

    func add(to router: Router<XiuhuaRequestContext>) {
        router.post("/api/v1/shops/{id}/notices") { request, context in try await issue(request, context) }
        router.get("/api/v1/notices") { request, context in try await list(request, context) }
        router.get("/api/v1/notices/{number}") { _, context in try await show(context) }
        router.post("/api/v1/notices/{number}/serve") { request, context in
            let body = try await request.decodeJSON(as: ServeRequest.self, context: context)
            let receivedAt = try Self.instant(body.receivedAt, "received_at")
            return try await change(context, roles: ShopRoutes.keepers, "送达") { notice, officer, now throws(RectificationNotice.Problem) in
                try notice.serve(receivedAt: receivedAt, signer: body.signer, by: officer, now: now)
            }
        }
        router.post("/api/v1/notices/{number}/reinspect") { request, context in
            let body = try await request.decodeJSON(as: ReinspectRequest.self, context: context)
            let note = try Self.note(body.note)
            return try await change(context, roles: ShopRoutes.keepers, "复查") { notice, officer, now throws(RectificationNotice.Problem) in
                try notice.reinspect(passed: body.passed, note: note, by: officer, now: now)
            }
        }
        router.post("/api/v1/notices/{number}/escalate") { request, context in
            let body = try await request.decodeJSON(as: EscalateRequest.self, context: context)
            let target: RectificationNotice.Escalation = switch body.to {
            case "penalty": .penalty
            case "black_list": .blackList
            default: throw APIError.badRequest("invalid_target", "to 应为 penalty 或 black_list (to must be penalty or black_list): \(body.to)")
            }
            let note = try Self.note(body.note)
            return try await change(context, roles: Self.escalators, "移交") { notice, officer, now throws(RectificationNotice.Problem) in
                try notice.escalate(to: target, note: note, by: officer, now: now)
            }
        }
        router.get("/notices/{number}/print") { request, context in try await printPage(request, context) }
    }

    func issue(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole(ShopRoutes.keepers, for: "下达整改通知书 (issue notices)")
        let id = try context.parameters.require("id")
        guard let shop = try await services.store.shop(id: id) else { throw ShopRegistry.notFound(id) }
        try ShopRegistry.requireScope(account, street: shop.place.streetCode)
        let body = try await request.decodeJSON(as: IssueRequest.self, context: context)
        guard (1...60).contains(body.deadlineWorkingDays) else {
            throw APIError.badRequest("invalid_deadline", "整改期限应为 1–60 个工作日 (deadline_working_days must be 1–60)")
        }
        let now = services.now()
        let foundAt = try body.foundAt.map { try Self.instant($0, "found_at") } ?? now
        // Counted in working days on the district's calendar, so holidays and 调休 count as they should.
        let deadline = services.calendar.adding(workingDays: body.deadlineWorkingDays, to: now)
        let year = services.calendar.localDate(of: now).year
        let district = services.regions?.district.name ?? ""
        let officers = body.officers.map { RectificationNotice.Officer(name: $0.name, certificate: $0.certificate) }
        let rule = RectificationNotice.Rule(law: body.rule.law, article: body.rule.article, clause: body.rule.clause)
        do {
            let notice = try await services.store.addNotice(shopID: shop.id, year: year) { sequence in
                try RectificationNotice(
                    number: String(format: "ZG-%04d-%04d", year, sequence),
                    documentNumber: "\(district)城管责改〔\(year)〕第\(String(format: "%04d", sequence))号",
                    shopID: shop.id, partyName: shop.details.name, partyCreditCode: shop.details.creditCode.text,
                    foundAt: foundAt, place: body.place ?? shop.details.address, facts: body.facts, rule: rule,
                    requirements: body.requirements, deadline: deadline, officers: officers, issuedAt: now, issuedBy: account.name
                )
            }
            return try json(notice, status: .created)
        } catch let problem as RectificationNotice.Problem {
            throw Self.apiError(problem)
        } catch ShopStoreError.notFound(let id) {
            throw ShopRegistry.notFound(id)
        }
    }

    func list(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole(ShopRoutes.readers, for: "查看整改通知书 (read notices)")
        var states: [RectificationNotice.State]?
        if let text = request.uri.queryParameters["state"].map(String.init), !text.isEmpty {
            guard let state = RectificationNotice.State(rawValue: text) else {
                throw APIError.badRequest("invalid_state", "state 应为 \(RectificationNotice.State.allCases.map(\.rawValue).joined(separator: "、")) (unknown state): \(text)")
            }
            states = [state]
        }
        return try json(NoticeList(items: try await notices(for: account, states: states)))
    }

    /// The notices `account` may read, in `states` when given: the list of the API and of
    /// the console page.
    func notices(for account: Account, states: [RectificationNotice.State]?) async throws -> [RectificationNotice] {
        var items: [RectificationNotice] = []
        for notice in try await services.store.notices(states: states) {
            if account.role == .streetOfficer {
                guard let shop = try await services.store.shop(id: notice.shopID), account.streetCodes.contains(shop.place.streetCode) else { continue }
            }
            items.append(notice)
        }
        return items
    }

    func show(_ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole(ShopRoutes.readers, for: "查看整改通知书 (read notices)")
        return try json(try await scopedNotice(try context.parameters.require("number"), account))
    }

    private func change(
        _ context: XiuhuaRequestContext, roles: Set<Role>, _ what: String,
        _ apply: @escaping @Sendable (inout RectificationNotice, String, Date) throws(RectificationNotice.Problem) -> Void
    ) async throws -> Response {
        let account = try context.requireRole(roles, for: "\(what)整改通知书")
        let notice = try await scopedNotice(try context.parameters.require("number"), account)
        let now = services.now()
        let officer = account.name
        do {
            guard let changed = try await services.store.changeNotice(number: notice.number, { stored in try apply(&stored, officer, now) }) else {
                throw Self.notFound(notice.number)
            }
            return try json(changed)
        } catch let problem as RectificationNotice.Problem {
            throw Self.apiError(problem)
        }
    }

    func printPage(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        if let refusal = PrintDocument.refusal(request, context) { return refusal }
        guard let account = context.account else { return PrintDocument.notFound }
        let number = try context.parameters.require("number")
        guard let notice = try await services.store.notice(number: number), let shop = try await services.store.shop(id: notice.shopID),
              ShopRegistry.inScope(account, street: shop.place.streetCode) else {
            return PrintDocument.notFound
        }
        let language = UILanguage.page(request)
        let sheet = NoticeSheet(notice: notice, shop: shop, language: language, timeZone: services.calendar.timeZone)
        return try PrintDocument(language: language, title: notice.documentNumber, path: request.uri.path, sheet: sheet.markup)
            .response(from: request, context: context)
    }

    private func scopedNotice(_ number: String, _ account: Account) async throws -> RectificationNotice {
        guard let notice = try await services.store.notice(number: number) else { throw Self.notFound(number) }
        guard let shop = try await services.store.shop(id: notice.shopID) else { throw Self.notFound(number) }
        try ShopRegistry.requireScope(account, street: shop.place.streetCode)
        return notice
    }

    static func notFound(_ number: String) -> APIError {
        APIError.notFound("notice_not_found", "没有这份整改通知书 (no such notice): \(number)")
    }

    static func instant(_ text: String, _ field: String) throws -> Date {
        guard let date = ISO8601Instant.parse(text) else {
            throw APIError.badRequest("invalid_\(field)", "\(field) 应为 ISO 8601 时刻 (\(field) must be an ISO 8601 instant): \(text)")
        }
        return date
    }

    static func note(_ text: String?) throws -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        guard text.count <= 500 else { throw APIError.badRequest("too_long", "备注最多 500 字 (a note is at most 500 characters)") }
        return text
    }

    static func apiError(_ problem: RectificationNotice.Problem) -> APIError {
        switch problem {
        case .wrongState, .notYetDue: APIError(.conflict, code: "wrong_state", message: problem.message)
        case .missing: APIError.badRequest("missing_field", problem.message)
        case .tooLong: APIError.badRequest("too_long", problem.message)
        case .officers: APIError.badRequest("invalid_officers", problem.message)
        case .foundInFuture: APIError.badRequest("invalid_found_at", problem.message)
        case .receiptBeforeIssue: APIError.badRequest("invalid_received_at", problem.message)
        }
    }
}
