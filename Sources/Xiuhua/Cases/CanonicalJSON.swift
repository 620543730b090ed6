import Foundation

/// The one JSON encoding of case records: sorted keys, dates as whole epoch milliseconds.
///
/// Sorted keys and integer dates make the bytes a function of the value alone, so a hash
/// over them is stable across processes and platforms.
public enum CanonicalJSON {
    /// Encodes `value` canonically.
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        Data(try bytes(value))
    }

    /// Encodes `value` canonically, as text.
    public static func string<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try bytes(value), as: UTF8.self)
    }

    /// The canonical bytes: `CanonicalJSONWriter`'s, which are Foundation's bytes at a
    /// fraction of the cost; Foundation's own for the few values the writer leaves to it.
    public static func bytes<T: Encodable>(_ value: T) throws -> [UInt8] {
        do {
            return try CanonicalJSONWriter.encode(value)
        } catch is CanonicalJSONWriter.Unsupported {
            return Array(try foundationEncode(value))
        }
    }

    /// The reference encoding, with Foundation's `JSONEncoder`.
    static func foundationEncode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.epochMilliseconds)
        }
        return try encoder.encode(value)
    }

    /// Decodes a value written by `encode`.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            return Date(epochMilliseconds: try container.decode(Int64.self))
        }
        return try decoder.decode(type, from: data)
    }
}

extension Date {
    /// Whole milliseconds since 1970, the resolution events are recorded at.
    var epochMilliseconds: Int64 {
        Int64((timeIntervalSince1970 * 1000).rounded())
    }

    /// The instant `milliseconds` after 1970.
    init(epochMilliseconds milliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// This instant rounded to the millisecond, so that an event read back from JSON
    /// equals the event that was written.
    var wholeMilliseconds: Date { Date(epochMilliseconds: epochMilliseconds) }
}
