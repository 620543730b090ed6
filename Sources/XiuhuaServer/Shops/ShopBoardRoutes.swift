import Foundation
import Hummingbird
import Xiuhua
import XiuhuaStore

/// The 红黑榜 of shops over HTTP:
/// `GET /api/v1/shop-boards/preview?month=&street=` (staff: the board as it would be now,
/// with every inspected shop's score), `POST /api/v1/shop-boards` `{"month", "street"}`
/// (a supervisor publishes it, after which it never changes), and the published boards,
/// public: `GET /api/v1/shop-boards[?month=&street=]`.
struct ShopBoardRoutes {
    let services: XiuhuaServices
    var desk: ShopBoardDesk { ShopBoardDesk(services: services) }

    static let publishers: Set<Role> = [.supervisor, .admin]

    struct PublishRequest: Decodable {
        let month: String
        let street: String
    }

    struct BoardView: Codable {
        let board: ShopBoard
        let streetName: String?
        let publishedAt: Date?
        let publishedBy: String?
    }

    struct PreviewView: Codable {
        let board: ShopBoard
        let scores: [MonthlyShopScore]
    }

    struct BoardList: Codable {
        let items: [BoardView]
    }

    func add(to router: Router<XiuhuaRequestContext>) {
        router.get("/api/v1/shop-boards/preview") { request, context in try await preview(request, context) }
        router.post("/api/v1/shop-boards") { request, context in try await publish(request, context) }
        router.get("/api/v1/shop-boards") { request, _ in try await published(request) }
    }

    func preview(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole(ShopRoutes.readers, for: "查看红黑榜草稿 (preview boards)")
        let query = request.uri.queryParameters
        let street = try desk.street(query["street"].map(String.init))
        try ShopRegistry.requireScope(account, street: street)
        let (board, scores) = try await desk.compute(month: try desk.month(query["month"].map(String.init)), street: street)
        return try json(PreviewView(board: board, scores: scores))
    }

    func publish(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole(Self.publishers, for: "发布红黑榜 (publish boards)")
        let body = try await request.decodeJSON(as: PublishRequest.self, context: context)
        return try json(view(try await publish(month: body.month, street: body.street, by: account)), status: .created)
    }

    /// Publishes `street`'s board for `month` as computed now (the API's and the console's
    /// act): refuses a month not yet begun, and a board already published.
    func publish(month text: String, street code: String, by account: Account) async throws -> PublishedBoard {
        let street = try desk.street(code)
        let month = try desk.month(text)
        guard month.start <= services.now() else {
            throw APIError.badRequest("invalid_month", "不能发布尚未开始的月份 (a month that has not begun cannot be published): \(month.label)")
        }
        do {
            // A notice escalated to the black list between computing and storing makes the
            // board outdated; computed again it includes the shop.
            var attempt = 1
            while true {
                let (board, _) = try await desk.compute(month: month, street: street)
                do {
                    return try await services.store.publishBoard(board, by: account.name, at: services.now())
                } catch is BoardOutdated where attempt < 3 {
                    attempt += 1
                }
            }
        } catch is BoardOutdated {
            throw APIError(.conflict, code: "board_changed", message: "红黑榜正在变动，请稍后再发布 (the board is changing; publish it again in a moment)")
        } catch is BoardAlreadyPublished {
            throw APIError(.conflict, code: "already_published", message: "\(month.label) 该街道红黑榜已发布，不再改动 (this board is already published and stays as it is)")
        }
    }

    func published(_ request: Request) async throws -> Response {
        let query = request.uri.queryParameters
        let month = try query["month"].map(String.init).flatMap { $0.isEmpty ? nil : try desk.month($0).label }
        let street = query["street"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        return try json(BoardList(items: try await services.store.publishedBoards(month: month, streetCode: street).map(view)))
    }

    func view(_ published: PublishedBoard) -> BoardView {
        BoardView(
            board: published.board, streetName: services.regions?[published.board.streetCode]?.name,
            publishedAt: published.publishedAt, publishedBy: published.publishedBy
        )
    }
}
