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
        for pair in encoded.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            add(key, value)
        }
    }

    mutating func add(_ key: String, _ value: String) {
        guard !value.isEmpty else { return }
        if key.hasPrefix("attribute["), let close = key.firstIndex(of: "]") {
            let code = String(key[key.index(key.startIndex, offsetBy: "attribute[".count)..<close])
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
    static func decode(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var input = text.utf8.makeIterator()
        while let byte = input.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = input.next().flatMap(hexValue), let low = input.next().flatMap(hexValue) else {
                    return String(text).replacingOccurrences(of: "+", with: " ")
                }
                bytes.append(high << 4 | low)
            default: bytes.append(byte)
            }
        }
        // Escapes that do not spell UTF-8 are not decoded, as `removingPercentEncoding` does.
        return String(validating: bytes, as: UTF8.self) ?? String(text).replacingOccurrences(of: "+", with: " ")
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
