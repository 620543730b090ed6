import Foundation
import Hummingbird
import Xiuhua
import XiuhuaStore

/// The query string of an Open311 call, empty values treated as absent (as the spec asks).
struct Open311Parameters {
    private let values: [String: String]

    init(_ request: Request) {
        var values: [String: String] = [:]
        for (key, value) in request.uri.queryParameters where !value.isEmpty {
            values[String(key)] = String(value)
        }
        self.values = values
    }

    subscript(key: String) -> String? { values[key] }

    /// A comma list, blanks dropped.
    func list(_ key: String) -> [String] {
        (values[key] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func flag(_ key: String) throws -> Bool {
        guard let text = values[key] else { return false }
        guard let flag = Bool(text.lowercased()) else {
            throw Open311Error.badRequest("\(key) 应为 true 或 false (must be true or false), got \(text)")
        }
        return flag
    }

    /// A W3C datetime with offset, or a date (the district's local midnight).
    func instant(_ key: String, timeZone: TimeZone) throws -> Date? {
        guard let text = values[key] else { return nil }
        if let instant = ISO8601Instant.parse(text) { return instant }
        if let day = try? LocalDate(text) {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            if let midnight = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day)) { return midnight }
        }
        throw Open311Error.badRequest("\(key) 应为带时区的时间，如 2026-11-29T08:00:00+08:00 (must be a W3C datetime with offset), got \(text)")
    }

    func integer(_ key: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = values[key] else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw Open311Error.badRequest("\(key) 应为 \(range.lowerBound) 到 \(range.upperBound) 之间的整数 (integer in range), got \(text)")
        }
        return number
    }
}

extension Open311Routes {
    /// The store query for `GET requests`: `service_request_id` overrides every other
    /// filter; otherwise `service_code`, `status`, `start_date`/`end_date` (a 90-day span at
    /// most, the last 90 days by default unless `updated_after`/`updated_before` is given),
    /// and `page`/`page_size` (1,000 at most, the default).
    static func query(_ p: Open311Parameters, now: Date, catalog: Catalog, timeZone zone: TimeZone) throws -> PublicCaseQuery {
        var query = PublicCaseQuery()
        let page = try p.integer("page", in: 1...1_000_000) ?? 1
        let size = try p.integer("page_size", in: 1...maximumRequests) ?? maximumRequests
        query.limit = size
        query.offset = (page - 1) * size
        let ids = p.list("service_request_id")
        if !ids.isEmpty {
            guard ids.count <= maximumRequests else {
                throw Open311Error.badRequest("service_request_id 最多 \(maximumRequests) 个 (at most \(maximumRequests) ids)")
            }
            query.numbers = ids
            return query
        }
        // Deduplicated: a list of one code repeated 100,000 times is one code.
        let codes = Array(Set(p.list("service_code"))).sorted()
        let unknown = codes.filter { catalog.matter(code: $0) == nil }
        guard unknown.isEmpty else {
            throw Open311Error.badRequest("没有这个服务 (unknown service_code): \(unknown.joined(separator: ","))")
        }
        query.categoryCodes = codes
        let statuses = Set(p.list("status").map { $0.lowercased() })
        guard statuses.isSubset(of: ["open", "closed"]) else {
            throw Open311Error.badRequest("status 应为 open 或 closed (status must be open or closed), got \(p["status"] ?? "")")
        }
        query.isOpen = statuses.count == 1 ? statuses.contains("open") : nil
        let start = try p.instant("start_date", timeZone: zone)
        let end = try p.instant("end_date", timeZone: zone)
        query.updatedFrom = try p.instant("updated_after", timeZone: zone)
        query.updatedBefore = try p.instant("updated_before", timeZone: zone)
        if let start, let end, end < start {
            throw Open311Error.badRequest("end_date 早于 start_date (end_date is before start_date)")
        }
        switch (start, end) {
        case let (start?, end?):
            guard end.timeIntervalSince(start) <= window else {
                throw Open311Error.badRequest("start_date 到 end_date 不能超过 90 天 (the span may not exceed 90 days)")
            }
            (query.createdFrom, query.createdBefore) = (start, end)
        case let (start?, nil): (query.createdFrom, query.createdBefore) = (start, start.addingTimeInterval(window))
        case let (nil, end?): (query.createdFrom, query.createdBefore) = (end.addingTimeInterval(-window), end)
        case (nil, nil):
            if query.updatedFrom == nil && query.updatedBefore == nil {
                query.createdFrom = now.addingTimeInterval(-window)
            }
        }
        return query
    }
}
