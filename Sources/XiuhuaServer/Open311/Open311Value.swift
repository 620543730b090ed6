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

    var json: String {
        var out = ""
        writeJSON(into: &out)
        return out
    }

    private func writeJSON(into out: inout String) {
        switch self {
        case .object(let fields):
            out += "{"
            for (index, (key, value)) in fields.enumerated() {
                if index > 0 { out += "," }
                Self.writeJSONString(key, into: &out)
                out += ":"
                value.writeJSON(into: &out)
            }
            out += "}"
        case .list(_, let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.writeJSON(into: &out)
            }
            out += "]"
        case .string(let text): Self.writeJSONString(text, into: &out)
        case .number(let number): out += number.isFinite ? "\(number)" : "null"
        case .integer(let number): out += String(number)
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        }
    }

    /// Non-ASCII text is written as UTF-8, not escaped, so Chinese reads as Chinese.
    private static func writeJSONString(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    // MARK: XML

    /// The document with `root` as its root element.
    func xml(root: String) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
        writeXML(name: root, into: &out)
        return out
    }

    private func writeXML(name: String, into out: inout String) {
        switch self {
        case .null:
            out += "<\(name)/>"
        case .object(let fields):
            out += "<\(name)>"
            for (key, value) in fields { value.writeXML(name: key, into: &out) }
            out += "</\(name)>"
        case .list(let item, let items):
            out += "<\(name)>"
            for value in items { value.writeXML(name: item, into: &out) }
            out += "</\(name)>"
        default:
            out += "<\(name)>"
            Self.writeXMLText(scalarText, into: &out)
            out += "</\(name)>"
        }
    }

    private var scalarText: String {
        switch self {
        case .string(let text): text
        case .number(let number): "\(number)"
        case .integer(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        default: ""
        }
    }

    /// Escapes markup; a character XML 1.0 cannot carry becomes U+FFFD.
    private static func writeXMLText(_ text: String, into out: inout String) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "&#13;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
    }
}
