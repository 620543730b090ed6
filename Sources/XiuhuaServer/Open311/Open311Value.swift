import Foundation

/// A GeoReport v2 response before it is written, so one value gives both formats: JSON
/// (lists are top-level arrays, the "Spark convention") and XML (a list is an element
/// holding one element per item, named as the spec names them).
indirect enum Open311Value {
    case object([(String, Open311Value)])
    /// Items and the element name each has in XML (`service`, `request`, `attribute` …).
    case list(item: String, [Open311Value])
    case string(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case null

    static func text(_ value: String?) -> Open311Value { value.map(Open311Value.string) ?? .null }

    // MARK: JSON

    /// The JSON text as UTF-8 bytes. Written straight into a byte buffer: a list of a
    /// thousand requests is a few hundred kilobytes.
    var json: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4_096)
        writeJSON(into: &out)
        return out
    }

    private func writeJSON(into out: inout [UInt8]) {
        switch self {
        case .object(let fields):
            out.append(UInt8(ascii: "{"))
            for (index, (key, value)) in fields.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.writeJSONString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                value.writeJSON(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        case .list(_, let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                item.writeJSON(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .string(let text): Self.writeJSONString(text, into: &out)
        case .number(let number): out.append(contentsOf: (number.isFinite ? "\(number)" : "null").utf8)
        case .integer(let number): out.append(contentsOf: String(number).utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// Non-ASCII text is written as UTF-8, not escaped, so Chinese reads as Chinese;
    /// U+2028 and U+2029 are escaped for JavaScript's sake.
    private static func writeJSONString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var utf8 = text.utf8.makeIterator()
        var pending: [UInt8] = []
        while let byte = utf8.next() {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                out.append(contentsOf: Array("\\u00".utf8))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            case 0xE2:
                // U+2028/U+2029 are E2 80 A8 / E2 80 A9.
                pending = [byte]
                if let second = utf8.next() {
                    pending.append(second)
                    if let third = utf8.next() {
                        if second == 0x80, third == 0xA8 || third == 0xA9 {
                            out.append(contentsOf: Array((third == 0xA8 ? "\\u2028" : "\\u2029").utf8))
                            continue
                        }
                        pending.append(third)
                    }
                }
                out.append(contentsOf: pending)
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    // MARK: XML

    /// The document with `root` as its root element, as UTF-8 bytes.
    func xml(root: String) -> [UInt8] {
        var out = Array(#"<?xml version="1.0" encoding="utf-8"?>"#.utf8)
        out.reserveCapacity(4_096)
        writeXML(name: root, into: &out)
        return out
    }

    private func writeXML(name: String, into out: inout [UInt8]) {
        func open() { out.append(UInt8(ascii: "<")); out.append(contentsOf: name.utf8); out.append(UInt8(ascii: ">")) }
        func close() { out.append(contentsOf: [UInt8(ascii: "<"), UInt8(ascii: "/")]); out.append(contentsOf: name.utf8); out.append(UInt8(ascii: ">")) }
        switch self {
        case .null:
            out.append(UInt8(ascii: "<"))
            out.append(contentsOf: name.utf8)
            out.append(contentsOf: [UInt8(ascii: "/"), UInt8(ascii: ">")])
        case .object(let fields):
            open()
            for (key, value) in fields { value.writeXML(name: key, into: &out) }
            close()
        case .list(let item, let items):
            open()
            for value in items { value.writeXML(name: item, into: &out) }
            close()
        case .string(let text):
            open()
            Self.writeXMLText(text, into: &out)
            close()
        case .number(let number):
            open(); out.append(contentsOf: "\(number)".utf8); close()
        case .integer(let number):
            open(); out.append(contentsOf: String(number).utf8); close()
        case .bool(let flag):
            open(); out.append(contentsOf: (flag ? "true" : "false").utf8); close()
        }
    }

    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Escapes markup; a character XML 1.0 cannot carry (C0 controls but tab and line
    /// feed, U+FFFE, U+FFFF) becomes U+FFFD, and a carriage return is kept as `&#13;`.
    private static func writeXMLText(_ text: String, into out: inout [UInt8]) {
        var utf8 = text.utf8.makeIterator()
        while let byte = utf8.next() {
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\r"): out.append(contentsOf: "&#13;".utf8)
            case UInt8(ascii: "\t"), UInt8(ascii: "\n"): out.append(byte)
            case 0..<0x20: out.append(contentsOf: replacement)
            case 0xEF:
                var sequence: [UInt8] = [byte]
                if let second = utf8.next() {
                    sequence.append(second)
                    if let third = utf8.next() { sequence.append(third) }
                }
                out.append(contentsOf: sequence == [0xEF, 0xBF, 0xBE] || sequence == [0xEF, 0xBF, 0xBF] ? replacement : sequence)
            default: out.append(byte)
            }
        }
    }
}
