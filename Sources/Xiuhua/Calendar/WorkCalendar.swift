import Foundation

/// The work calendar (工作日历): when the offices that handle cases are at work, so that
/// limits in working hours and working days (工作时/工作日) become deadlines.
///
/// A date is a workday when it is a make-up workday (调休上班), or when it is not a public
/// holiday and its weekday has working periods. Working time is the time inside the
/// working periods of workdays, read in the calendar's time zone.
///
/// All methods are pure; the deadline arithmetic is in `WorkCalendar+WorkingTime.swift`
/// and the text file format in `WorkCalendar+TextFormat.swift`.
public struct WorkCalendar: Hashable, Sendable {
    /// The zone in which periods and dates are read.
    public let timeZone: TimeZone
    /// Working periods of each weekday, sorted; a weekday with none is a rest day.
    public let weeklyPeriods: [Weekday: [WorkPeriod]]
    /// Periods worked on a make-up workday; nil means Monday's periods.
    public let makeUpWorkdayPeriods: [WorkPeriod]?
    /// Public holidays (non-working dates), with their names.
    public let holidays: [LocalDate: String]
    /// Make-up workdays (调休上班), with their names.
    public let makeUpWorkdays: [LocalDate: String]

    /// China Standard Time.
    ///
    /// Minimal containers ship without the tz database, where `Asia/Shanghai` is unknown;
    /// China has kept UTC+8 without daylight saving since 1991, so the fixed offset is
    /// the same zone for every date a case can have.
    public static let chinaStandardTime: TimeZone =
        TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!

    /// 08:30–12:00 and 14:30–17:30, the common office hours of district governments.
    public static let standardPeriods: [WorkPeriod] = [
        WorkPeriod(startMinute: 8 * 60 + 30, endMinute: 12 * 60)!,
        WorkPeriod(startMinute: 14 * 60 + 30, endMinute: 17 * 60 + 30)!,
    ]

    /// Monday to Friday with `standardPeriods`; Saturday and Sunday off.
    public static let standardWeeklyPeriods: [Weekday: [WorkPeriod]] = Dictionary(
        uniqueKeysWithValues: Weekday.allCases.map { ($0, $0 < .saturday ? standardPeriods : []) }
    )

    /// Standard weekly periods in China Standard Time, without holidays.
    public init() {
        self.init(
            unchecked: Self.chinaStandardTime, weeklyPeriods: Self.standardWeeklyPeriods,
            makeUpWorkdayPeriods: nil, holidays: [:], makeUpWorkdays: [:]
        )
    }

    /// A calendar from its parts.
    ///
    /// A weekday missing from `weeklyPeriods` is a rest day. Names are trimmed of
    /// surrounding white space.
    /// - Throws: `WorkCalendarError.inconsistentData` when a day's periods overlap, a date
    ///   is both a holiday and a make-up workday, make-up workdays would have no periods,
    ///   or a name holds `#` or a line break (the text format could not write it back).
    public init(
        timeZone: TimeZone = WorkCalendar.chinaStandardTime,
        weeklyPeriods: [Weekday: [WorkPeriod]],
        makeUpWorkdayPeriods: [WorkPeriod]? = nil,
        holidays: [LocalDate: String] = [:],
        makeUpWorkdays: [LocalDate: String] = [:]
    ) throws(WorkCalendarError) {
        for (day, periods) in weeklyPeriods {
            if let clash = Self.firstOverlap(in: periods) {
                throw .inconsistentData(reason: "\(day.abbreviation): \(clash.0) overlaps \(clash.1)")
            }
        }
        if let periods = makeUpWorkdayPeriods, let clash = Self.firstOverlap(in: periods) {
            throw .inconsistentData(reason: "make-up workday: \(clash.0) overlaps \(clash.1)")
        }
        if !makeUpWorkdays.isEmpty, (makeUpWorkdayPeriods ?? weeklyPeriods[.monday] ?? []).isEmpty {
            throw .inconsistentData(reason: "make-up workdays are given but have no working periods")
        }
        if let date = holidays.keys.filter({ makeUpWorkdays[$0] != nil }).min() {
            throw .inconsistentData(reason: "\(date) is both a holiday and a make-up workday")
        }
        for name in Array(holidays.values) + Array(makeUpWorkdays.values)
        where name.contains("#") || name.contains(where: \.isNewline) {
            throw .inconsistentData(reason: "the name “\(name)” holds # or a line break")
        }
        self.init(
            unchecked: timeZone, weeklyPeriods: weeklyPeriods, makeUpWorkdayPeriods: makeUpWorkdayPeriods,
            holidays: holidays, makeUpWorkdays: makeUpWorkdays
        )
    }

    /// Normalises without validating; for callers that have validated already.
    init(
        unchecked timeZone: TimeZone,
        weeklyPeriods: [Weekday: [WorkPeriod]],
        makeUpWorkdayPeriods: [WorkPeriod]?,
        holidays: [LocalDate: String],
        makeUpWorkdays: [LocalDate: String]
    ) {
        self.timeZone = timeZone
        self.weeklyPeriods = Dictionary(
            uniqueKeysWithValues: Weekday.allCases.map { ($0, (weeklyPeriods[$0] ?? []).sorted()) }
        )
        self.makeUpWorkdayPeriods = makeUpWorkdayPeriods?.sorted()
        self.holidays = holidays.mapValues { $0.trimmingCharacters(in: .whitespaces) }
        self.makeUpWorkdays = makeUpWorkdays.mapValues { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// The working periods of `date`: none on a holiday or rest day.
    public func periods(on date: LocalDate) -> [WorkPeriod] {
        if makeUpWorkdays[date] != nil { return makeUpWorkdayPeriods ?? weeklyPeriods[.monday] ?? [] }
        if holidays[date] != nil { return [] }
        return weeklyPeriods[date.weekday] ?? []
    }

    /// True when `date` has working periods.
    public func isWorkday(_ date: LocalDate) -> Bool {
        !periods(on: date).isEmpty
    }

    /// True when `instant` falls inside a working period (start included, end excluded).
    public func isWorkingTime(_ instant: Date) -> Bool {
        let (day, second) = localDayAndSecond(of: instant)
        return periods(on: LocalDate(dayNumber: day)).contains {
            Double($0.startMinute * 60) <= second && second < Double($0.endMinute * 60)
        }
    }

    /// The date of `instant` in the calendar's time zone.
    public func localDate(of instant: Date) -> LocalDate {
        LocalDate(dayNumber: localDayAndSecond(of: instant).day)
    }

    private static func firstOverlap(in periods: [WorkPeriod]) -> (WorkPeriod, WorkPeriod)? {
        let sorted = periods.sorted()
        return zip(sorted, sorted.dropFirst()).first { $0.overlaps($1) }
    }
}

extension WorkCalendar {
    /// The local day number (see `LocalDate.dayNumber`) and seconds since local midnight.
    func localDayAndSecond(of instant: Date) -> (day: Int, second: Double) {
        let local = instant.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: instant))
        let day = Int((local / 86_400).rounded(.down))
        return (day, local - Double(day) * 86_400)
    }

    /// The instant at `minute` after midnight of local day `day`.
    func instant(day: Int, minute: Int) -> Date {
        let local = Double(day * 86_400 + minute * 60)
        // The offset is looked up twice so that a zone with daylight saving finds the
        // offset in force at the result, not at the naive guess.
        let guess = local - Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: local)))
        return Date(timeIntervalSince1970: local - Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: guess))))
    }

    /// The working periods of local day `day`, as instants, in order.
    func workingIntervals(day: Int) -> [DateInterval] {
        periods(on: LocalDate(dayNumber: day)).map {
            DateInterval(start: instant(day: day, minute: $0.startMinute), end: instant(day: day, minute: $0.endMinute))
        }
    }
}
