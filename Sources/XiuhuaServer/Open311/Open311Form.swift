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
    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
