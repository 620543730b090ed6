import Foundation
import Hummingbird
import Xiuhua
import XiuhuaStore

/// The citizen's side: follow a case by ticket code (`GET /api/v1/tickets/{code}`) and
/// rate it after closure (`POST /api/v1/tickets/{code}/rating`). No account needed; no
/// internal notes, staff names or personal data are shown.
struct TicketRoutes {
    let services: XiuhuaServices

    struct RatingRequest: Decodable {
        let satisfaction: String?
        let fixed: Bool?
        let comment: String?
    }

    func add(to router: Router<XiuhuaRequestContext>) {
        router.get("/api/v1/tickets/{code}") { _, context in try await show(context) }
        router.post("/api/v1/tickets/{code}/rating") { request, context in try await rate(request, context) }
    }

    func show(_ context: XiuhuaRequestContext) async throws -> Response {
        let snapshot = try await ticketCase(context)
        let events = try await services.store.caseEvents(snapshot.number)
        return try json(TicketView(snapshot, events: events, services: services))
    }

    func rate(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let snapshot = try await ticketCase(context)
        let body = try await request.decodeJSON(as: RatingRequest.self, context: context)
        let rating = try ActionRequest.rating(satisfaction: body.satisfaction, fixed: body.fixed)
        let code = try context.parameters.require("code").uppercased()
        let rated = try await CaseDesk(services: services).rate(ticket: snapshot, code: code, rating, comment: body.comment)
        let events = try await services.store.caseEvents(snapshot.number)
        return try json(TicketView(rated, events: events, services: services))
    }

    private func ticketCase(_ context: XiuhuaRequestContext) async throws -> CaseSnapshot {
        let code = try context.parameters.require("code").uppercased()
        // Asked before the store: the filer files a case and then takes it off the queue.
        let queued = services.surgeIntake?.state(ofTicket: code) == .queued
        // A report merged into another follows the survivor: its progress, its rating.
        guard let snapshot = try await services.store.caseSnapshot(followingTicket: code)?.snapshot else {
            if queued {
                // Acknowledged from the intake journal under a burst, not filed yet.
                throw APIError.notFound("ticket_queued", "报告已受理，正在立案，请稍后再查 (received and being filed; look again shortly): \(code)")
            }
            throw APIError.notFound("ticket_not_found", "没有这个查询码 (no such ticket): \(code)")
        }
        return snapshot
    }
}
