/// Why a work calendar could not be built, or a limit cannot be counted on it.
///
/// `description` is a complete sentence fit to show to the administrator or CLI user.
public enum WorkCalendarError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A line of a calendar file is wrong; lines count from 1.
    case invalidLine(number: Int, reason: String)
    /// Calendar data built in code contradicts itself.
    case inconsistentData(reason: String)
    /// The limit's amount is below zero.
    case negativeLimit(TimeLimit)
    /// The limit's amount is above `WorkCalendar.maximumLimitAmount`.
    case limitTooLarge(TimeLimit)

    public var description: String {
        switch self {
        case .invalidLine(let number, let reason):
            "line \(number): \(reason)"
        case .inconsistentData(let reason):
            "inconsistent work calendar: \(reason)"
        case .negativeLimit(let limit):
            "time limit \(limit.amount) \(limit.unitName) is negative"
        case .limitTooLarge(let limit):
            "time limit \(limit.amount) \(limit.unitName) is larger than the maximum of \(WorkCalendar.maximumLimitAmount)"
        }
    }
}

private extension TimeLimit {
    var unitName: String {
        switch self {
        case .minutes: "minutes"
        case .hours: "hours"
        case .workingHours: "working hours"
        case .workingDays: "working days"
        }
    }
}
