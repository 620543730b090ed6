/// One stretch of working time within a day, such as 08:30–12:00, to the minute.
///
/// The period is half-open: 12:00 is already outside 08:30–12:00. The end may be 24:00
/// for a period that runs to midnight.
public struct WorkPeriod: Hashable, Comparable, Sendable {
    /// Minutes after midnight at which work starts.
    public let startMinute: Int
    /// Minutes after midnight at which work stops.
    public let endMinute: Int

    /// The period, or nil unless `0 <= startMinute < endMinute <= 24 * 60`.
    public init?(startMinute: Int, endMinute: Int) {
        guard startMinute >= 0, startMinute < endMinute, endMinute <= 24 * 60 else { return nil }
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    /// Parses `HH:MM-HH:MM`, such as `08:30-12:00`.
    public init(_ text: String) throws(FormatError) {
        let ends = text.split(separator: "-", omittingEmptySubsequences: false)
        guard ends.count == 2, let start = Self.minute(of: ends[0]), let end = Self.minute(of: ends[1]) else {
            throw FormatError(text: text, reason: "expected HH:MM-HH:MM, such as 08:30-12:00")
        }
        guard start < end else {
            throw FormatError(text: text, reason: "end \(ends[1]) is not after start \(ends[0])")
        }
        self.startMinute = start
        self.endMinute = end
    }

    /// Length in seconds.
    public var duration: Int { (endMinute - startMinute) * 60 }

    /// True when the two periods share some time; touching ends do not overlap.
    public func overlaps(_ other: WorkPeriod) -> Bool {
        startMinute < other.endMinute && other.startMinute < endMinute
    }

    public static func < (lhs: WorkPeriod, rhs: WorkPeriod) -> Bool {
        (lhs.startMinute, lhs.endMinute) < (rhs.startMinute, rhs.endMinute)
    }

    /// Why a text is not a working period.
    public struct FormatError: Error, Hashable, Sendable, CustomStringConvertible {
        public let text: String
        public let reason: String

        public var description: String { "“\(text)” is not a working period: \(reason)" }
    }

    private static func minute(of text: Substring) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              let hour = Int(parts[0]), let minute = Int(parts[1]),
              parts.allSatisfy({ $0.allSatisfy { ("0"..."9").contains($0) } }),
              (0...59).contains(minute), (0...23).contains(hour) || (hour == 24 && minute == 0)
        else { return nil }
        return hour * 60 + minute
    }
}

extension WorkPeriod: CustomStringConvertible {
    /// `HH:MM-HH:MM`.
    public var description: String { "\(Self.clock(startMinute))-\(Self.clock(endMinute))" }

    private static func clock(_ minute: Int) -> String {
        let h = minute / 60, m = minute % 60
        return (h < 10 ? "0\(h)" : "\(h)") + ":" + (m < 10 ? "0\(m)" : "\(m)")
    }
}

extension WorkPeriod: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try WorkPeriod(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
