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
            guard s.count == 4, let y = Int(s), Self.supportedYears.contains(y) else { throw EvaluationPeriodError(text: text) }
            return y
        }
        if trimmed.contains("..") {
            let ends = trimmed.components(separatedBy: "..")
            guard ends.count == 2, let from = try? LocalDate(ends[0]), let to = try? LocalDate(ends[1]), from <= to,
                Self.supportedYears.contains(from.year), Self.supportedYears.contains(to.year)
            else {
                throw EvaluationPeriodError(text: text)
            }
            self.init(kind: .custom, label: trimmed, from: from, through: to, timeZone: timeZone)
        } else if parts.count == 1 {
            self = Self.year(try year(parts[0]), timeZone: timeZone)
        } else if parts.count == 2, parts[1].uppercased().hasPrefix("Q") {
            let y = try year(parts[0])
            guard let q = Int(parts[1].dropFirst()), (1...4).contains(q) else { throw EvaluationPeriodError(text: text) }
            self = Self.quarter(y, q, timeZone: timeZone)
        } else if parts.count == 2, parts[1].count == 2, let m = Int(parts[1]), (1...12).contains(m) {
            self = Self.month(try year(parts[0]), m, timeZone: timeZone)
        } else {
            throw EvaluationPeriodError(text: text)
        }
    }

    /// The years a label may name. Tallies exist for no other, and a bound keeps a custom
    /// range from spanning millennia; `previous` may step one period outside (an empty one).
    public static let supportedYears = 2000...2100

    // The three standard kinds, built from numbers rather than from a label, so that no
    // period computed here (the one before, the ones containing an instant) can fail to parse.
    private static func month(_ y: Int, _ m: Int, timeZone: TimeZone) -> EvaluationPeriod {
        let first = LocalDate(unchecked: y, m, 1)
        return EvaluationPeriod(kind: .month, label: String(format: "%04d-%02d", y, m), from: first, through: lastDay(ofMonthsFrom: first, count: 1), timeZone: timeZone)
    }

    private static func quarter(_ y: Int, _ q: Int, timeZone: TimeZone) -> EvaluationPeriod {
        let first = LocalDate(unchecked: y, (q - 1) * 3 + 1, 1)
        return EvaluationPeriod(kind: .quarter, label: "\(y)-Q\(q)", from: first, through: lastDay(ofMonthsFrom: first, count: 3), timeZone: timeZone)
    }

    private static func year(_ y: Int, timeZone: TimeZone) -> EvaluationPeriod {
        EvaluationPeriod(kind: .year, label: "\(y)", from: LocalDate(unchecked: y, 1, 1), through: LocalDate(unchecked: y, 12, 31), timeZone: timeZone)
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
        let y = parts.year ?? 2000, m = parts.month ?? 1
        return [month(y, m, timeZone: timeZone), quarter(y, (m - 1) / 3 + 1, timeZone: timeZone), year(y, timeZone: timeZone)]
    }

    /// The period of the same kind and length just before this one (for trends).
    public var previous: EvaluationPeriod {
        switch kind {
        case .month:
            return firstDay.month == 1
                ? Self.month(firstDay.year - 1, 12, timeZone: timeZone) : Self.month(firstDay.year, firstDay.month - 1, timeZone: timeZone)
        case .quarter:
            let q = (firstDay.month - 1) / 3 + 1
            return q == 1 ? Self.quarter(firstDay.year - 1, 4, timeZone: timeZone) : Self.quarter(firstDay.year, q - 1, timeZone: timeZone)
        case .year:
            return Self.year(firstDay.year - 1, timeZone: timeZone)
        case .custom:
            let days = Calendar(identifier: .gregorian).dateComponents([.day], from: start, to: end).day ?? 1
            let to = firstDay.adding(days: -1)
            return EvaluationPeriod(kind: .custom, label: "\(firstDay.adding(days: -max(days, 1)))..\(to)", from: firstDay.adding(days: -max(days, 1)), through: to, timeZone: timeZone)
        }
    }

    /// True when `instant` lies in the period.
    public func contains(_ instant: Date) -> Bool { instant >= start && instant < end }

    /// True when the store keeps a materialised tally for this period.
    public var isStandard: Bool { kind != .custom }

    public var description: String { label }

    private static func lastDay(ofMonthsFrom first: LocalDate, count: Int) -> LocalDate {
        let months = first.month - 1 + count
        return LocalDate(unchecked: first.year + months / 12, months % 12 + 1, 1).adding(days: -1)
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
