import Foundation
import Hummingbird

/// One page of a list, as the API and the console ask for it.
///
/// The API takes either `page` (from 1) with `page_size`, or `offset` with `limit`; the
/// console takes `?page=`. A value that is not a whole number in range is refused with a
/// 400 naming the parameter. A page past the end is not an error: it is empty, and the
/// total tells the caller where the end is.
struct Paging: Sendable, Equatable {
    let offset: Int
    let limit: Int

    static let maxPageSize = 1000
    static let maxPage = 1_000_000

    /// The page number this page is (from 1).
    var page: Int { offset / limit + 1 }

    func slice<Element>(_ items: [Element]) -> [Element] {
        guard offset < items.count else { return [] }
        return Array(items[offset..<min(items.count, offset + limit)])
    }

    /// From an API query. `page`/`page_size` and `offset`/`limit` are two ways to say the
    /// same; mixing them is refused rather than guessed at.
    static func api(_ parameters: [String: String], defaultSize: Int) throws -> Paging {
        let byPage = parameters["page"] != nil || parameters["page_size"] != nil
        let byOffset = parameters["offset"] != nil || parameters["limit"] != nil
        if byPage, byOffset {
            throw APIError.badRequest(
                "invalid_paging", "page/page_size 与 offset/limit 只能选一种 (use page and page_size, or offset and limit, not both)"
            )
        }
        if byPage {
            let size = try integer(parameters["page_size"], "page_size", default: defaultSize, in: 1...maxPageSize)
            let page = try integer(parameters["page"], "page", default: 1, in: 1...maxPage)
            return Paging(offset: (page - 1) * size, limit: size)
        }
        let limit = try integer(parameters["limit"], "limit", default: defaultSize, in: 1...maxPageSize)
        let offset = try integer(parameters["offset"], "offset", default: 0, in: 0...Int(Int32.max))
        return Paging(offset: offset, limit: limit)
    }

    static func api(_ request: Request, defaultSize: Int) throws -> Paging {
        try api(query(request), defaultSize: defaultSize)
    }

    /// From a console page's `?page=`, `size` rows a page.
    static func console(_ request: Request, size: Int) throws -> Paging {
        let page = try integer(query(request)["page"], "page", default: 1, in: 1...maxPage)
        return Paging(offset: (page - 1) * size, limit: size)
    }

    private static func query(_ request: Request) -> [String: String] {
        var values: [String: String] = [:]
        for name in ["page", "page_size", "offset", "limit"] {
            if let value = request.uri.queryParameters[Substring(name)] { values[name] = String(value) }
        }
        return values
    }

    static func integer(_ text: String?, _ name: String, default value: Int, in range: ClosedRange<Int>) throws -> Int {
        // Blank is "not given", as a form with an empty field sends it.
        guard let text, !text.isEmpty else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw APIError.badRequest(
                "invalid_\(name)",
                "\(name) 应为 \(range.lowerBound)…\(range.upperBound) 的整数 (\(name) must be a whole number in \(range.lowerBound)…\(range.upperBound)): \(text)"
            )
        }
        return number
    }

    /// The console's pager under a list: the total, this page of how many, and the links
    /// to the previous and next pages. `path` carries the list's other query parameters.
    func pager(path: String, query: [(String, String)], total: Int, language: UILanguage) -> Markup {
        let pages = max(1, (total + limit - 1) / limit)
        func link(_ number: Int, _ key: ConsoleText.Key, _ rel: String) -> Markup {
            let items = query.filter { !$0.1.isEmpty } + [("page", String(number))]
            let text = items.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
            return "<a href=\"\(path)?\(text)\" rel=\"\(rel)\" id=\"page-\(rel)\">\(ConsoleText.text(key, language))</a>"
        }
        var parts: [Markup] = []
        if page > 1 { parts.append(link(min(page - 1, pages), .prevPage, "prev")) }
        let position = PagingText.text(.position, language, ["page": String(page), "pages": String(pages), "total": String(total)])
        parts.append("<span class=\"page-position\">\(position)</span>")
        if offset + limit < total { parts.append(link(page + 1, .nextPage, "next")) }
        return "<nav class=\"pager\" aria-label=\"\(PagingText.text(.pages, language))\" id=\"pager\">\(Markup(joining: parts, separator: " "))</nav>"
    }
}
