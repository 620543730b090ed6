import Foundation

extension Catalog {
    /// The columns of a catalog text, in order.
    static let tsvColumns = [
        "kind", "code", "big_class", "name", "limit", "urgency",
        "command", "owner", "filing", "closing", "legacy", "local",
    ]

    /// Parses a catalog text: tab-separated values, one category per line.
    ///
    /// Blank lines and lines starting with `#` are skipped. The first other line is the
    /// header and must name these columns in this order:
    ///
    /// | column | content | example |
    /// |---|---|---|
    /// | `kind` | `部件` or `事项` | `事项` |
    /// | `code` | five digits, unique per kind | `06010` |
    /// | `big_class` | big class name, the same for every code sharing the first two digits | `市容环境类` |
    /// | `name` | small class name | `暴露垃圾` |
    /// | `limit` | disposal limit: `120m` natural minutes, `2nh` natural hours, `4h` working hours, `2d` working days | `4h` |
    /// | `urgency` | `紧急` or `一般` | `一般` |
    /// | `command` | sub-command code | `shirong` |
    /// | `owner` | `dept:<department code>` or `street` (属地) | `dept:huanwei` |
    /// | `filing` | 立案条件 | `道路、公共场所有散落垃圾…` |
    /// | `closing` | 结案条件 | `暴露垃圾已彻底清理…` |
    /// | `legacy` | GB/T 30428.2-2013 code `NN-NN` of a 事项, or empty | `01-10` |
    /// | `local` | `1` for a local extension, `0` for the national catalog | `0` |
    ///
    /// Values cannot contain tabs or line breaks; there is no quoting.
    ///
    /// - Throws: `CatalogError` naming the line and column of the first fault.
    public init(parsingTSV text: String) throws(CatalogError) {
        var header: [String]?
        var rows: [(line: Int, category: Category)] = []
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for (index, rawLine) in lines.enumerated() {
            let line = index + 1
            if rawLine.allSatisfy(\.isWhitespace) || rawLine.hasPrefix("#") { continue }
            let fields = rawLine.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard header != nil else {
                try Self.checkHeader(fields, line: line)
                header = fields
                continue
            }
            rows.append((line, try Self.category(fromFields: fields, line: line)))
        }
        guard header != nil else { throw CatalogError(line: lines.count, problem: .missingHeader) }
        try self.init(numberedCategories: rows)
    }

    private static func checkHeader(_ fields: [String], line: Int) throws(CatalogError) {
        for (position, expected) in tsvColumns.enumerated() {
            let found = position < fields.count ? fields[position] : ""
            guard found == expected else {
                throw CatalogError(line: line, column: expected, problem: .unexpectedHeader(expected: expected, found: found))
            }
        }
        guard fields.count == tsvColumns.count else {
            throw CatalogError(line: line, problem: .wrongFieldCount(expected: tsvColumns.count, found: fields.count))
        }
    }

    private static func category(fromFields fields: [String], line: Int) throws(CatalogError) -> Category {
        guard fields.count == tsvColumns.count else {
            throw CatalogError(line: line, problem: .wrongFieldCount(expected: tsvColumns.count, found: fields.count))
        }
        let value = Dictionary(uniqueKeysWithValues: zip(tsvColumns, fields))
        let read = CatalogValueReader(line: line)
        let kind = try read.kind(value["kind"]!, column: "kind")
        let legacy = value["legacy"]!
        if !legacy.isEmpty, kind == .component {
            throw CatalogError(
                line: line, column: "legacy",
                problem: .invalidValue(legacy, expected: "empty for a 部件, whose legacy codes are not kept"))
        }
        return Category(
            kind: kind,
            code: try read.code(value["code"]!, column: "code"),
            bigClass: try read.text(value["big_class"]!, column: "big_class"),
            name: try read.text(value["name"]!, column: "name"),
            disposalLimit: try read.limit(value["limit"]!, column: "limit"),
            urgency: try read.urgency(value["urgency"]!, column: "urgency"),
            commandCode: try read.command(value["command"]!, column: "command"),
            owner: try read.owner(value["owner"]!, column: "owner"),
            filingCondition: try read.text(value["filing"]!, column: "filing"),
            closingCondition: try read.text(value["closing"]!, column: "closing"),
            legacyCode: legacy.isEmpty ? nil : try read.legacyCode(legacy, column: "legacy"),
            isLocalExtension: try read.flag(value["local"]!, column: "local"))
    }
}
