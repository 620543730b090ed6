import Foundation
import Hummingbird
import Xiuhua
import XiuhuaGeo
import XiuhuaStore

/// The idle-space register (消极空间, catalog 06901) over HTTP:
/// `POST /api/v1/idle-spaces` registers one found on a survey, `GET /api/v1/idle-spaces
/// [?status=&street=]`, `GET /api/v1/idle-spaces/map` (the map layer, GeoJSON),
/// `GET /api/v1/idle-spaces/{id}`, `POST …/{id}/status` moves it on, and
/// `POST …/{id}/cases` links a case.
///
/// Grid workers, street officers (in their streets), departments and the administrator
/// register; the same but grid workers move the status and link cases; staff read.
struct IdleSpaceRoutes {
    let services: XiuhuaServices

    static let surveyors: Set<Role> = ShopRoutes.keepers.union([.gridWorker])

    struct RegisterRequest: Decodable {
        let name: String
        let kind: String
        let outline: JSONValue
        let owner: String
        let hazard: String
        let hazardNote: String?
        let proposedReuse: String?
        let photos: [String]?

        private enum CodingKeys: String, CodingKey {
            case name, kind, outline, owner, hazard, photos
            case hazardNote = "hazard_note"
            case proposedReuse = "proposed_reuse"
        }
    }

    struct StatusRequest: Decodable {
        let status: String
        let note: String?
    }

    struct LinkRequest: Decodable {
        let caseNumber: String

        private enum CodingKeys: String, CodingKey {
            case caseNumber = "case_number"
        }
    }

    struct SpaceList: Codable {
        let items: [IdleSpace]
        let total: Int
    }

    func add(to router: Router<XiuhuaRequestContext>) {
        router.post("/api/v1/idle-spaces") { request, context in try await register(request, context) }
        router.get("/api/v1/idle-spaces") { request, context in try await list(request, context) }
        router.get("/api/v1/idle-spaces/map") { request, context in try await map(request, context) }
        router.get("/api/v1/idle-spaces/{id}") { _, context in
            let account = try context.requireRole(ShopRoutes.readers, for: "查看消极空间 (read idle spaces)")
            return try json(try await scoped(try context.parameters.require("id"), account))
        }
        router.post("/api/v1/idle-spaces/{id}/status") { request, context in try await move(request, context) }
        router.post("/api/v1/idle-spaces/{id}/cases") { request, context in try await link(request, context) }
    }

    func register(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole(Self.surveyors, for: "登记消极空间 (register idle spaces)")
        let body = try await request.decodeJSON(as: RegisterRequest.self, context: context)
        guard let kind = IdleSpace.Kind(rawValue: body.kind) else {
            throw APIError.badRequest("invalid_kind", "kind 应为 \(IdleSpace.Kind.allCases.map(\.rawValue).joined(separator: "、")) (unknown kind): \(body.kind)")
        }
        guard let hazard = IdleSpace.Hazard(rawValue: body.hazard) else {
            throw APIError.badRequest("invalid_hazard", "hazard 应为 none、low、medium 或 high (unknown hazard): \(body.hazard)")
        }
        let outline: [Coordinate]
        do {
            guard case .area(let ring) = try Frontage(geoJSON: body.outline) else { throw Self.outlineError }
            outline = ring
        } catch let error as ShopFieldError {
            throw APIError.badRequest("invalid_outline", error.message.replacingOccurrences(of: "门前责任区", with: "范围"))
        }
        let point = IdleSpace.representativePoint(of: outline)
        guard let place = ShopRegistry(services: services).place(of: point) else {
            throw APIError.badRequest("outside_district", "范围不在辖区内 (the outline lies outside the district)")
        }
        try ShopRegistry.requireScope(account, place, in: .idleSpaces)
        let space: IdleSpace
        do {
            space = try IdleSpace(
                id: Self.newID(), name: body.name, kind: kind, outline: outline, place: place, owner: body.owner, hazard: hazard,
                hazardNote: body.hazardNote, proposedReuse: body.proposedReuse, photos: body.photos ?? [], at: services.now(), by: account.name
            )
        } catch {
            throw Self.apiError(error)
        }
        try await services.store.addIdleSpace(space)
        return try json(space, status: .created)
    }

    func list(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole(ShopRoutes.readers, for: "查看消极空间 (read idle spaces)")
        let paging = try Paging.api(request, defaultSize: 100)
        let all = try await spaces(request, account)
        return try json(SpaceList(items: paging.slice(all), total: all.count))
    }

    /// The map layer: each space as a GeoJSON feature with its status and kind.
    func map(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole(ShopRoutes.readers, for: "查看消极空间 (read idle spaces)")
        let features: [JSONValue] = try await spaces(request, account).map { space in
            .object([
                "type": .string("Feature"),
                "id": .string(space.id),
                "geometry": space.geoJSON,
                "properties": .object([
                    "name": .string(space.name), "kind": .string(space.kind.rawValue), "kind_label": .string(space.kind.label),
                    "status": .string(space.status.rawValue), "status_label": .string(space.status.label),
                    "hazard": .string(space.hazard.rawValue), "cases": .number(Double(space.cases.count)),
                ]),
            ])
        }
        let collection = JSONValue.object(["type": .string("FeatureCollection"), "features": .array(features)])
        return Response(
            status: .ok, headers: [.contentType: "application/geo+json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: collection.jsonText))
        )
    }

    func move(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole(ShopRoutes.keepers, for: "推进消极空间整治 (move idle spaces on)")
        let space = try await scoped(try context.parameters.require("id"), account)
        let body = try await request.decodeJSON(as: StatusRequest.self, context: context)
        return try json(try await move(space, to: body.status, note: body.note, by: account))
    }

    /// Moves `space` on to status `text` (the API's and the console's act): an unknown
    /// status is a 400, a move the status does not allow a 409.
    func move(_ space: IdleSpace, to text: String, note: String?, by account: Account) async throws -> IdleSpace {
        guard let status = IdleSpace.Status(rawValue: text) else {
            throw APIError.badRequest("invalid_status", "status 应为 \(IdleSpace.Status.allCases.map(\.rawValue).joined(separator: "、")) (unknown status): \(text)")
        }
        let note = try NoticeRoutes.note(note)
        let now = services.now()
        let name = account.name
        return try await changedSpace(space.id) { stored throws(IdleSpace.Problem) in try stored.move(to: status, note: note, by: name, at: now) }
    }

    func link(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole(ShopRoutes.keepers, for: "关联案件 (link cases)")
        let space = try await scoped(try context.parameters.require("id"), account)
        let body = try await request.decodeJSON(as: LinkRequest.self, context: context)
        guard try await services.store.caseSnapshot(body.caseNumber) != nil else {
            throw APIError.notFound("case_not_found", "没有编号为 \(body.caseNumber) 的案件 (no such case)")
        }
        let number = body.caseNumber
        return try await changed(space.id) { stored throws(IdleSpace.Problem) in try stored.link(case: number) }
    }

    private func changed(_ id: String, _ change: @escaping @Sendable (inout IdleSpace) throws(IdleSpace.Problem) -> Void) async throws -> Response {
        try json(try await changedSpace(id, change))
    }

    private func changedSpace(_ id: String, _ change: @escaping @Sendable (inout IdleSpace) throws(IdleSpace.Problem) -> Void) async throws -> IdleSpace {
        do {
            guard let space = try await services.store.changeIdleSpace(id: id, { stored in try change(&stored) }) else { throw Self.notFound(id) }
            return space
        } catch let problem as IdleSpace.Problem {
            throw Self.apiError(problem)
        }
    }

    private func spaces(_ request: Request, _ account: Account) async throws -> [IdleSpace] {
        let query = request.uri.queryParameters
        return try await spaces(for: account, status: query["status"].map(String.init), street: query["street"].map(String.init))
    }

    /// The spaces `account` may read, of status `text` and in `street` when given: the
    /// list of the API and of the console page.
    func spaces(for account: Account, status text: String?, street: String?) async throws -> [IdleSpace] {
        var status: IdleSpace.Status?
        if let text, !text.isEmpty {
            guard let parsed = IdleSpace.Status(rawValue: text) else {
                throw APIError.badRequest("invalid_status", "status 应为 \(IdleSpace.Status.allCases.map(\.rawValue).joined(separator: "、")) (unknown status): \(text)")
            }
            status = parsed
        }
        let streets = street.flatMap { $0.isEmpty ? nil : [$0] }
        return try await services.store.idleSpaces(streetCodes: streets, status: status).filter { ShopRegistry.inScope(account, $0.place, in: .idleSpaces) }
    }

    func scoped(_ id: String, _ account: Account) async throws -> IdleSpace {
        guard let space = try await services.store.idleSpace(id: id) else { throw Self.notFound(id) }
        try ShopRegistry.requireScope(account, space.place, in: .idleSpaces)
        return space
    }

    static let outlineError = APIError.badRequest("invalid_outline", "范围应为 GeoJSON Polygon (the outline must be a GeoJSON Polygon)")

    static func notFound(_ id: String) -> APIError {
        APIError.notFound("idle_space_not_found", "没有这处消极空间 (no such idle space): \(id)")
    }

    static func apiError(_ problem: IdleSpace.Problem) -> APIError {
        switch problem {
        case .transition: APIError(.conflict, code: "wrong_state", message: problem.message)
        case .caseLinked: APIError(.conflict, code: "already_linked", message: problem.message)
        case .missing: APIError.badRequest("missing_field", problem.message)
        case .tooLong: APIError.badRequest("too_long", problem.message)
        case .outline: APIError.badRequest("invalid_outline", problem.message)
        }
    }

    static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        return "XJ" + String(format: "%012llx", generator.next() & 0xffff_ffff_ffff)
    }
}
