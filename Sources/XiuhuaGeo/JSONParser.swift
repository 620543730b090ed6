/// A strict JSON parser over UTF-8 bytes, with one deliberate leniency.
///
/// It accepts the bare tokens `NaN`, `Infinity` and `-Infinity` (as written by Python's
/// `json.dumps` and some GIS exports) so the GeoJSON decoder can say which feature holds a
/// non-finite number, instead of rejecting the whole file as malformed.
struct JSONParser {
    /// Why the text is not JSON, with a line and column for the person fixing the file.
    struct Failure: Error {
        let message: String
    }

    private let bytes: [UInt8]
    private var position = 0
    private var depth = 0
    private static let maximumDepth = 512

    static func parse(_ bytes: [UInt8]) throws(Failure) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        parser.skipWhitespace()
        let value = try parser.parseValue()
        parser.skipWhitespace()
        if parser.position < bytes.count { throw parser.failure("unexpected text after the end of the document") }
        return value
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private mutating func parseValue() throws(Failure) -> JSONValue {
        guard position < bytes.count else { throw failure("unexpected end of input") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case UInt8(ascii: "N"): try expectWord("NaN"); return .number(.nan)
        case UInt8(ascii: "I"): try expectWord("Infinity"); return .number(.infinity)
        case UInt8(ascii: "-") where peek(1) == UInt8(ascii: "I"):
            position += 1
            try expectWord("Infinity")
            return .number(-.infinity)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw failure("unexpected character \(describe(bytes[position]))")
        }
    }

    private mutating func parseObject() throws(Failure) -> JSONValue {
        try enterNesting()
        position += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if peek(0) == UInt8(ascii: "}") {
            position += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard peek(0) == UInt8(ascii: "\"") else { throw failure("expected a quoted member name") }
            let key = try parseString()
            skipWhitespace()
            guard peek(0) == UInt8(ascii: ":") else { throw failure("expected ':' after member name \"\(key)\"") }
            position += 1
            skipWhitespace()
            members[key] = try parseValue()
            skipWhitespace()
            switch peek(0) {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"):
                position += 1
                depth -= 1
                return .object(members)
            default: throw failure("expected ',' or '}' in object")
            }
        }
    }

    private mutating func parseArray() throws(Failure) -> JSONValue {
        try enterNesting()
        position += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if peek(0) == UInt8(ascii: "]") {
            position += 1
            depth -= 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            items.append(try parseValue())
            skipWhitespace()
            switch peek(0) {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"):
                position += 1
                depth -= 1
                return .array(items)
            default: throw failure("expected ',' or ']' in array")
            }
        }
    }

    private mutating func parseString() throws(Failure) -> String {
        position += 1
        var scalars = String.UnicodeScalarView()
        var runStart = position
        // Copy unescaped runs in one go; only escapes go scalar by scalar.
        func flushRun(_ end: Int) throws(Failure) {
            guard runStart < end else { return }
            guard let run = String(validating: bytes[runStart..<end], as: UTF8.self) else {
                throw Failure(message: "malformed JSON: a string is not valid UTF-8")
            }
            scalars.append(contentsOf: run.unicodeScalars)
        }
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                try flushRun(position)
                position += 1
                return String(scalars)
            }
            if byte < 0x20 { throw failure("control character inside a string") }
            if byte == UInt8(ascii: "\\") {
                try flushRun(position)
                position += 1
                scalars.append(try parseEscape())
                runStart = position
            } else {
                position += 1
            }
        }
        throw failure("unterminated string")
    }

    private mutating func parseEscape() throws(Failure) -> Unicode.Scalar {
        guard let byte = peek(0) else { throw failure("unterminated escape") }
        position += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try parseHex4()
            if (0xD800..<0xDC00).contains(high) {
                guard peek(0) == UInt8(ascii: "\\"), peek(1) == UInt8(ascii: "u") else {
                    throw failure("unpaired surrogate in \\u escape")
                }
                position += 2
                let low = try parseHex4()
                guard (0xDC00..<0xE000).contains(low) else { throw failure("unpaired surrogate in \\u escape") }
                return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
            }
            guard let scalar = Unicode.Scalar(high) else { throw failure("unpaired surrogate in \\u escape") }
            return scalar
        default: throw failure("unknown escape \\\(describe(byte))")
        }
    }

    private mutating func parseHex4() throws(Failure) -> UInt32 {
        guard position + 4 <= bytes.count else { throw failure("truncated \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = hexValue(bytes[position]) else { throw failure("bad hex digit in \\u escape") }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    private mutating func parseNumber() throws(Failure) -> Double {
        let start = position
        if peek(0) == UInt8(ascii: "-") { position += 1 }
        guard let first = peek(0), isDigit(first) else { throw failure("expected a digit") }
        if first == UInt8(ascii: "0") {
            position += 1
            if let next = peek(0), isDigit(next) { throw failure("numbers may not have leading zeros") }
        } else {
            skipDigits()
        }
        if peek(0) == UInt8(ascii: ".") {
            position += 1
            guard let next = peek(0), isDigit(next) else { throw failure("expected a digit after '.'") }
            skipDigits()
        }
        if peek(0) == UInt8(ascii: "e") || peek(0) == UInt8(ascii: "E") {
            position += 1
            if peek(0) == UInt8(ascii: "+") || peek(0) == UInt8(ascii: "-") { position += 1 }
            guard let next = peek(0), isDigit(next) else { throw failure("expected a digit in exponent") }
            skipDigits()
        }
        // Grammar checked above, so this only fails on overflow, which Double reads as ±infinity.
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        guard let value = Double(text) else { throw failure("unreadable number \(text)") }
        return value
    }

    private mutating func enterNesting() throws(Failure) {
        depth += 1
        if depth > Self.maximumDepth { throw failure("nested more than \(Self.maximumDepth) levels deep") }
    }

    private mutating func expectWord(_ word: String) throws(Failure) {
        let expected = Array(word.utf8)
        let end = position + expected.count
        guard end <= bytes.count, bytes[position..<end].elementsEqual(expected) else {
            throw failure("unexpected word (expected \(word))")
        }
        position = end
    }

    private mutating func skipWhitespace() {
        while let byte = peek(0),
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
                || byte == UInt8(ascii: "\t")
        {
            position += 1
        }
    }

    private mutating func skipDigits() {
        while let byte = peek(0), isDigit(byte) { position += 1 }
    }

    private func peek(_ offset: Int) -> UInt8? {
        position + offset < bytes.count ? bytes[position + offset] : nil
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private func describe(_ byte: UInt8) -> String {
        (0x21..<0x7F).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
    }

    private func failure(_ message: String) -> Failure {
        var line = 1, column = 1
        for byte in bytes[..<min(position, bytes.count)] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return Failure(message: "malformed JSON at line \(line), column \(column): \(message)")
    }
}
