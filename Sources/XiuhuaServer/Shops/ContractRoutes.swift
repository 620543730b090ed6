import Foundation
import Hummingbird
import Xiuhua
import XiuhuaStore

/// 门前五包 contracts (责任书) over HTTP:
/// `POST /api/v1/shops/{id}/contracts` drafts one, `GET /api/v1/contracts[?status=&street=]`
/// lists them (`status=expiring` is the renewal reminder list), `GET /api/v1/contracts/{number}`,
/// `POST …/{number}/sign` records the signing, `POST …/{number}/renew` drafts the next
/// period; `GET /contracts/{number}/print` is the A4 page to print and sign.
struct ContractRoutes {
    let services: XiuhuaServices

    struct DraftRequest: Decodable {
        struct Issuer: Decodable {
            let street: String?
            let community: String?
            let squad: String?
        }

        let issuer: Issuer?
        let area: String
        let lengthMetres: Double
        let depthMetres: Double
        let validFrom: String
        let validUntil: String

        private enum CodingKeys: String, CodingKey {
            case issuer, area
            case lengthMetres = "length_metres"
            case depthMetres = "depth_metres"
            case validFrom = "valid_from"
            case validUntil = "valid_until"
        }
    }

    struct SignRequest: Decodable {
        let signedOn: String
        let issuerSignatory: String
        let shopSignatory: String

        private enum CodingKeys: String, CodingKey {
            case signedOn = "signed_on"
            case issuerSignatory = "issuer_signatory"
            case shopSignatory = "shop_signatory"
        }
    }

    struct RenewRequest: Decodable {
        let validUntil: String?

        private enum CodingKeys: String, CodingKey {
            case validUntil = "valid_until"
        }
    }

    struct ContractView: Codable {
        let contract: DutyContract
        let status: DutyContract.Status
        let shopName: String?
        let streetCode: String?
    }

    struct ContractList: Codable {
        let items: [ContractView]
        let total: Int
    }

    func add(to router: Router<XiuhuaRequestContext>) {
        router.post("/api/v1/shops/{id}/contracts") { request, context in try await draft(request, context) }
        router.get("/api/v1/contracts") { request, context in try await list(request, context) }
        router.get("/api/v1/contracts/{number}") { _, context in try await show(context) }
        router.post("/api/v1/contracts/{number}/sign") { request, context in try await sign(request, context) }
        router.post("/api/v1/contracts/{number}/renew") { request, context in try await renew(request, context) }
        router.get("/contracts/{number}/print") { request, context in try await printPage(request, context) }
    }

    var today: LocalDate { services.calendar.localDate(of: services.now()) }

    func draft(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole(ShopRoutes.keepers, for: "起草门前五包责任书 (draft contracts)")
        let shop = try await scopedShop(try context.parameters.require("id"), account)
        let body = try await request.decodeJSON(as: DraftRequest.self, context: context)
        let contract = try await Self.api { try await draft(for: shop, body) }
        return try json(view(contract, shop), status: .created)
    }

    /// Drafts a contract for `shop` (already scoped to its keeper): the API's and the
    /// console form's one way to do it. Throws `APIError` or the domain's `DutyContract.Problem`.
    func draft(for shop: Shop, _ body: DraftRequest) async throws -> DutyContract {
        let streetName = services.regions?[shop.place.streetCode]?.name ?? shop.place.streetCode
        let issuer = DutyContract.Issuer(
            street: body.issuer?.street ?? streetName,
            community: body.issuer?.community ?? services.regions?[shop.place.communityCode]?.name ?? shop.place.communityCode,
            squad: body.issuer?.squad ?? "\(streetName)城管执法中队"
        )
        let from = try Self.date(body.validFrom, "valid_from")
        let until = try Self.date(body.validUntil, "valid_until")
        try DutyContract.checkTerms(issuer: issuer, area: body.area, lengthMetres: body.lengthMetres, depthMetres: body.depthMetres, validFrom: from, validUntil: until)
        let now = services.now()
        let area = body.area.trimmingCharacters(in: .whitespacesAndNewlines)
        return try await addContract(shop.id, year: today.year) { number in
            DutyContract(
                number: number, shopID: shop.id, issuer: issuer, area: area, lengthMetres: body.lengthMetres,
                depthMetres: body.depthMetres, duties: DutyContract.standardDuties, validFrom: from, validUntil: until, createdAt: now
            )
        }
    }

    func list(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole(ShopRoutes.readers, for: "查看责任书 (read contracts)")
        let parameters = request.uri.queryParameters
        var status: DutyContract.Status?
        if let text = parameters["status"].map(String.init), !text.isEmpty {
            guard let parsed = DutyContract.Status(rawValue: text) else {
                throw APIError.badRequest("invalid_status", "status 应为 \(DutyContract.Status.allCases.map(\.rawValue).joined(separator: "、")) (unknown status): \(text)")
            }
            status = parsed
        }
        let street = parameters["street"].map(String.init)
        let paging = try Paging.api(request, defaultSize: 100)
        let all = try await contracts(for: account, status: status, street: street)
        return try json(ContractList(items: paging.slice(all).map { view($0.contract, $0.shop) }, total: all.count))
    }

    /// The contracts `account` may read, of `status` today and in `street` when given, with
    /// their shops: the list of the API and of the console page.
    func contracts(for account: Account, status: DutyContract.Status?, street: String?) async throws -> [(contract: DutyContract, shop: Shop)] {
        var shops: [String: Shop] = [:]
        var items: [(contract: DutyContract, shop: Shop)] = []
        let day = today
        for contract in try await services.store.contracts() {
            if shops[contract.shopID] == nil { shops[contract.shopID] = try await services.store.shop(id: contract.shopID) }
            guard let shop = shops[contract.shopID] else { continue }
            guard ShopRegistry.inScope(account, shop.place) else { continue }
            if let street, !street.isEmpty, shop.place.streetCode != street { continue }
            if let status, contract.status(on: day) != status { continue }
            items.append((contract, shop))
        }
        return items
    }

    func show(_ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole(ShopRoutes.readers, for: "查看责任书 (read contracts)")
        let (contract, shop) = try await scopedContract(try context.parameters.require("number"), account)
        return try json(view(contract, shop))
    }

    func sign(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole(ShopRoutes.keepers, for: "签订责任书 (sign contracts)")
        let (contract, shop) = try await scopedContract(try context.parameters.require("number"), account)
        let body = try await request.decodeJSON(as: SignRequest.self, context: context)
        return try json(view(try await Self.api { try await sign(contract, body) }, shop))
    }

    /// Records the signing of `contract` (already scoped): the API's and the console's one way.
    func sign(_ contract: DutyContract, _ body: SignRequest) async throws -> DutyContract {
        let signedOn = try Self.date(body.signedOn, "signed_on")
        guard signedOn <= today else {
            throw APIError.badRequest("invalid_signed_on", "签订日期不能在将来 (signed_on cannot be in the future)")
        }
        let draftedOn = services.calendar.localDate(of: contract.createdAt)
        let signed = try await services.store.changeContract(number: contract.number) { stored in
            try stored.sign(on: signedOn, issuerSignatory: body.issuerSignatory, shopSignatory: body.shopSignatory, draftedOn: draftedOn)
        }
        guard let signed else { throw Self.notFound(contract.number) }
        return signed
    }

    func renew(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole(ShopRoutes.keepers, for: "续签责任书 (renew contracts)")
        let (old, shop) = try await scopedContract(try context.parameters.require("number"), account)
        let body = try await request.decodeJSON(as: RenewRequest.self, context: context)
        return try json(view(try await Self.api { try await renew(old, body) }, shop), status: .created)
    }

    /// Drafts the period after `old` (already scoped): the API's and the console's one way.
    func renew(_ old: DutyContract, _ body: RenewRequest) async throws -> DutyContract {
        guard old.signing != nil else {
            throw APIError(.conflict, code: "wrong_state", message: "责任书尚未签订，不能续签 (an unsigned contract cannot be renewed)")
        }
        if let successor = try await services.store.contracts(shopID: old.shopID).first(where: { $0.renews == old.number }) {
            throw APIError(.conflict, code: "already_renewed", message: "该责任书已续签 (already renewed): \(successor.number)")
        }
        let from = old.validUntil.adding(days: 1)
        let length = Self.days(from: old.validFrom, to: old.validUntil)
        let until = try body.validUntil.map { try Self.date($0, "valid_until") } ?? from.adding(days: length)
        try DutyContract.checkTerms(issuer: old.issuer, area: old.area, lengthMetres: old.lengthMetres, depthMetres: old.depthMetres, validFrom: from, validUntil: until)
        let now = services.now()
        return try await addContract(old.shopID, year: today.year) { number in
            DutyContract(
                number: number, shopID: old.shopID, issuer: old.issuer, area: old.area, lengthMetres: old.lengthMetres,
                depthMetres: old.depthMetres, duties: DutyContract.standardDuties, validFrom: from, validUntil: until,
                renews: old.number, createdAt: now
            )
        }
    }

    func printPage(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        if let refusal = PrintDocument.refusal(request, context) { return refusal }
        guard let account = context.account else { return PrintDocument.notFound }
        let number = try context.parameters.require("number")
        guard let contract = try await services.store.contract(number: number),
              let shop = try await services.store.shop(id: contract.shopID),
              ShopRegistry.inScope(account, shop.place) else {
            return PrintDocument.notFound
        }
        let language = UILanguage.page(request)
        let sheet = ContractSheet(contract: contract, shop: shop, reader: account.role, regions: services.regions, status: contract.status(on: today), language: language)
        return try PrintDocument(language: language, title: "\(PrintText.text(.contractTitle, language)) \(contract.number)", path: request.uri.path, sheet: sheet.markup)
            .response(from: request, context: context)
    }

    // MARK: -

    private func addContract(_ shopID: String, year: Int, _ make: @escaping @Sendable (String) -> DutyContract) async throws -> DutyContract {
        do {
            return try await services.store.addContract(shopID: shopID, year: year, make)
        } catch ShopStoreError.notFound(let id) {
            throw ShopRegistry.notFound(id)
        } catch ShopStoreError.alreadyRenewed(let successor) {
            throw APIError(.conflict, code: "already_renewed", message: "该责任书已续签 (already renewed): \(successor)")
        }
    }

    private func view(_ contract: DutyContract, _ shop: Shop?) -> ContractView {
        ContractView(contract: contract, status: contract.status(on: today), shopName: shop?.details.name, streetCode: shop?.place.streetCode)
    }

    func scopedShop(_ id: String, _ account: Account) async throws -> Shop {
        guard let shop = try await services.store.shop(id: id) else { throw ShopRegistry.notFound(id) }
        try ShopRegistry.requireScope(account, shop.place)
        return shop
    }

    func scopedContract(_ number: String, _ account: Account) async throws -> (DutyContract, Shop) {
        guard let contract = try await services.store.contract(number: number) else { throw Self.notFound(number) }
        return (contract, try await scopedShop(contract.shopID, account))
    }

    static func notFound(_ number: String) -> APIError {
        APIError.notFound("contract_not_found", "没有这份责任书 (no such contract): \(number)")
    }

    static func date(_ text: String, _ field: String) throws -> LocalDate {
        do {
            return try LocalDate(text)
        } catch {
            throw APIError.badRequest("invalid_\(field)", "\(field) 应为日期 YYYY-MM-DD (\(field) must be a date): \(text)")
        }
    }

    static func days(from start: LocalDate, to end: LocalDate) -> Int {
        var count = 0
        var day = start
        while day < end {
            day = day.adding(days: 1)
            count += 1
        }
        return count
    }

    /// Runs one of the acts above for the API: the domain's refusals become its 4xx errors.
    /// (The console catches them itself, to show them in the page's language.)
    static func api<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let problem as DutyContract.Problem {
            throw apiError(problem)
        }
    }

    static func apiError(_ problem: DutyContract.Problem) -> APIError {
        switch problem {
        case .alreadySigned: APIError(.conflict, code: "already_signed", message: problem.message)
        case .missing: APIError.badRequest("missing_field", problem.message)
        case .tooLong: APIError.badRequest("too_long", problem.message)
        case .invalidMeasure: APIError.badRequest("invalid_measure", problem.message)
        case .periodBackwards, .periodTooLong: APIError.badRequest("invalid_period", problem.message)
        case .signedOutsideCreation: APIError.badRequest("invalid_signed_on", problem.message)
        }
    }
}
