import Foundation
import Hummingbird
import Xiuhua

/// `GET /api/v1/routing-rules` (staff) and `PUT /api/v1/routing-rules` (admin): the ordered
/// rules that suggest an owner for a new case, in the documented text format.
struct RoutingRuleRoutes {
    let services: XiuhuaServices

    struct Rules: Codable {
        struct Line: Codable {
            let position: Int
            let line: String
        }

        let text: String
        let rules: [Line]
        /// When no rule matches, the catalog's default owner applies.
        let fallback: String
    }

    struct Body: Decodable {
        let text: String?
    }

    func add(to router: Router<XiuhuaRequestContext>) {
        router.get("/api/v1/routing-rules") { _, context in try await show(context) }
        router.put("/api/v1/routing-rules") { request, context in try await replace(request, context) }
    }

    func show(_ context: XiuhuaRequestContext) async throws -> Response {
        _ = try context.requireRole(Set(Role.allCases).subtracting([.citizen]), for: "查看路由规则")
        return try json(Self.view(services.routing.rules))
    }

    func replace(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        _ = try context.requireRole([.admin], for: "修改路由规则")
        // The whole rules file in one field: bounded by the request size, not a field limit.
        let body = try await request.decodeJSON(as: Body.self, context: context, checkingLengths: false)
        guard let text = body.text else {
            throw APIError.badRequest("missing_field", "需要 text 字段：规则文本，每行一条 (text is required: one rule per line)")
        }
        do {
            let rules = try RoutingRules(parsing: text)
            try await services.routing.save(rules, services: services)
            return try json(Self.view(rules))
        } catch let error as RoutingRulesError {
            throw APIError.badRequest("invalid_routing_rules", error.description)
        }
    }

    static func view(_ rules: RoutingRules) -> Rules {
        let text = rules.text
        let lines = text.split(separator: "\n").enumerated().map { Rules.Line(position: $0.offset + 1, line: String($0.element)) }
        return Rules(text: text, rules: lines, fallback: "未匹配规则时按事项目录的默认责任单位 (catalog default owner)")
    }
}
