import Foundation
import Testing
@testable import Xiuhua

/// Instants in the tests are written as ISO 8601 with the +08:00 offset, as a user reads them.
func instant(_ text: String) throws -> Date {
    try #require(ISO8601Instant.parse(text), "bad test instant \(text)")
}

/// The reason of a calendar file error, with its line number.
func calendarFileError(_ text: String) -> (line: Int, reason: String)? {
    do {
        _ = try WorkCalendar(parsing: text)
        return nil
    } catch {
        guard case .invalidLine(let number, let reason) = error else { return nil }
        return (number, reason)
    }
}
