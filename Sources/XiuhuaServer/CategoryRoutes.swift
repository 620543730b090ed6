import Hummingbird
import Xiuhua

/// `GET /api/v1/categories`: the catalog, filtered by `kind` (matter/component or 事项/部件),
/// `big_class` (two digits) and `q` (name text or code prefix).
struct CategoryRoutes {
    let services: XiuhuaServices

    struct CategoryItem: Codable {
        let kind: String
        let kindName: String
        let code: String
        let name: String
        let bigClass: String
        let bigClassName: String
        let limit: String
        let limitText: String
        let urgency: String
        let command: String
        let commandName: String?
        let owner: String
        let ownerName: String
        let filingCondition: String
        let closingCondition: String
        let legacyCode: String?
        let localExtension: Bool
    }

    struct CategoryList: Codable {
        let total: Int
        let items: [CategoryItem]
    }

    func add(to router: Router<XiuhuaRequestContext>) {
        router.get("/api/v1/categories") { request, _ in try list(request) }
    }

    func list(_ request: Request) throws -> Response {
        let query = request.uri.queryParameters
        var kind: CategoryKind?
        if let text = query["kind"].map(String.init) {
            switch text.lowercased() {
            case "matter", "事项", "event": kind = .matter
            case "component", "部件": kind = .component
            default:
                throw APIError.badRequest("invalid_kind", "未知的类型 kind (unknown kind): \(text) — use matter (事项) or component (部件)")
            }
        }
        let bigClass = query["big_class"].map(String.init)
        if let bigClass, !(bigClass.count == 2 && bigClass.allSatisfy { $0.isASCII && $0.isNumber }) {
            throw APIError.badRequest("invalid_big_class", "大类 big_class 应为两位数字 (two digits), got: \(bigClass)")
        }
        let text = query["q"].map(String.init)
        let items = services.catalog.filter(kind: kind, bigClass: bigClass, text: text).map(item)
        return try json(CategoryList(total: items.count, items: items))
    }

    private func item(_ category: Category) -> CategoryItem {
        let organisation = services.organisation
        let ownerName: String = switch category.owner {
        case .street: "属地街道"
        case .department(let code): organisation.department(code)?.name ?? code
        }
        return CategoryItem(
            kind: category.kind == .matter ? "matter" : "component",
            kindName: category.kind.rawValue,
            code: category.code,
            name: category.name,
            bigClass: category.bigClassCode,
            bigClassName: category.bigClass,
            limit: category.disposalLimit.catalogNotation,
            limitText: category.disposalLimit.chineseText,
            urgency: category.urgency.catalogNotation,
            command: category.commandCode,
            commandName: organisation.command(category.commandCode)?.name,
            owner: category.owner.notation,
            ownerName: ownerName,
            filingCondition: category.filingCondition,
            closingCondition: category.closingCondition,
            legacyCode: category.legacyCode,
            localExtension: category.isLocalExtension
        )
    }
}
