import Foundation

/// The fields of an `application/x-www-form-urlencoded` body (or a query string), with
/// repeated keys kept in order and Open311's bracket keys read: `attribute[CODE]=v` and,
/// for multi-value lists, `attribute[CODE][]=v1&attribute[CODE][]=v2`. An empty value is
/// treated as absent, as the spec asks.
struct Open311Form {
    private(set) var fields: [String: [String]] = [:]
    /// Answers by attribute code.
    private(set) var attributes: [String: [String]] = [:]

    init(_ encoded: String) {
        // One pass over the bytes: splitting the text by characters (grapheme breaking,
        // index checks) was most of the cost of reading a report.
        let bytes = Array(encoded.utf8)
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "&")) ?? bytes.count
            if end > start {
                let pair = bytes[start..<end]
                if let equals = pair.firstIndex(of: UInt8(ascii: "=")) {
                    add(Self.decode(pair[..<equals]), Self.decode(pair[(equals + 1)...]))
                } else {
                    add(Self.decode(pair), "")
                }
            }
            start = end + 1
        }
    }

    private static let attributePrefix = Array("attribute[".utf8)

    mutating func add(_ key: String, _ value: String) {
        guard !value.isEmpty else { return }
        let utf8 = key.utf8
        if utf8.starts(with: Self.attributePrefix), let close = utf8.firstIndex(of: UInt8(ascii: "]")) {
            let code = String(decoding: utf8[utf8.index(utf8.startIndex, offsetBy: Self.attributePrefix.count)..<close], as: UTF8.self)
            attributes[code, default: []].append(value)
        } else {
            fields[key, default: []].append(value)
        }
    }

    /// The last value given for `key`.
    subscript(key: String) -> String? { fields[key]?.last }

    func all(_ key: String) -> [String] { (fields[key] ?? []) + (fields[key + "[]"] ?? []) }

    /// `+` is a space, then percent-decoding; undecodable text is kept as it came.
    /// Works on the bytes: Foundation's replacing and percent-decoding were a tenth of the
    /// time of a POST.
    static func decode(_ text: ArraySlice<UInt8>) -> String {
        // Plain text (no escapes, no `+`) is taken as it is.
        guard text.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "%") }) else {
            return String(decoding: text, as: UTF8.self)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count)
        var input = text.makeIterator()
        while let byte = input.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = input.next().flatMap(hexValue), let low = input.next().flatMap(hexValue) else {
                    return undecoded(text)
                }
                bytes.append(high << 4 | low)
            default: bytes.append(byte)
            }
        }
        // Escapes that do not spell UTF-8 are not decoded, as `removingPercentEncoding` does.
        return String(validating: bytes, as: UTF8.self) ?? undecoded(text)
    }

    /// Text whose escapes are broken: kept as it came, `+` still a space.
    private static func undecoded(_ text: ArraySlice<UInt8>) -> String {
        String(decoding: text.map { $0 == UInt8(ascii: "+") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
