/// How long a stage of a case may take.
///
/// Disposal limits in the catalog are counted in working time (工作时/工作日) on the work
/// calendar; the short intake stages (accept, dispatch) and emergencies are counted in
/// natural minutes or hours, because the command centre is staffed around the clock.
public enum TimeLimit: Hashable, Sendable, Codable {
    case minutes(Int)
    case hours(Int)
    case workingHours(Int)
    case workingDays(Int)

    /// The amount, whatever the unit.
    public var amount: Int {
        switch self {
        case .minutes(let n), .hours(let n), .workingHours(let n), .workingDays(let n): n
        }
    }

    /// True when the limit is counted on the work calendar rather than the wall clock.
    public var isWorkingTime: Bool {
        switch self {
        case .minutes, .hours: false
        case .workingHours, .workingDays: true
        }
    }
}

extension TimeLimit {
    /// The limit as people say it: 4工作时, 2工作日, 120分钟, 2小时.
    public var chineseText: String {
        switch self {
        case .minutes(let n): "\(n)分钟"
        case .hours(let n): "\(n)小时"
        case .workingHours(let n): "\(n)工作时"
        case .workingDays(let n): "\(n)工作日"
        }
    }
}
