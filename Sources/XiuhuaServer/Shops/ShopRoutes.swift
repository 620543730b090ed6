import Foundation
import Hummingbird
import Xiuhua
import XiuhuaStore

/// The shop registry (责任主体) over HTTP:
/// `GET /api/v1/shops[?street=&q=&limit=&offset=]`, `POST /api/v1/shops`,
/// `GET|PUT|DELETE /api/v1/shops/{id}`, and `POST /api/v1/shops/import` with a CSV body.
///
/// Every staff role reads (the keeper's contact masked unless the role needs it); the
/// street, departments and the administrator write, a street only within its streets;
/// only the administrator deletes.
struct ShopRoutes {
    let services: XiuhuaServices
    var registry: ShopRegistry { ShopRegistry(services: services) }

    static let readers: Set<Role> = Set(Role.allCases).subtracting([.citizen, .system])
    static let keepers: Set<Role> = Set(Role.allCases.filter(\.keepsShopRegistry))

    func add(to router: Router<XiuhuaRequestContext>) {
        router.get("/api/v1/shops") { request, context in try await list(request, context) }
        router.post("/api/v1/shops") { request, context in try await create(request, context) }
        router.post("/api/v1/shops/import") { request, context in try await importCSV(request, context) }
        router.get("/api/v1/shops/{id}") { _, context in try await show(context) }
        router.put("/api/v1/shops/{id}") { request, context in try await update(request, context) }
        router.delete("/api/v1/shops/{id}") { _, context in try await delete(context) }
    }

    func list(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole(Self.readers, for: "查看商户 (read the shop registry)")
        let parameters = request.uri.queryParameters
        var query = ShopQuery(text: parameters["q"].map(String.init))
        if let street = parameters["street"].map(String.init), !street.isEmpty { query.streetCodes = [street] }
        query = ShopRegistry.scoped(query, for: account)
        let paging = try Paging.api(request, defaultSize: 100)
        query.limit = paging.limit
        query.offset = paging.offset
        let (shops, total) = try await services.store.shops(query)
        return try json(ShopList(items: shops.map { view($0, account) }, total: total))
    }

    func show(_ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole(Self.readers, for: "查看商户 (read the shop registry)")
        let id = try context.parameters.require("id")
        guard let shop = try await services.store.shop(id: id) else { throw ShopRegistry.notFound(id) }
        try ShopRegistry.requireScope(account, shop.place)
        return try json(view(shop, account))
    }

    func create(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole(Self.keepers, for: "登记商户 (register shops)")
        let body = try await request.decodeJSON(as: ShopRequest.self, context: context)
        return try await answering {
            try json(view(try await registry.create(try body.input(), by: account), account), status: .created)
        }
    }

    func update(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole(Self.keepers, for: "修改商户 (change shops)")
        let id = try context.parameters.require("id")
        let body = try await request.decodeJSON(as: ShopRequest.self, context: context)
        return try await answering {
            try json(view(try await registry.update(id: id, try body.input(), by: account), account))
        }
    }

    func delete(_ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole([.admin], for: "删除商户 (delete shops)")
        let id = try context.parameters.require("id")
        guard let shop = try await services.store.shop(id: id) else { throw ShopRegistry.notFound(id) }
        do {
            guard try await services.store.deleteShop(id: id) else { throw ShopRegistry.notFound(id) }
        } catch ShopStoreError.hasRecords {
            throw APIError(.conflict, code: "shop_has_records", message: "该商户已有检查记录，不能删除 (the shop has inspections and cannot be deleted)")
        }
        return try json(view(shop, account))
    }

    func importCSV(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole(Self.keepers, for: "导入商户 (import shops)")
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        guard let text = String(data: Data(buffer.readableBytesView), encoding: .utf8) else {
            throw APIError.badRequest("invalid_csv", "CSV 应为 UTF-8 文本 (the CSV must be UTF-8 text)")
        }
        do {
            let shops = try await registry.importCSV(text, by: account)
            return try json(ImportResult(imported: shops.count), status: .created)
        } catch let report as ShopImportReport {
            return try json(report, status: .badRequest)
        }
    }

    struct ImportResult: Codable {
        let imported: Int
    }

    /// Runs a write, answering field errors with 400 `invalid_shop` and every field's
    /// mistake, and a taken credit code with 409.
    private func answering(_ body: () async throws -> Response) async throws -> Response {
        do {
            return try await body()
        } catch let error as ShopInputError {
            let message = error.errors.map(\.message).joined(separator: "；")
            return try json(ShopInputErrorBody(error: "invalid_shop", message: message, fields: error.errors), status: .badRequest)
        } catch ShopStoreError.creditCodeTaken(let codes) {
            throw APIError(.conflict, code: "credit_code_taken", message: "该统一社会信用代码已登记 (a shop with this credit code is already registered): \(codes.joined(separator: ", "))")
        } catch ShopStoreError.notFound(let id) {
            throw ShopRegistry.notFound(id)
        }
    }

    private func view(_ shop: Shop, _ account: Account) -> ShopView {
        ShopView(shop, for: account.role, regions: services.regions)
    }
}
