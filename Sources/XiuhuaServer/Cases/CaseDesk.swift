import Foundation
import Xiuhua
import XiuhuaStore

/// Filing and acting on cases, as the HTTP API and the command line share them: the
/// request is checked and resolved here, the workflow decides in the store's transaction,
/// and every refusal comes back as an `APIError` with its status and message.
public struct CaseDesk: Sendable {
    let services: XiuhuaServices

    public init(services: XiuhuaServices) {
        self.services = services
    }

    /// Files a case reported by `account` (nil: an anonymous citizen).
    public func file(_ request: IntakeRequest, by account: Account?) async throws -> CaseSnapshot {
        try await file(request, as: account?.actor)
    }

    /// Files a case reported by `actor` (nil: an anonymous citizen; a client system's key
    /// files as a `system` actor).
    func file(_ request: IntakeRequest, as actor: Actor?) async throws -> CaseSnapshot {
        let intake = try request.intake(services: services)
        try await checkPhotos(intake.photos)
        do {
            return try await services.store.createCase(
                intake, by: actor, at: services.now(), numbering: services.numbering, clock: services.calendar
            )
        } catch let error as CaseStoreError {
            throw APIError.from(error)
        }
    }

    /// Takes the action in `request` on case `number` as `account`. A case outside the
    /// account's scope is reported as absent.
    public func act(on number: String, _ request: ActionRequest, by account: Account) async throws -> (snapshot: CaseSnapshot, events: [CaseEvent]) {
        let action = try request.caseAction()
        try await checkPhotos(request.photos ?? [])
        if case .dispatch(let owner, _) = action {
            try validate(owner)
        }
        guard let existing = try await services.store.caseSnapshot(number), CaseVisibility.canSee(existing, account.actor) else {
            throw APIError.from(.notFound(number: number))
        }
        do {
            return try await services.store.act(
                on: number, action, by: account.actor, at: services.now(),
                expectedVersion: request.expectedVersion, clock: services.calendar
            )
        } catch let error as CaseStoreError {
            throw APIError.from(error)
        }
    }

    /// Records a citizen's rating through the ticket code; "not fixed" reopens the case.
    public func rate(ticket snapshot: CaseSnapshot, _ rating: Rating, comment: String?) async throws -> CaseSnapshot {
        if let comment, comment.count > 500 {
            throw APIError.badRequest("too_long", "评价内容不能超过 500 字 (comment too long)")
        }
        let citizen = Actor(id: "ticket:\(snapshot.ticketCode)", name: "市民", role: .citizen)
        do {
            return try await services.store.act(
                on: snapshot.number, .rate(rating, note: comment), by: citizen, at: services.now(), clock: services.calendar
            ).snapshot
        } catch let error as CaseStoreError {
            throw APIError.from(error)
        }
    }

    /// Photo references that name one of our attachments must name one that exists, so a
    /// case never shows a broken photo; other references (an Open311 client's own URL) are
    /// kept as sent.
    private func checkPhotos(_ references: [String]) async throws {
        guard references.count <= PhotoRules.maximumPerRequest else {
            throw APIError.badRequest("too_many_photos", "照片最多 \(PhotoRules.maximumPerRequest) 张 (at most \(PhotoRules.maximumPerRequest) photos; got \(references.count))")
        }
        let ids = references.compactMap(PhotoRules.id)
        guard !ids.isEmpty else { return }
        let store = AttachmentStore(store: services.store)
        for id in ids where try await store?.contains(id) != true {
            throw APIError.badRequest("unknown_attachment", "没有这个附件 (no such attachment): \(id) — upload it first: POST /api/v1/attachments")
        }
    }

    private func validate(_ owner: CaseOwner) throws {
        switch owner.kind {
        case .department where services.organisation.department(owner.code) == nil:
            throw APIError.badRequest("unknown_owner", "没有这个部门 (no such department): \(owner.code)")
        case .street where services.regions?[owner.code]?.level != .street:
            throw APIError.badRequest("unknown_owner", "没有这个街道 (no such street): \(owner.code)")
        default: break
        }
    }
}
