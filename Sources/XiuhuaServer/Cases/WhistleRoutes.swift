import Foundation
import Hummingbird
import Xiuhua

/// 联合吹哨: `POST /api/v1/whistles` — a street officer summons departments to several
/// cases at once, under one whistle id. A single case is whistled through its actions.
struct WhistleRoutes {
    let services: XiuhuaServices

    struct Body: Decodable {
        let cases: [String]?
        let kind: String?
        let departments: [String]?
        let reason: String?
    }

    struct Whistled: Codable {
        let whistleId: String
        let cases: [CaseView]
    }

    func add(to router: Router<XiuhuaRequestContext>) {
        router.post("/api/v1/whistles") { request, context in try await whistle(request, context) }
    }

    func whistle(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole([.streetOfficer], for: "吹哨")
        let body = try await request.decodeJSON(as: Body.self, context: context)
        guard let kindText = body.kind, let kind = WhistleKind(rawValue: kindText) else {
            throw APIError.badRequest(
                "invalid_whistle_kind", "吹哨类型 kind 应为 publicDemand（群众诉求）、enforcement（综合执法）或 emergency（应急处置）(got \(body.kind ?? "nothing"))"
            )
        }
        guard let departments = body.departments, !departments.isEmpty else {
            throw APIError.badRequest("missing_field", "吹哨需要填写被召集部门 departments (departments is required)")
        }
        guard let reason = body.reason?.trimmingCharacters(in: .whitespacesAndNewlines), !reason.isEmpty else {
            throw APIError.badRequest("missing_field", "吹哨需要填写原因 reason (reason is required)")
        }
        let (id, results) = try await CaseDesk(services: services).whistleJointly(
            on: body.cases ?? [], kind: kind, departments: departments, reason: reason, by: account
        )
        return try json(
            Whistled(whistleId: id, cases: results.map { CaseView($0.snapshot, for: account.actor, services: services) }),
            status: .created
        )
    }

    /// A whistle id people can read out: W, then 12 hex digits.
    static func newWhistleID() -> String {
        "W" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12)
    }
}
