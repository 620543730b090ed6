import Foundation

/// Reading and writing instants as ISO 8601 with an explicit offset
/// (2026-09-30T16:00:00+08:00), the form every Xiuhua interface uses.
public enum ISO8601Instant {
    /// Parses an instant with a `Z` or `±hh:mm` offset, with or without fractional seconds.
    /// A local time without an offset is refused: it would be ambiguous.
    public static func parse(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }

    /// Formats `date` as local time in `timeZone` with its offset, to the second.
    public static func format(_ date: Date, in timeZone: TimeZone) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = timeZone
        return formatter.string(from: date)
    }
}
