import Foundation

/// Any bytes as a work-calendar file: it reads or is refused with a `WorkCalendarError`,
/// and a calendar that reads writes back to text that reads to an equal calendar.
@_cdecl("LLVMFuzzerTestOneInput")
public func calendarFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let calendar = try? WorkCalendar(parsing: text) else { return 0 }
    let again: WorkCalendar
    do {
        again = try WorkCalendar(parsing: calendar.serialized())
    } catch {
        preconditionFailure("a calendar's own text is refused: \(error)\n\(calendar.serialized())")
    }
    precondition(again == calendar, "a calendar does not read back from its own text:\n\(calendar.serialized())")
    return 0
}
