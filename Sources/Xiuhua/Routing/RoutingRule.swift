/// One routing rule: which cases it matches (category code prefix × region × time of day
/// and week) and where they go. Rules are tried in order; the first match wins.
public struct RoutingRule: Hashable, Sendable, Codable {
    /// Where a matched case goes.
    public enum Target: Hashable, Sendable, Codable {
        /// A named department or street.
        case owner(CaseOwner)
        /// The street the case lies in (属地).
        case territorialStreet
    }

    /// Matches categories whose code starts with it; empty matches every category.
    public var categoryPrefix: String
    /// A street, community or grid code; matches cases located in it. Nil: everywhere.
    public var regionCode: String?
    /// Local time window, minutes after midnight, start included and end excluded; it
    /// wraps past midnight when start > end (22:00–06:00). Nil: all day.
    public var window: TimeWindow?
    /// Days of the week; empty: every day.
    public var weekdays: Set<Weekday>
    public var target: Target
    /// Sub-command (分指挥部) to record instead of the category's.
    public var subCommandCode: String?

    public init(
        categoryPrefix: String = "", regionCode: String? = nil, window: TimeWindow? = nil,
        weekdays: Set<Weekday> = [], target: Target, subCommandCode: String? = nil
    ) {
        self.categoryPrefix = categoryPrefix
        self.regionCode = regionCode
        self.window = window
        self.weekdays = weekdays
        self.target = target
        self.subCommandCode = subCommandCode
    }

    /// True when a case of `categoryCode` at `location`, reported on `weekday` at
    /// `minute` after local midnight, falls under this rule.
    /// A daily window of local time.
    public struct TimeWindow: Hashable, Sendable, Codable {
        public var start: Int
        public var end: Int

        public init(start: Int, end: Int) {
            self.start = start
            self.end = end
        }

        public func contains(_ minute: Int) -> Bool {
            start <= end ? minute >= start && minute < end : minute >= start || minute < end
        }
    }

    public func matches(categoryCode: String, location: CaseLocation, weekday: Weekday, minute: Int) -> Bool {
        guard categoryCode.hasPrefix(categoryPrefix) else { return false }
        if let regionCode {
            // Region codes nest (street ⊂ community ⊂ grid by prefix), so the most
            // precise code known of the case decides.
            let place = location.gridCode ?? location.communityCode ?? location.streetCode ?? ""
            guard place.hasPrefix(regionCode) else { return false }
        }
        if !weekdays.isEmpty, !weekdays.contains(weekday) { return false }
        if let window, !window.contains(minute) { return false }
        return true
    }
}
