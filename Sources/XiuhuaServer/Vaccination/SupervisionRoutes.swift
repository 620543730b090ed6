import Foundation
import Hummingbird
import Xiuhua
import XiuhuaStore

/// Supervision groups (督导组) of the vaccination drive: a supervisor or an administrator
/// forms a group of accounts with the sites it watches; its members record inspections of
/// those sites against the site checklist.
struct SupervisionRoutes {
    let services: XiuhuaServices

    struct GroupRequest: Decodable {
        let name: String
        /// Usernames of the members.
        let members: [String]
        let siteIds: [String]
    }

    struct InspectionRequest: Decodable {
        let siteId: String
        /// The checklist engine's answers, one per item of `ChecklistTemplate.vaccinationSite`.
        let items: [ItemAnswer]?
        /// The first simple checklist's answers, still accepted from older clients.
        let answers: [String: Bool]?
        let note: String?
    }

    struct ItemAnswer: Decodable, Sendable {
        let item: String
        let passed: Bool
        let findings: Int?
        let note: String?
    }

    struct ChecklistView: Encodable {
        let template: String
        let name: String
        let sections: [Section]
        struct Section: Encodable { let code: String; let name: String; let points: Int; let items: [Item] }
        struct Item: Encodable { let code: String; let text: String; let deduction: Int }

        init(_ template: ChecklistTemplate) {
            self.template = template.code
            name = template.name
            sections = template.sections.map { section in
                Section(code: section.code, name: section.name, points: section.points, items: template.items.filter { $0.sectionCode == section.code }
                    .map { Item(code: $0.code, text: $0.text, deduction: $0.deduction) })
            }
        }
    }

    struct InspectionView: Encodable {
        let inspection: SiteInspection
        let score: Int
        let findings: [String]

        init(_ inspection: SiteInspection) {
            self.inspection = inspection
            score = inspection.score
            findings = inspection.findings
        }
    }

    struct GroupView: Encodable {
        let group: SupervisionGroup
        let inspections: [InspectionView]
    }

    struct GroupList: Encodable { let items: [SupervisionGroup] }

    func add(to router: Router<XiuhuaRequestContext>) {
        router.post("/api/v1/vaccination/supervision-groups") { request, context in try await create(request, context) }
        router.get("/api/v1/vaccination/supervision-groups") { _, context in try await list(context) }
        router.get("/api/v1/vaccination/supervision-groups/{id}") { _, context in try await read(context) }
        router.post("/api/v1/vaccination/supervision-groups/{id}/inspections") { request, context in try await inspect(request, context) }
        router.get("/api/v1/vaccination/supervision-checklist") { _, context in
            _ = try context.requireRole(VaccinationRoutes.staff, for: "查看督导检查表")
            return try json(ChecklistView(.vaccinationSite))
        }
    }

    func create(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole(SupervisionGroup.organisers, for: "组建督导组")
        let body = try await request.decodeSnakeCase(as: GroupRequest.self, context: context)
        return try await answeringRefusals {
            let group = try await form(name: body.name, members: body.members, siteIDs: body.siteIds, by: account)
            return try json(GroupView(group: group, inspections: []), status: .created)
        }
    }

    /// Forms a group of the accounts named by username, watching existing sites (the store
    /// refuses an unknown one); shared by the API and the console's supervision page.
    func form(name: String, members: [String], siteIDs: [String], by account: Account) async throws -> SupervisionGroup {
        guard SupervisionGroup.organisers.contains(account.role) else {
            throw CampaignRefusal(.forbidden, "forbidden_role", "\(account.role.label)无权组建督导组 (your role may not form supervision groups)")
        }
        var memberIDs: [String] = []
        for username in members.map({ $0.trimmingCharacters(in: .whitespaces) }).filter({ !$0.isEmpty }) {
            guard let member = try await services.store.account(username: username) else {
                throw CampaignRefusal.invalid("unknown_member", "没有这个账号 (no such account): \(username)")
            }
            if !memberIDs.contains(member.id) { memberIDs.append(member.id) }
        }
        let group = SupervisionGroup(
            id: newIdentifier("sg"), name: name.trimmingCharacters(in: .whitespacesAndNewlines), memberIDs: memberIDs,
            siteIDs: Array(Set(siteIDs)).sorted(), createdAt: services.now()
        )
        if let problem = group.problem() { throw problem }
        try await services.store.createSupervisionGroup(group)
        return group
    }

    func list(_ context: XiuhuaRequestContext) async throws -> Response {
        _ = try context.requireRole(VaccinationRoutes.staff, for: "查看督导组")
        return try json(GroupList(items: try await services.store.supervisionGroups()))
    }

    func read(_ context: XiuhuaRequestContext) async throws -> Response {
        _ = try context.requireRole(VaccinationRoutes.staff, for: "查看督导组")
        let id = try context.parameters.require("id")
        guard let found = try await services.store.supervisionGroup(id: id) else {
            throw APIError.notFound("group_not_found", "没有这个督导组 (no such supervision group): \(id)")
        }
        return try json(GroupView(group: found.group, inspections: found.inspections.map(InspectionView.init)))
    }

    func inspect(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let id = try context.parameters.require("id")
        let body = try await request.decodeSnakeCase(as: InspectionRequest.self, context: context)
        return try await answeringRefusals {
            let inspection = try await record(groupID: id, siteID: body.siteId, items: body.items, answers: body.answers, note: body.note, by: account)
            return try json(InspectionView(inspection), status: .created)
        }
    }

    /// Records a member's inspection, scored by the checklist engine when `items` are given
    /// (else on the first simple checklist); the API and the console's form both come here.
    func record(
        groupID id: String, siteID: String, items: [ItemAnswer]?, answers given: [String: Bool]?, note: String?, by account: Account
    ) async throws -> SiteInspection {
        let note = (note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let actor = account.actor
        var answers = given ?? [:]
        var sheet: InspectionSheet?
        if let items {
            do throws(InspectionSheet.Problem) {
                sheet = try InspectionSheet(.vaccinationSite, answers: items.map {
                    InspectionSheet.Answer(item: $0.item, passed: $0.passed, findings: $0.findings, note: $0.note)
                })
            } catch {
                if case .unanswered = error { throw CampaignRefusal.invalid("checklist_incomplete", error.message) }
                throw CampaignRefusal.invalid("invalid_checklist", error.message)
            }
            answers = Dictionary(items.map { ($0.item, $0.passed) }, uniquingKeysWith: { first, _ in first })
        } else if let problem = SiteChecklist.problem(answers) {
            throw problem
        }
        guard note.count <= 2000 else { throw CampaignRefusal.invalid("invalid_note", "说明不超过 2000 字 (note ≤ 2000 characters)") }
        let inspection = SiteInspection(
            id: newIdentifier("si"), groupID: id, siteID: siteID, inspectorID: account.id, inspectorName: account.name,
            inspectedAt: services.now(), answers: answers, note: note, sheet: sheet
        )
        try await services.store.addInspection(inspection) { $0.inspectionProblem(by: actor, site: siteID) }
        return inspection
    }
}
