/// Comma-separated text as records of fields (RFC 4180): fields may be quoted, a quoted
/// field may hold commas, line breaks and doubled quotes. Spreadsheets save CSV this way.
public struct CSVTable: Hashable, Sendable {
    public struct Record: Hashable, Sendable {
        /// The line of the file the record starts on, counting from 1.
        public let line: Int
        public let fields: [String]
    }

    public let records: [Record]

    public enum Problem: Error, Hashable, Sendable {
        case unterminatedQuote(line: Int)
        case textAfterQuote(line: Int)

        public var message: String {
            switch self {
            case .unterminatedQuote(let line): "第 \(line) 行的引号没有闭合 (unterminated quote starting on line \(line))"
            case .textAfterQuote(let line): "第 \(line) 行引号后有多余文字 (text after a closing quote on line \(line))"
            }
        }
    }

    /// Reads `text`; a byte-order mark, CRLF line ends and blank lines are fine.
    public init(parsing text: String) throws(Problem) {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var recordLine = 1
        var quoted = false
        var afterQuote = false
        var characters = Array(text)
        if characters.first == "\u{FEFF}" { characters.removeFirst() }
        var index = 0
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields = []
            field = ""
            afterQuote = false
        }
        while index < characters.count {
            let character = characters[index]
            index += 1
            if quoted {
                if character == "\"" {
                    if index < characters.count, characters[index] == "\"" {
                        field.append("\"")
                        index += 1
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty && !afterQuote:
                quoted = true
            case ",":
                fields.append(field)
                field = ""
                afterQuote = false
            case "\n", "\r\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            default:
                if afterQuote { throw .textAfterQuote(line: line) }
                field.append(character)
            }
        }
        if quoted { throw .unterminatedQuote(line: recordLine) }
        endRecord()
        self.records = records
    }
}
