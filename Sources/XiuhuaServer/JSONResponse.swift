import Foundation
import Hummingbird
import Xiuhua

/// A Codable value as a JSON response with our encoder settings: snake_case keys, and
/// instants as ISO 8601 with the district's offset (2026-11-30T08:44:17+08:00).
func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok, timeZone: TimeZone = WorkCalendar.chinaStandardTime) throws -> Response {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.dateEncodingStrategy = .custom { date, encoder in
        var container = encoder.singleValueContainer()
        try container.encode(ISO8601Instant.format(date, in: timeZone))
    }
    return Response(
        status: status,
        headers: [.contentType: "application/json; charset=utf-8"],
        body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value)))
    )
}
