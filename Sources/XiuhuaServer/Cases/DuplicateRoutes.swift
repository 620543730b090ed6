import Foundation
import Hummingbird
import Xiuhua

/// `GET /api/v1/cases/{number}/duplicates`: open cases of the same category near a case,
/// reported within the window before it — what staff check before merging (合并).
struct DuplicateRoutes {
    let services: XiuhuaServices

    struct Candidate: Codable {
        let number: String
        let state: String
        let stateLabel: String
        let category: String
        let address: String
        let distanceM: Double
        let reportedAt: Date

        init(_ candidate: DuplicateCandidate) {
            number = candidate.number
            state = candidate.state.rawValue
            stateLabel = candidate.state.label
            category = candidate.categoryCode
            address = candidate.address
            distanceM = (candidate.distanceMetres * 10).rounded() / 10
            reportedAt = candidate.reportedAt
        }
    }

    struct Duplicates: Codable {
        let radiusM: Double
        let windowDays: Double
        let candidates: [Candidate]
    }

    func add(to router: Router<XiuhuaRequestContext>) {
        router.get("/api/v1/cases/{number}/duplicates") { _, context in try await show(context) }
    }

    func show(_ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole(CaseRoutes.staff, for: "查看疑似重复案件")
        let number = try context.parameters.require("number")
        guard let snapshot = try await services.store.caseSnapshot(number), CaseVisibility.canSee(snapshot, account.actor) else {
            throw APIError.from(.notFound(number: number))
        }
        return try json(try await Self.duplicates(of: snapshot, services: services))
    }

    /// The suggestions for `snapshot`, as the intake response and this route give them.
    static func duplicates(of snapshot: CaseSnapshot, services: XiuhuaServices) async throws -> Duplicates {
        let criteria = services.duplicates
        let found = try await services.store.duplicateCandidates(of: snapshot, criteria: criteria)
        return Duplicates(
            radiusM: criteria.radius(for: snapshot.categoryCode), windowDays: criteria.window / 86_400, candidates: found.map(Candidate.init)
        )
    }
}
