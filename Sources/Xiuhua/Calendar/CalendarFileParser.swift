import Foundation

/// Reads the calendar text format line by line, remembering where each setting came
/// from so that an error can name both lines of a conflict.
struct CalendarFileParser {
    private var timeZone: (zone: TimeZone, line: Int)?
    private var weeklyPeriods = WorkCalendar.standardWeeklyPeriods
    private var periodLines: [Weekday: Int] = [:]
    private var makeUpWorkdayPeriods: (periods: [WorkPeriod], line: Int)?
    private var holidays: [LocalDate: (name: String, line: Int)] = [:]
    private var makeUpWorkdays: [LocalDate: (name: String, line: Int)] = [:]

    /// A holiday range longer than this is taken for a typing error in a year.
    private static let longestRange = 366

    mutating func read(_ text: String) throws(WorkCalendarError) {
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let content = rawLine.prefix { $0 != "#" }
            let words = content.split(whereSeparator: \.isWhitespace)
            guard let keyword = words.first else { continue }
            do throws(Problem) {
                switch keyword {
                case "timezone": try readTimeZone(words.dropFirst(), line: index + 1)
                case "periods": try readPeriods(words.dropFirst(), line: index + 1)
                case "holiday", "workday":
                    // The name is the rest of the line as written, inner spaces included.
                    let name = words.count > 2 ? content[words[2].startIndex...].trimmingCharacters(in: .whitespaces) : ""
                    try readDates(words.count > 1 ? words[1] : nil, name: name, isHoliday: keyword == "holiday", line: index + 1)
                default:
                    throw Problem("unknown keyword “\(keyword)”; expected timezone, periods, holiday or workday")
                }
            } catch {
                throw .invalidLine(number: index + 1, reason: error.reason)
            }
        }
        if (makeUpWorkdayPeriods?.periods ?? weeklyPeriods[.monday] ?? []).isEmpty,
           let line = makeUpWorkdays.values.map(\.line).min() {
            throw .invalidLine(number: line, reason: "make-up workdays would have no working periods: Monday has none, so give “periods workday …”")
        }
    }

    func calendar() -> WorkCalendar {
        WorkCalendar(
            unchecked: timeZone?.zone ?? WorkCalendar.chinaStandardTime,
            weeklyPeriods: weeklyPeriods,
            makeUpWorkdayPeriods: makeUpWorkdayPeriods?.periods,
            holidays: holidays.mapValues(\.name),
            makeUpWorkdays: makeUpWorkdays.mapValues(\.name)
        )
    }

    private mutating func readTimeZone(_ words: ArraySlice<Substring>, line: Int) throws(Problem) {
        guard words.count == 1, let name = words.first else {
            throw Problem("expected one time zone, such as “timezone Asia/Shanghai”")
        }
        if let earlier = timeZone { throw Problem("the time zone is already set on line \(earlier.line)") }
        // Without a tz database only fixed offsets resolve; China's zone is known anyway.
        guard let zone = TimeZone(identifier: String(name))
            ?? (name == "Asia/Shanghai" ? WorkCalendar.chinaStandardTime : nil)
        else { throw Problem("unknown time zone “\(name)”") }
        timeZone = (zone, line)
    }

    private mutating func readPeriods(_ words: ArraySlice<Substring>, line: Int) throws(Problem) {
        guard let daysWord = words.first else {
            throw Problem("expected days and periods, such as “periods mon-fri 08:30-12:00 14:30-17:30”")
        }
        let periodWords = words.dropFirst()
        guard !periodWords.isEmpty else {
            throw Problem("give working periods such as 08:30-12:00, or none")
        }
        var periods: [WorkPeriod] = []
        if periodWords != ["none"] {
            for word in periodWords {
                do { periods.append(try WorkPeriod(String(word))) } catch { throw Problem(error.description) }
            }
        }
        let sorted = periods.sorted()
        if let (first, second) = zip(sorted, sorted.dropFirst()).first(where: { $0.overlaps($1) }) {
            throw Problem("\(first) overlaps \(second)")
        }

        let (days, includesMakeUpWorkdays) = try Self.days(in: daysWord)
        if includesMakeUpWorkdays {
            if let earlier = makeUpWorkdayPeriods { throw Problem("periods for workday are already set on line \(earlier.line)") }
            if sorted.isEmpty { throw Problem("make-up workdays need working periods, not none") }
            makeUpWorkdayPeriods = (sorted, line)
        }
        for day in days {
            if let earlier = periodLines[day] { throw Problem("periods for \(day.abbreviation) are already set on line \(earlier)") }
            weeklyPeriods[day] = sorted
            periodLines[day] = line
        }
    }

    /// The weekdays of `mon-fri`, `sat,sun`, `workday` or a comma list of these.
    private static func days(in word: Substring) throws(Problem) -> (days: [Weekday], includesMakeUpWorkdays: Bool) {
        var days: [Weekday] = []
        var includesMakeUpWorkdays = false
        for item in word.split(separator: ",", omittingEmptySubsequences: false) {
            if item == "workday" {
                includesMakeUpWorkdays = true
                continue
            }
            let ends = item.split(separator: "-", omittingEmptySubsequences: false).map { Weekday(abbreviation: String($0)) }
            guard (1...2).contains(ends.count), let first = ends.first!, let last = ends.last! else {
                throw Problem("“\(item)” is not a day: use mon … sun, a range such as mon-fri, or workday")
            }
            guard first <= last else { throw Problem("the day range “\(item)” runs backwards; write it from mon towards sun") }
            days += Weekday.allCases.filter { (first...last).contains($0) }
        }
        return (days, includesMakeUpWorkdays)
    }

    private mutating func readDates(_ word: Substring?, name: String, isHoliday: Bool, line: Int) throws(Problem) {
        let kind = isHoliday ? "holiday" : "workday"
        guard let word else { throw Problem("expected a date or a range such as 2026-10-01..2026-10-07 after \(kind)") }
        let ends = word.components(separatedBy: "..")
        guard (1...2).contains(ends.count) else { throw Problem("“\(word)” is not a date or a range such as 2026-10-01..2026-10-07") }
        let first: LocalDate, last: LocalDate
        do {
            first = try LocalDate(ends[0])
            last = try LocalDate(ends[ends.count - 1])
        } catch {
            throw Problem(error.description)
        }
        guard first <= last else { throw Problem("the range \(word) ends before it starts") }
        guard last.dayNumber - first.dayNumber < Self.longestRange else {
            throw Problem("the range \(word) is longer than \(Self.longestRange) days")
        }
        for dayNumber in first.dayNumber...last.dayNumber {
            let date = LocalDate(dayNumber: dayNumber)
            if let earlier = holidays[date] {
                throw Problem(isHoliday ? "\(date) is already a holiday on line \(earlier.line)"
                                        : "\(date) cannot be a workday: it is a holiday on line \(earlier.line)")
            }
            if let earlier = makeUpWorkdays[date] {
                throw Problem(isHoliday ? "\(date) cannot be a holiday: it is a workday on line \(earlier.line)"
                                        : "\(date) is already a workday on line \(earlier.line)")
            }
            if isHoliday { holidays[date] = (name, line) } else { makeUpWorkdays[date] = (name, line) }
        }
    }

    /// What is wrong with the current line; `read` adds the line number.
    private struct Problem: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }
}
