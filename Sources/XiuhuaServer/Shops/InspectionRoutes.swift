import Foundation
import Hummingbird
import Xiuhua
import XiuhuaGeo
import XiuhuaStore

/// Checklist inspections over HTTP:
/// `GET /api/v1/checklists` (the shipped templates),
/// `POST|GET /api/v1/shops/{id}/inspections` (record one, list a shop's),
/// `GET /api/v1/inspections/{id}`, and
/// `POST /api/v1/inspections/{id}/cases` `{"item"}`: a failed item opens its case in one step.
///
/// Inspectors are grid workers, street officers, departments (the enforcement squad) and
/// the administrator; a street officer only in its streets.
struct InspectionRoutes {
    let services: XiuhuaServices

    static let inspectors: Set<Role> = ShopRoutes.keepers.union([.gridWorker])

    struct RecordRequest: Decodable {
        struct Answer: Decodable {
            let item: String
            let passed: Bool
            let findings: Int?
            let note: String?
            let photos: [String]?
        }

        let template: String
        let at: String?
        let lat: Double?
        let lon: Double?
        let answers: [Answer]
    }

    struct OpenCaseRequest: Decodable {
        let item: String
    }

    struct OpenedCase: Codable {
        let inspectionId: String
        let item: String
        let caseNumber: String
        let category: String
        let state: String
    }

    struct InspectionList: Codable {
        let items: [InspectionView]
        let total: Int
    }

    struct ChecklistList: Codable {
        let items: [ChecklistView]
    }

    func add(to router: Router<XiuhuaRequestContext>) {
        router.get("/api/v1/checklists") { _, context in
            _ = try context.requireRole(ShopRoutes.readers, for: "查看检查表 (read checklists)")
            return try json(ChecklistList(items: ChecklistTemplate.shipped.map(ChecklistView.init)))
        }
        router.post("/api/v1/shops/{id}/inspections") { request, context in try await record(request, context) }
        router.get("/api/v1/shops/{id}/inspections") { request, context in try await list(request, context) }
        router.get("/api/v1/inspections/{id}") { _, context in try await show(context) }
        router.post("/api/v1/inspections/{id}/cases") { request, context in try await openCase(request, context) }
    }

    func record(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole(Self.inspectors, for: "检查商户 (inspect shops)")
        let shop = try await scopedShop(try context.parameters.require("id"), account)
        let body = try await request.decodeJSON(as: RecordRequest.self, context: context)
        guard let template = ChecklistTemplate.shipped(body.template) else {
            throw APIError.badRequest("unknown_template", "没有这个检查表 (no such checklist): \(body.template) — see GET /api/v1/checklists")
        }
        let now = services.now()
        var at = now
        if let text = body.at {
            guard let parsed = ISO8601Instant.parse(text) else {
                throw APIError.badRequest("invalid_at", "检查时间应为 ISO 8601 时刻 (at must be an ISO 8601 instant): \(text)")
            }
            guard parsed <= now.addingTimeInterval(300) else {
                throw APIError.badRequest("invalid_at", "检查时间不能在将来 (at cannot be in the future): \(text)")
            }
            at = parsed
        }
        var position: Coordinate?
        if body.lat != nil || body.lon != nil {
            position = try LocateRoutes.coordinate(lat: body.lat.map { String($0) }, lon: body.lon.map { String($0) }, crs: nil)
        }
        let answers = body.answers.map {
            InspectionSheet.Answer(item: $0.item, passed: $0.passed, findings: $0.findings, note: $0.note, photos: $0.photos ?? [])
        }
        let inspection = try await record(shop: shop, template: template, answers: answers, at: at, position: position, by: account)
        return try json(InspectionView(inspection), status: .created)
    }

    /// Scores `answers` and keeps the inspection of `shop` by `account`: the act of the API
    /// and of the console's inspection form. Answers that do not fit the sheet are a 400.
    func record(
        shop: Shop, template: ChecklistTemplate, answers: [InspectionSheet.Answer], at: Date, position: Coordinate?, by account: Account
    ) async throws -> Inspection {
        let sheet: InspectionSheet
        do {
            sheet = try InspectionSheet(template, answers: answers)
        } catch {
            throw APIError.badRequest("invalid_answers", error.message)
        }
        let inspection = Inspection(
            id: Self.newID(), shopID: shop.id, officerID: account.id, officerName: account.name, at: at,
            position: position, sheet: sheet
        )
        do {
            try await services.store.addInspection(inspection)
        } catch ShopStoreError.notFound(let id) {
            throw ShopRegistry.notFound(id)
        }
        return inspection
    }

    func list(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole(ShopRoutes.readers, for: "查看检查记录 (read inspections)")
        let shop = try await scopedShop(try context.parameters.require("id"), account)
        let paging = try Paging.api(request, defaultSize: 100)
        let all = try await services.store.inspections(shopID: shop.id)
        return try json(InspectionList(items: paging.slice(all).map(InspectionView.init), total: all.count))
    }

    func show(_ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole(ShopRoutes.readers, for: "查看检查记录 (read inspections)")
        let inspection = try await scopedInspection(try context.parameters.require("id"), account)
        return try json(InspectionView(inspection))
    }

    /// Files the case of a failed item through the case intake, as the inspection's own
    /// channel (source `api`, a `system` actor naming the officer and the inspection), at
    /// the shop's position, with the item, note and photos as its description and evidence.
    /// Like every channel but a grid worker's patrol it is verified (核实) before acceptance.
    func openCase(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole(Self.inspectors, for: "由检查立案 (open cases from inspections)")
        let inspection = try await scopedInspection(try context.parameters.require("id"), account)
        let body = try await request.decodeJSON(as: OpenCaseRequest.self, context: context)
        let (snapshot, category) = try await openCase(of: inspection, item: body.item, by: account)
        return try json(OpenedCase(
            inspectionId: inspection.id, item: body.item, caseNumber: snapshot.number, category: category, state: snapshot.state.rawValue
        ), status: .created)
    }

    /// Opens the case of failed item `code` of `inspection` (the API's and the console's
    /// act): refuses a passed item, an item without a case category, or one already opened.
    func openCase(of inspection: Inspection, item code: String, by account: Account) async throws -> (snapshot: CaseSnapshot, category: String) {
        guard let line = inspection.sheet.lines.first(where: { $0.item == code }),
              let template = ChecklistTemplate.shipped(inspection.sheet.template), let item = template.item(code) else {
            throw APIError.badRequest("unknown_item", "该检查中没有此项 (no such item in this inspection): \(code)")
        }
        guard !line.passed else {
            throw APIError(.conflict, code: "item_passed", message: "该项检查合格，无需立案 (the item passed; there is nothing to report)")
        }
        guard let category = item.caseCategory else {
            throw APIError(.conflict, code: "no_case_category", message: "该项不对应案件分类，请以整改通知处理 (this item maps to no case category; use a rectification notice)")
        }
        guard let shop = try await services.store.shop(id: inspection.shopID) else { throw ShopRegistry.notFound(inspection.shopID) }
        do {
            try await services.store.claimInspectionCase(inspectionID: inspection.id, item: item.code)
        } catch ShopStoreError.caseAlreadyOpened(_, _, let number) {
            throw APIError(.conflict, code: "case_already_opened", message: "该项已立案 (a case was already opened for this item): \(number ?? "…")")
        }
        let snapshot: CaseSnapshot
        do {
            snapshot = try await CaseDesk(services: services).file(
                try intake(for: shop, inspection: inspection, item: item, line: line, category: category),
                as: Actor(id: "inspection:\(inspection.id)", name: "\(account.name)（\(template.name) \(inspection.id)）", role: .system)
            )
        } catch {
            try await services.store.settleInspectionCase(inspectionID: inspection.id, item: item.code, caseNumber: nil)
            throw error
        }
        try await services.store.settleInspectionCase(inspectionID: inspection.id, item: item.code, caseNumber: snapshot.number)
        return (snapshot, category)
    }

    private func intake(for shop: Shop, inspection: Inspection, item: ChecklistTemplate.Item, line: InspectionSheet.Line, category: String) throws -> IntakeRequest {
        var description = "\(shop.details.name)（\(shop.details.creditCode)）门前检查不合格：\(item.text)"
        if line.findings > 1 { description += "（\(line.findings) 处）" }
        if let note = line.note, !note.isEmpty { description += "。\(note)" }
        description += "。检查记录 \(inspection.id)。"
        let fields: [String: Any] = [
            "source": "api", "category": category, "description": description,
            "lat": shop.details.position.lat, "lon": shop.details.position.lon, "address": shop.details.address,
            "photos": line.photos,
        ]
        return try JSONDecoder().decode(IntakeRequest.self, from: try JSONSerialization.data(withJSONObject: fields))
    }

    func scopedShop(_ id: String, _ account: Account) async throws -> Shop {
        guard let shop = try await services.store.shop(id: id) else { throw ShopRegistry.notFound(id) }
        try ShopRegistry.requireScope(account, shop.place)
        return shop
    }

    func scopedInspection(_ id: String, _ account: Account) async throws -> Inspection {
        guard let inspection = try await services.store.inspection(id: id) else {
            throw APIError.notFound("inspection_not_found", "没有这次检查 (no such inspection): \(id)")
        }
        _ = try await scopedShop(inspection.shopID, account)
        return inspection
    }

    static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        return "IN" + String(format: "%012llx", generator.next() & 0xffff_ffff_ffff)
    }
}
