import Foundation
import Hummingbird
import Xiuhua
import XiuhuaStore

/// Campaigns (专项行动): `POST /api/v1/campaigns` plans one, `GET` lists and reads them,
/// `…/start` and `…/finish` move it along, `…/reports` files a day's progress and
/// `…/cases` links a case by hand (cases of a running 专项整治 are tagged at intake).
struct CampaignRoutes {
    let services: XiuhuaServices

    /// Everyone signed in except citizens reads campaigns.
    static let readers: Set<Role> = Set(Role.allCases).subtracting([.citizen])

    struct PlanRequest: Decodable {
        let name: String
        let kind: CampaignKind
        let categoryCode: String?
        let areaCodes: [String]
        let startsOn: LocalDate
        let endsOn: LocalDate
        let targets: [CampaignTarget]?
        let resources: [CampaignResource]?
    }

    struct FinishRequest: Decodable {
        let summary: String
    }

    struct ReportRequest: Decodable {
        let day: LocalDate
        let progress: [String: Int]?
        let note: String?
    }

    struct LinkRequest: Decodable {
        let caseNumber: String
    }

    struct CampaignList: Encodable {
        let items: [Campaign]
    }

    /// A campaign with its reports, the running totals per target and its cases.
    struct CampaignView: Encodable {
        let campaign: Campaign
        let totals: [String: Int]
        let reports: [CampaignReport]
        let caseNumbers: [String]

        init(_ record: CampaignRecord) {
            campaign = record.campaign
            totals = Campaign.totals(of: record.campaign.targets, in: record.reports)
            reports = record.reports
            caseNumbers = record.caseNumbers
        }
    }

    func add(to router: Router<XiuhuaRequestContext>) {
        router.post("/api/v1/campaigns") { request, context in try await plan(request, context) }
        router.get("/api/v1/campaigns") { request, context in try await list(request, context) }
        router.get("/api/v1/campaigns/{id}") { _, context in try await read(context) }
        router.post("/api/v1/campaigns/{id}/start") { _, context in try await start(context) }
        router.post("/api/v1/campaigns/{id}/finish") { request, context in try await finish(request, context) }
        router.post("/api/v1/campaigns/{id}/reports") { request, context in try await report(request, context) }
        router.post("/api/v1/campaigns/{id}/cases") { request, context in try await link(request, context) }
    }

    func plan(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let body = try await request.decodeSnakeCase(as: PlanRequest.self, context: context)
        let plan = CampaignDesk.Plan(
            name: body.name, kind: body.kind, categoryCode: body.categoryCode, areaCodes: body.areaCodes,
            startsOn: body.startsOn, endsOn: body.endsOn, targets: body.targets ?? [], resources: body.resources ?? []
        )
        return try await answeringRefusals {
            let campaign = try await CampaignDesk(services: services).plan(plan, by: account)
            return try json(CampaignView(CampaignRecord(campaign: campaign, reports: [], caseNumbers: [])), status: .created)
        }
    }

    func list(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole(Self.readers, for: "查看专项行动")
        let state = try request.uri.queryParameters["state"].map { text in
            guard let state = CampaignState(rawValue: String(text)) else {
                throw APIError.badRequest("invalid_state", "state 应为 planned、running 或 finished (unknown state): \(text)")
            }
            return state
        }
        let kind = try request.uri.queryParameters["kind"].map { text in
            guard let kind = CampaignKind(rawValue: String(text)) else {
                throw APIError.badRequest("invalid_kind", "kind 应为 cleanUp、rectification 或 vaccination (unknown kind): \(text)")
            }
            return kind
        }
        return try json(CampaignList(items: try await CampaignDesk(services: services).campaigns(for: account, state: state, kind: kind)))
    }

    func read(_ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole(Self.readers, for: "查看专项行动")
        let id = try context.parameters.require("id")
        return try await answeringRefusals { try json(CampaignView(try await CampaignDesk(services: services).record(id, for: account))) }
    }

    func start(_ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let id = try context.parameters.require("id")
        return try await answeringRefusals {
            try await CampaignDesk(services: services).start(id, by: account)
            return try await view(id)
        }
    }

    func finish(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let id = try context.parameters.require("id")
        let body = try await request.decodeSnakeCase(as: FinishRequest.self, context: context)
        return try await answeringRefusals {
            try await CampaignDesk(services: services).finish(id, summary: body.summary, by: account)
            return try await view(id)
        }
    }

    func report(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let id = try context.parameters.require("id")
        let body = try await request.decodeSnakeCase(as: ReportRequest.self, context: context)
        return try await answeringRefusals {
            let record = try await CampaignDesk(services: services).report(
                day: body.day, progress: body.progress ?? [:], note: body.note ?? "", to: id, by: account
            )
            return try json(CampaignView(record), status: .created)
        }
    }

    func link(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let id = try context.parameters.require("id")
        let body = try await request.decodeSnakeCase(as: LinkRequest.self, context: context)
        return try await answeringRefusals {
            try await CampaignDesk(services: services).link(caseNumber: body.caseNumber, to: id, by: account)
            return try await view(id)
        }
    }

    private func view(_ id: String) async throws -> Response {
        guard let record = try await services.store.campaignRecord(id: id) else { throw CampaignDesk.notFound(id) }
        return try json(CampaignView(record))
    }
}
