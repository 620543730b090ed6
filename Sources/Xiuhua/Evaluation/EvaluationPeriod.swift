import Foundation

/// The span an evaluation covers: a month (`2026-11`), a quarter (`2026-Q4`), a year
/// (`2026`) or a custom range of local days (`2026-11-01..2026-11-15`, both days included).
///
/// Bounds are instants: `start` included, `end` excluded, both at local midnight in the
/// district's time zone, so that a case closed at 23:59 on 30 November Beijing time counts
/// in November even though it is still the 30th in UTC.
public struct EvaluationPeriod: Hashable, Sendable, CustomStringConvertible {
    /// What kind of span.
    public enum Kind: String, Hashable, Sendable, Codable {
        case month, quarter, year, custom
    }

    /// Month, quarter, year or custom.
    public let kind: Kind
    /// The text that names it, as parsed (`2026-11`, `2026-Q4`, `2026`, `2026-11-01..2026-11-15`).
    public let label: String
    /// First instant of the period.
    public let start: Date
    /// First instant after the period.
    public let end: Date
    /// The time zone whose midnights bound it.
    public let timeZone: TimeZone
    private let firstDay: LocalDate
    private let lastDay: LocalDate

    /// Reads a period label; throws a message that shows the accepted forms.
    public init(_ text: String, timeZone: TimeZone = WorkCalendar.chinaStandardTime) throws(EvaluationPeriodError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        func year(_ s: String) throws(EvaluationPeriodError) -> Int {
            guard s.count == 4, let y = Int(s), (2000...2100).contains(y) else { throw EvaluationPeriodError(text: text) }
            return y
        }
        if trimmed.contains("..") {
            let ends = trimmed.components(separatedBy: "..")
            guard ends.count == 2, let from = try? LocalDate(ends[0]), let to = try? LocalDate(ends[1]), from <= to else {
                throw EvaluationPeriodError(text: text)
            }
            self.init(kind: .custom, label: trimmed, from: from, through: to, timeZone: timeZone)
        } else if parts.count == 1 {
            let y = try year(parts[0])
            self.init(kind: .year, label: trimmed, from: LocalDate(year: y, month: 1, day: 1)!, through: LocalDate(year: y, month: 12, day: 31)!, timeZone: timeZone)
        } else if parts.count == 2, parts[1].uppercased().hasPrefix("Q") {
            let y = try year(parts[0])
            guard let q = Int(parts[1].dropFirst()), (1...4).contains(q) else { throw EvaluationPeriodError(text: text) }
            let first = LocalDate(year: y, month: (q - 1) * 3 + 1, day: 1)!
            self.init(kind: .quarter, label: "\(y)-Q\(q)", from: first, through: Self.lastDay(ofMonthsFrom: first, count: 3), timeZone: timeZone)
        } else if parts.count == 2, parts[1].count == 2, let m = Int(parts[1]), (1...12).contains(m) {
            let first = LocalDate(year: try year(parts[0]), month: m, day: 1)!
            self.init(kind: .month, label: trimmed, from: first, through: Self.lastDay(ofMonthsFrom: first, count: 1), timeZone: timeZone)
        } else {
            throw EvaluationPeriodError(text: text)
        }
    }

    private init(kind: Kind, label: String, from: LocalDate, through: LocalDate, timeZone: TimeZone) {
        self.kind = kind
        self.label = label
        self.firstDay = from
        self.lastDay = through
        self.timeZone = timeZone
        self.start = Self.midnight(from, timeZone)
        self.end = Self.midnight(through.adding(days: 1), timeZone)
    }

    /// The month, quarter and year that contain `instant`: the periods the store keeps
    /// materialised tallies for.
    public static func standardPeriods(containing instant: Date, timeZone: TimeZone = WorkCalendar.chinaStandardTime) -> [EvaluationPeriod] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month], from: instant)
        let y = parts.year!, m = parts.month!
        let month = String(format: "%04d-%02d", y, m)
        // The labels are well formed by construction.
        return [month, "\(y)-Q\((m - 1) / 3 + 1)", "\(y)"].map { try! EvaluationPeriod($0, timeZone: timeZone) }
    }

    /// The period of the same kind and length just before this one (for trends).
    public var previous: EvaluationPeriod {
        switch kind {
        case .month:
            let first = firstDay.month == 1 ? LocalDate(year: firstDay.year - 1, month: 12, day: 1)! : LocalDate(year: firstDay.year, month: firstDay.month - 1, day: 1)!
            return try! EvaluationPeriod(String(format: "%04d-%02d", first.year, first.month), timeZone: timeZone)
        case .quarter:
            let q = (firstDay.month - 1) / 3 + 1
            return try! EvaluationPeriod(q == 1 ? "\(firstDay.year - 1)-Q4" : "\(firstDay.year)-Q\(q - 1)", timeZone: timeZone)
        case .year:
            return try! EvaluationPeriod("\(firstDay.year - 1)", timeZone: timeZone)
        case .custom:
            let days = Calendar(identifier: .gregorian).dateComponents([.day], from: start, to: end).day ?? 1
            let to = firstDay.adding(days: -1)
            return try! EvaluationPeriod("\(firstDay.adding(days: -max(days, 1)))..\(to)", timeZone: timeZone)
        }
    }

    /// True when `instant` lies in the period.
    public func contains(_ instant: Date) -> Bool { instant >= start && instant < end }

    /// True when the store keeps a materialised tally for this period.
    public var isStandard: Bool { kind != .custom }

    public var description: String { label }

    private static func lastDay(ofMonthsFrom first: LocalDate, count: Int) -> LocalDate {
        let months = first.month - 1 + count
        let next = LocalDate(year: first.year + months / 12, month: months % 12 + 1, day: 1)!
        return next.adding(days: -1)
    }

    private static func midnight(_ day: LocalDate, _ timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
    }
}

/// A period label that is none of the accepted forms.
public struct EvaluationPeriodError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What was given.
    public let text: String

    public var description: String {
        "无法识别的考核周期 (unknown period) “\(text)”：用 2026-11（月）、2026-Q4（季度）、2026（年）或 2026-11-01..2026-11-15（自定义）"
    }
}
