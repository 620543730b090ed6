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
        /// For `penalty`: the catalog 事项 of the case; `defaultPenaltyCategory` when absent.
        let category: String?
        let note: String?
    }

    /// The case an escalation to a penalty opens is filed as 09005 店外经营 unless the officer
    /// names another 事项: notices here are addressed to shops for breaches at their
    /// frontage (门前五包), the catalog has no 事项 for "a rectification order ignored", and
    /// 09005 is the frontage 事项 whose default owner is the 城管执法 squad — the unit that
    /// decides a penalty. The case is filed like any other and routed by its category.
    static let defaultPenaltyCategory = "09005"

    struct NoticeList: Codable {
        let items: [RectificationNotice]
        /// How many notices match in all (`items` is one page of them).
        let total: Int
    }

    func add(to router: Router<XiuhuaRequestContext>) {
        router.post("/api/v1/shops/{id}/notices") { request, context in try await issue(request, context) }
        router.get("/api/v1/notices") { request, context in try await list(request, context) }
        router.get("/api/v1/notices/{number}") { _, context in try await show(context) }
        router.post("/api/v1/notices/{number}/serve") { request, context in
            let body = try await request.decodeJSON(as: ServeRequest.self, context: context)
            let receivedAt = try Self.instant(body.receivedAt, "received_at")
            return try await respond { try await serve(try context.parameters.require("number"), receivedAt: receivedAt, signer: body.signer, by: try context.requireAccount()) }
        }
        router.post("/api/v1/notices/{number}/reinspect") { request, context in
            let body = try await request.decodeJSON(as: ReinspectRequest.self, context: context)
            return try await respond { try await reinspect(try context.parameters.require("number"), passed: body.passed, note: body.note, by: try context.requireAccount()) }
        }
        router.post("/api/v1/notices/{number}/escalate") { request, context in
            let body = try await request.decodeJSON(as: EscalateRequest.self, context: context)
            let target = try Self.target(body.to)
            return try await respond {
                try await escalate(try context.parameters.require("number"), to: target, category: body.category, note: body.note, by: try context.requireAccount())
            }
        }
        router.get("/notices/{number}/print") { request, context in try await printPage(request, context) }
    }

    func issue(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole(ShopRoutes.keepers, for: "下达整改通知书 (issue notices)")
        let id = try context.parameters.require("id")
        let body = try await request.decodeJSON(as: IssueRequest.self, context: context)
        let input = IssueInput(
            foundAt: try body.foundAt.map { try Self.instant($0, "found_at") }, place: body.place, facts: body.facts,
            rule: RectificationNotice.Rule(law: body.rule.law, article: body.rule.article, clause: body.rule.clause),
            requirements: body.requirements, deadlineWorkingDays: body.deadlineWorkingDays,
            officers: body.officers.map { RectificationNotice.Officer(name: $0.name, certificate: $0.certificate) }
        )
        return try await respond(status: .created) { try await issue(input, shopID: id, by: account) }
    }

    /// A notice to issue, read from the API's JSON or the console's form.
    struct IssueInput: Sendable {
        var foundAt: Date?
        var place: String?
        var facts: String
        var rule: RectificationNotice.Rule
        var requirements: String
        var deadlineWorkingDays: Int
        var officers: [RectificationNotice.Officer]
    }

    /// Issues a notice to shop `shopID` (the API's and the console's act): role and street
    /// checked, the deadline counted in working days, the number drawn as it is stored.
    /// Throws `APIError`, or `RectificationNotice.Problem` when the domain refuses.
    func issue(_ input: IssueInput, shopID id: String, by account: Account) async throws -> RectificationNotice {
        try Self.require(account, ShopRoutes.keepers, "下达整改通知书 (issue notices)")
        guard let shop = try await services.store.shop(id: id) else { throw ShopRegistry.notFound(id) }
        try ShopRegistry.requireScope(account, shop.place)
        guard (1...60).contains(input.deadlineWorkingDays) else {
            throw APIError.badRequest("invalid_deadline", "整改期限应为 1–60 个工作日 (deadline_working_days must be 1–60)")
        }
        let now = services.now()
        let foundAt = input.foundAt ?? now
        // Counted in working days on the district's calendar, so holidays and 调休 count as they should.
        let deadline = services.calendar.adding(workingDays: input.deadlineWorkingDays, to: now)
        let year = services.calendar.localDate(of: now).year
        let district = services.regions?.district.name ?? ""
        let place = input.place.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } ?? shop.details.address
        do {
            return try await services.store.addNotice(shopID: shop.id, year: year) { sequence in
                try RectificationNotice(
                    number: String(format: "ZG-%04d-%04d", year, sequence),
                    documentNumber: "\(district)城管责改〔\(year)〕第\(String(format: "%04d", sequence))号",
                    shopID: shop.id, partyName: shop.details.name, partyCreditCode: shop.details.creditCode.text,
                    foundAt: foundAt, place: place, facts: input.facts, rule: input.rule,
                    requirements: input.requirements, deadline: deadline, officers: input.officers, issuedAt: now, issuedBy: account.name
                )
            }
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
        let paging = try Paging.api(request, defaultSize: 100)
        let all = try await notices(for: account, states: states)
        return try json(NoticeList(items: paging.slice(all), total: all.count))
    }

    /// The notices `account` may read, in `states` when given: the list of the API and of
    /// the console page.
    func notices(for account: Account, states: [RectificationNotice.State]?) async throws -> [RectificationNotice] {
        var items: [RectificationNotice] = []
        for notice in try await services.store.notices(states: states) {
            guard let shop = try await services.store.shop(id: notice.shopID), ShopRegistry.inScope(account, shop.place) else { continue }
            items.append(notice)
        }
        return items
    }

    func show(_ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole(ShopRoutes.readers, for: "查看整改通知书 (read notices)")
        return try json(try await scopedNotice(try context.parameters.require("number"), account))
    }

    /// Serves a notice: the party signed the receipt at `receivedAt`.
    func serve(_ number: String, receivedAt: Date, signer: String, by account: Account) async throws -> RectificationNotice {
        try await change(number, by: account, roles: ShopRoutes.keepers, "送达") { notice, officer, now throws(RectificationNotice.Problem) in
            try notice.serve(receivedAt: receivedAt, signer: signer, by: officer, now: now)
        }
    }

    /// Records a re-inspection: rectified when passed, otherwise as the domain says.
    func reinspect(_ number: String, passed: Bool, note: String?, by account: Account) async throws -> RectificationNotice {
        let note = try Self.note(note)
        return try await change(number, by: account, roles: ShopRoutes.keepers, "复查") { notice, officer, now throws(RectificationNotice.Problem) in
            try notice.reinspect(passed: passed, note: note, by: officer, now: now)
        }
    }

    /// Escalates an overdue notice, and acts on it in the same transaction: to `penalty` it
    /// files a case (in `category`, or `defaultPenaltyCategory`) at the shop, naming the
    /// notice, and the notice keeps the case number; to `blackList` it puts the shop on its
    /// street's next unpublished 红黑榜 black list with the notice and the rule as the reason.
    func escalate(_ number: String, to target: RectificationNotice.Escalation, category: String?, note: String?, by account: Account) async throws -> RectificationNotice {
        try Self.require(account, Self.escalators, "移交整改通知书")
        let (notice, shop) = try await scopedNoticeAndShop(number, account)
        let note = try Self.note(note)
        let now = services.now()
        let officer = account.name
        let move: @Sendable (inout RectificationNotice) throws -> Void = { stored in try stored.escalate(to: target, note: note, by: officer, now: now) }
        switch target {
        case .penalty:
            let code = category.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultPenaltyCategory
            let description = "\(notice.partyName)（\(notice.partyCreditCode)）逾期未按\(notice.documentNumber)（\(notice.number)）整改，移交执法立案处罚。"
                + "违法事实：\(notice.facts)；违反\(notice.ruleText)。" + (note.map { "备注：\($0)" } ?? "")
            let fields: [String: Any] = [
                "source": "api", "category": code, "description": String(description.prefix(IntakeRequest.maximumDescription)),
                "lat": shop.details.position.lat, "lon": shop.details.position.lon, "address": shop.details.address,
            ]
            let intake = try JSONDecoder().decode(IntakeRequest.self, from: try JSONSerialization.data(withJSONObject: fields)).intake(services: services)
            // Filed on the notice's own channel, as an inspection's case is: a `system` actor
            // naming the officer and the notice, so the case history says where it came from.
            let actor = Actor(id: "notice:\(notice.number)", name: "\(officer)（整改通知书 \(notice.documentNumber)）", role: .system)
            do {
                guard let done = try await services.store.escalateNoticeToPenalty(
                    number: notice.number, intake: intake, by: actor, at: now, numbering: services.numbering, clock: services.calendar, move
                ) else { throw Self.notFound(number) }
                return done.notice
            } catch let error as CaseStoreError {
                throw APIError.from(error)
            }
        case .blackList:
            let month = services.calendar.localDate(of: now)
            guard let escalated = try await services.store.escalateNoticeToBlackList(
                number: notice.number, streetCode: shop.place.streetCode, from: String(format: "%04d-%02d", month.year, month.month), at: now, move
            ) else { throw Self.notFound(number) }
            return escalated
        }
    }

    private func change(
        _ number: String, by account: Account, roles: Set<Role>, _ what: String,
        _ apply: @escaping @Sendable (inout RectificationNotice, String, Date) throws(RectificationNotice.Problem) -> Void
    ) async throws -> RectificationNotice {
        try Self.require(account, roles, "\(what)整改通知书")
        let notice = try await scopedNotice(number, account)
        let now = services.now()
        let officer = account.name
        guard let changed = try await services.store.changeNotice(number: notice.number, { stored in try apply(&stored, officer, now) }) else {
            throw Self.notFound(notice.number)
        }
        return changed
    }

    /// The API's answer: the notice as JSON, or the domain's refusal as its API error.
    private func respond(status: HTTPResponse.Status = .ok, _ act: () async throws -> RectificationNotice) async throws -> Response {
        do {
            return try json(try await act(), status: status)
        } catch let problem as RectificationNotice.Problem {
            throw Self.apiError(problem)
        }
    }

    static func require(_ account: Account, _ roles: Set<Role>, _ what: String) throws {
        guard roles.contains(account.role) else {
            throw APIError(.forbidden, code: "forbidden_role", message: "\(account.role.label)无权\(what) (your role may not do this)")
        }
    }

    static func target(_ text: String) throws -> RectificationNotice.Escalation {
        switch text {
        case "penalty": .penalty
        case "black_list": .blackList
        default: throw APIError.badRequest("invalid_target", "to 应为 penalty 或 black_list (to must be penalty or black_list): \(text)")
        }
    }

    func printPage(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        if let refusal = PrintDocument.refusal(request, context) { return refusal }
        guard let account = context.account else { return PrintDocument.notFound }
        let number = try context.parameters.require("number")
        guard let notice = try await services.store.notice(number: number), let shop = try await services.store.shop(id: notice.shopID),
              ShopRegistry.inScope(account, shop.place) else {
            return PrintDocument.notFound
        }
        let language = UILanguage.page(request)
        let sheet = NoticeSheet(notice: notice, shop: shop, language: language, timeZone: services.calendar.timeZone)
        return try PrintDocument(language: language, title: notice.documentNumber, path: request.uri.path, sheet: sheet.markup)
            .response(from: request, context: context)
    }

    func scopedNotice(_ number: String, _ account: Account) async throws -> RectificationNotice {
        try await scopedNoticeAndShop(number, account).notice
    }

    func scopedNoticeAndShop(_ number: String, _ account: Account) async throws -> (notice: RectificationNotice, shop: Shop) {
        guard let notice = try await services.store.notice(number: number) else { throw Self.notFound(number) }
        guard let shop = try await services.store.shop(id: notice.shopID) else { throw Self.notFound(number) }
        try ShopRegistry.requireScope(account, shop.place)
        return (notice, shop)
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
