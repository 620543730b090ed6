extension TimeLimit {
    /// Reads the catalog notation of a limit: a positive whole number and a unit —
    /// `120m` natural minutes, `2nh` natural hours, `4h` working hours, `2d` working days.
    ///
    /// The bare `h` means working hours because nearly every disposal limit is counted in
    /// working time; the rarer natural hours get the longer spelling.
    public init?(catalogNotation text: String) {
        let units: [(suffix: String, make: (Int) -> TimeLimit)] = [
            ("nh", TimeLimit.hours), ("m", TimeLimit.minutes),
            ("h", TimeLimit.workingHours), ("d", TimeLimit.workingDays),
        ]
        guard let unit = units.first(where: { text.hasSuffix($0.suffix) }) else { return nil }
        let digits = text.dropLast(unit.suffix.count)
        guard !digits.isEmpty, digits.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }),
              let amount = Int(digits), amount > 0
        else { return nil }
        self = unit.make(amount)
    }

    /// The catalog notation of this limit, e.g. `4h` or `120m`.
    public var catalogNotation: String {
        switch self {
        case .minutes(let n): "\(n)m"
        case .hours(let n): "\(n)nh"
        case .workingHours(let n): "\(n)h"
        case .workingDays(let n): "\(n)d"
        }
    }
}
