import Foundation

/// The calendar as an editable text file, one setting a line, `#` starting a comment:
///
/// ```
/// timezone Asia/Shanghai
/// periods mon-fri 08:30-12:00 14:30-17:30
/// periods sat-sun none
/// periods workday 08:30-12:00 14:30-17:30
/// holiday 2026-10-01..2026-10-07 国庆节
/// workday 2026-09-20 国庆节调休上班
/// ```
///
/// - `timezone` takes an IANA identifier; Asia/Shanghai when left out.
/// - `periods` sets the working periods of days given as `mon` … `sun`, ranges such as
///   `mon-fri`, comma lists, or `workday` for make-up workdays; `none` makes rest days.
///   Days never named keep the standard week (Monday–Friday 08:30–12:00, 14:30–17:30);
///   make-up workdays, when not named, work Monday's periods.
/// - `holiday` and `workday` take a date or an inclusive range `first..last`, then an
///   optional name (the rest of the line).
extension WorkCalendar {
    /// Reads a calendar from its text.
    /// - Throws: `WorkCalendarError.invalidLine` naming the first wrong line and what is
    ///   wrong: an unknown keyword, a bad date or period, a period ending before it
    ///   starts, overlapping periods, a day set twice, or a date both holiday and workday.
    public init(parsing text: String) throws(WorkCalendarError) {
        var parser = CalendarFileParser()
        try parser.read(text)
        self = parser.calendar()
    }

    /// The calendar as text that `init(parsing:)` reads back to an equal calendar.
    ///
    /// Every weekday is written out; consecutive dates of the same kind and name become
    /// one range; a blank line separates years. Comments of a parsed file are not kept.
    public func serialized() -> String {
        var lines = ["timezone \(timeZone.identifier)"]
        for run in Self.runs(of: Weekday.allCases, sameGroup: { weeklyPeriods[$0] == weeklyPeriods[$1] && $1.rawValue == $0.rawValue + 1 }) {
            let days = run.count == 1 ? run[0].abbreviation : "\(run[0].abbreviation)-\(run[run.count - 1].abbreviation)"
            lines.append("periods \(days) \(Self.text(of: weeklyPeriods[run[0]] ?? []))")
        }
        if let makeUpWorkdayPeriods {
            lines.append("periods workday \(Self.text(of: makeUpWorkdayPeriods))")
        }

        let entries = (holidays.map { (date: $0.key, keyword: "holiday", name: $0.value) }
            + makeUpWorkdays.map { (date: $0.key, keyword: "workday", name: $0.value) })
            .sorted { $0.date < $1.date }
        let runs = Self.runs(of: entries) {
            $1.date.dayNumber == $0.date.dayNumber + 1 && $0.keyword == $1.keyword && $0.name == $1.name
        }
        var year: Int?
        for run in runs {
            let first = run[0], last = run[run.count - 1]
            if first.date.year != year { lines.append("") }
            year = first.date.year
            let dates = run.count == 1 ? "\(first.date)" : "\(first.date)..\(last.date)"
            lines.append([first.keyword, dates, first.name].filter { !$0.isEmpty }.joined(separator: " "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func text(of periods: [WorkPeriod]) -> String {
        periods.isEmpty ? "none" : periods.map(\.description).joined(separator: " ")
    }

    /// Splits `items` into maximal runs whose neighbours satisfy `sameGroup`.
    private static func runs<T>(of items: [T], sameGroup: (T, T) -> Bool) -> [[T]] {
        var runs: [[T]] = []
        for item in items {
            if let last = runs.last?.last, sameGroup(last, item) {
                runs[runs.count - 1].append(item)
            } else {
                runs.append([item])
            }
        }
        return runs
    }
}
