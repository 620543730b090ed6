import Foundation
import Xiuhua
import XiuhuaStore

/// Computes a street's 红黑榜 for a month from the store: the shops' inspections and the
/// cases they opened, against the street's last published black list, with the shops
/// escalated rectification notices put on this month's black list.
struct ShopBoardDesk {
    let services: XiuhuaServices

    /// A month as `2026-11`, with its bounds in the district's time zone.
    struct Month {
        let label: String
        let start: Date
        let end: Date
    }

    func month(_ text: String?) throws -> Month {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = services.calendar.timeZone
        let parts: [Int]
        if let text, !text.isEmpty {
            let pieces = text.split(separator: "-")
            guard pieces.count == 2, pieces[0].count == 4, pieces[1].count == 2, let year = Int(pieces[0]), let month = Int(pieces[1]), (1...12).contains(month) else {
                throw APIError.badRequest("invalid_month", "month 应写作 YYYY-MM (month must read YYYY-MM): \(text)")
            }
            parts = [year, month]
        } else {
            let now = calendar.dateComponents([.year, .month], from: services.now())
            parts = [now.year ?? 2026, now.month ?? 1]
        }
        guard let start = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: 1)),
              let end = calendar.date(byAdding: .month, value: 1, to: start) else {
            throw APIError.badRequest("invalid_month", "month 无效 (invalid month): \(text ?? "")")
        }
        return Month(label: String(format: "%04d-%02d", parts[0], parts[1]), start: start, end: end)
    }

    func street(_ code: String?) throws -> String {
        guard let code, !code.isEmpty else { throw APIError.badRequest("missing_street", "需要 street 参数 (street is required)") }
        guard let region = services.regions?[code], region.level == .street else {
            throw APIError.badRequest("unknown_street", "没有这个街道 (no such street): \(code)")
        }
        return region.code
    }

    /// The board as it would be published now, with every inspected shop's score.
    func compute(month: Month, street: String) async throws -> (board: ShopBoard, scores: [MonthlyShopScore]) {
        let shops = try await services.store.shops(ShopQuery(streetCodes: [street], limit: Int(Int32.max))).shops
        let inspections = Dictionary(grouping: try await services.store.inspections(streetCode: street, from: month.start, to: month.end), by: \.shopID)
        let scores = shops.compactMap { shop in inspections[shop.id].map { MonthlyShopScore(shopID: shop.id, inspections: $0) } }
        let previous = try await services.store.publishedBoards(streetCode: street).first { $0.board.month < month.label }
        let board = ShopBoard(
            month: month.label, streetCode: street, shops: shops, scores: scores,
            lastBlack: Set(previous?.board.black.map(\.shopID) ?? []),
            listings: try await services.store.boardListings(streetCode: street, month: month.label), texts: Self.itemText
        )
        return (board, scores)
    }

    static func itemText(_ code: String) -> String {
        ChecklistTemplate.shipped.lazy.compactMap { $0.item(code)?.text }.first ?? code
    }
}
