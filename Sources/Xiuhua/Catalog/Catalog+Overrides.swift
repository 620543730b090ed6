extension Catalog {
    /// Returns this catalog with an administrator's overrides applied.
    ///
    /// The overrides text has one instruction a line; blank lines and lines starting with
    /// `#` are skipped. A line changes a category:
    ///
    /// ```
    /// 06010 limit=4h urgency=紧急 owner=dept:huanwei command=shirong
    /// 部件:01037 owner=street
    /// ```
    ///
    /// The target is a 事项 code (`06010`, or `事项:06010`) or a 部件 code written `部件:01037`.
    /// A bare code means the 事项 because cases are filed under 事项. The fields are
    /// `limit` (`120m`, `2nh`, `4h`, `2d`), `urgency` (`紧急`/`一般`), `owner`
    /// (`dept:<code>`/`street`), `command`, `filing` and `closing`. A value with spaces is
    /// written in double quotes: `filing="积水 深度超过 5 厘米"`.
    ///
    /// A line starting with `add`, a kind and a new code adds a local extension:
    ///
    /// ```
    /// add 事项 06902 name=夜间施工噪声 limit=4h owner=dept:zhujian command=shengtai filing=… closing=…
    /// ```
    ///
    /// It needs `name`, `limit`, `owner`, `command`, `filing` and `closing`; `urgency`
    /// defaults to 一般; `class` names the big class and is needed only for a big class the
    /// kind does not have yet. Lines apply in order, so a later line wins.
    ///
    /// - Throws: `CatalogError` naming the line, and the field when one is at fault.
    public func applying(overridesText text: String) throws(CatalogError) -> Catalog {
        var entries = categories.map { (line: 0, category: $0) }
        var positions: [CategoryKind: [String: Int]] = [:]
        for (index, category) in categories.enumerated() {
            positions[category.kind, default: [:]][category.code] = index
        }
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for (index, rawLine) in lines.enumerated() {
            let line = index + 1
            guard !rawLine.drop(while: \.isWhitespace).hasPrefix("#") else { continue }
            var tokens = try OverrideLineTokens(rawLine, line: line).tokens
            guard let first = tokens.first else { continue }
            let read = CatalogValueReader(line: line)
            if first == "add" {
                guard tokens.count >= 3 else {
                    throw CatalogError(line: line, problem: .invalidValue(String(rawLine), expected: "add, a kind, a code and fields"))
                }
                let kind = try read.kind(tokens[1], column: "kind")
                let code = try read.code(tokens[2], column: "code")
                guard positions[kind]?[code] == nil else {
                    throw CatalogError(line: line, column: "code", problem: .duplicateCategory(kind, code))
                }
                let fields = try OverrideFields(tokens.dropFirst(3), line: line, allowingAddFields: true)
                let category = try fields.newCategory(kind: kind, code: code, existing: entries.map(\.category))
                positions[kind, default: [:]][code] = entries.count
                entries.append((line, category))
            } else {
                tokens.removeFirst()
                let (kind, code) = try Self.target(first, line: line)
                guard let position = positions[kind]?[code] else {
                    throw CatalogError(line: line, problem: .unknownCategory(first))
                }
                let fields = try OverrideFields(tokens[...], line: line, allowingAddFields: false)
                entries[position].category = try fields.applied(to: entries[position].category)
            }
        }
        return try Catalog(numberedCategories: entries)
    }

    private static func target(_ token: String, line: Int) throws(CatalogError) -> (CategoryKind, String) {
        let read = CatalogValueReader(line: line)
        let parts = token.split(separator: ":", maxSplits: 1).map(String.init)
        if parts.count == 2 {
            return (try read.kind(parts[0], column: "kind"), try read.code(parts[1], column: "code"))
        }
        return (.matter, try read.code(token, column: "code"))
    }
}
