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
        let intake = try await prepare(request)
        do {
            return try await services.store.createCase(
                intake, by: actor, at: services.now(), numbering: services.numbering, clock: services.calendar
            )
        } catch let error as CaseStoreError {
            throw APIError.from(error)
        }
    }

    /// Checks `request` as filing would and resolves it into the intake to file: what a
    /// journaled report is acknowledged on (see `SurgeIntake`).
    func prepare(_ request: IntakeRequest, receivedAt: Date? = nil) async throws -> CaseIntake {
        let intake = try request.intake(services: services, at: receivedAt)
        try await checkPhotos(intake.photos)
        return intake
    }

    /// Takes the action in `request` on case `number` as `account`. A case outside the
    /// account's scope is reported as absent.
    public func act(on number: String, _ request: ActionRequest, by account: Account) async throws -> (snapshot: CaseSnapshot, events: [CaseEvent]) {
        let action = try request.caseAction()
        try await checkPhotos(request.photos ?? [])
        if case .dispatch(let owner, _) = action {
            try validate(owner)
        }
        if case .whistle(_, _, let departments, _, _) = action {
            try validate(departments: departments)
        }
        guard let existing = try await services.store.caseSnapshot(number), CaseVisibility.canSee(existing, account.actor) else {
            throw APIError.from(.notFound(number: number))
        }
        do {
            return try await services.store.act(
                on: number, action, by: account.actor, at: services.now(),
                expectedVersion: request.expectedVersion, clock: services.calendar, whistleLimits: services.whistleLimits
            )
        } catch let error as CaseStoreError {
            throw APIError.from(error)
        }
    }

    /// Records a citizen's rating through the ticket code; "not fixed" reopens the case.
    /// `code` is the ticket the citizen used — a merged report's own — when not the case's.
    public func rate(ticket snapshot: CaseSnapshot, code: String? = nil, _ rating: Rating, comment: String?) async throws -> CaseSnapshot {
        if let comment, comment.count > 500 {
            throw APIError.badRequest("too_long", "评价内容不能超过 500 字 (comment too long)")
        }
        let citizen = Actor(id: "ticket:\(code ?? snapshot.ticketCode)", name: "市民", role: .citizen)
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

    /// 联合吹哨: one whistle on several cases, written together or not at all. Every case
    /// must be visible to the officer; the workflow checks that their street owns each one.
    public func whistleJointly(
        on numbers: [String], kind: WhistleKind, departments: [String], reason: String, by account: Account
    ) async throws -> (id: String, results: [(snapshot: CaseSnapshot, events: [CaseEvent])]) {
        let numbers = numbers.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        guard !numbers.isEmpty else { throw APIError.badRequest("missing_field", "联合吹哨需要至少一个案件编号 (cases is required)") }
        try validate(departments: departments)
        for number in numbers {
            guard let existing = try await services.store.caseSnapshot(number), CaseVisibility.canSee(existing, account.actor) else {
                throw APIError.from(.notFound(number: number))
            }
        }
        let id = WhistleRoutes.newWhistleID()
        let action = CaseAction.whistle(id: id, kind: kind, departments: departments, reason: reason, jointCases: numbers)
        do {
            let results = try await services.store.actJointly(
                on: numbers, action, by: account.actor, at: services.now(), clock: services.calendar, whistleLimits: services.whistleLimits
            )
            return (id, results)
        } catch let error as CaseStoreError {
            throw APIError.from(error)
        }
    }

    private func validate(departments: [String]) throws {
        if let unknown = departments.first(where: { services.organisation.department($0) == nil }) {
            throw APIError.badRequest("unknown_department", "没有这个部门 (no such department): \(unknown)")
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
