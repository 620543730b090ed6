/// The `field=value` settings of one override line, checked and ready to apply.
struct OverrideFields {
    private static let changeFields: Set = ["limit", "urgency", "owner", "command", "filing", "closing"]
    private static let addOnlyFields: Set = ["name", "class"]

    private let values: [String: String]
    private let line: Int

    init(_ tokens: ArraySlice<String>, line: Int, allowingAddFields: Bool) throws(CatalogError) {
        var values: [String: String] = [:]
        for token in tokens {
            guard let equals = token.firstIndex(of: "=") else {
                throw CatalogError(line: line, problem: .invalidValue(token, expected: "a setting written field=value"))
            }
            let field = String(token[..<equals])
            guard Self.changeFields.contains(field) || Self.addOnlyFields.contains(field) else {
                throw CatalogError(line: line, column: field, problem: .unknownField(field))
            }
            guard allowingAddFields || !Self.addOnlyFields.contains(field) else {
                throw CatalogError(line: line, column: field, problem: .fieldOnlyForAdd(field))
            }
            guard values.updateValue(String(token[token.index(after: equals)...]), forKey: field) == nil else {
                throw CatalogError(line: line, column: field, problem: .repeatedField(field))
            }
        }
        guard !values.isEmpty else { throw CatalogError(line: line, problem: .nothingToChange) }
        self.values = values
        self.line = line
    }

    /// `category` with the settings of this line.
    func applied(to category: Category) throws(CatalogError) -> Category {
        let read = CatalogValueReader(line: line)
        var changed = category
        if let value = values["limit"] { changed.disposalLimit = try read.limit(value, column: "limit") }
        if let value = values["urgency"] { changed.urgency = try read.urgency(value, column: "urgency") }
        if let value = values["owner"] { changed.owner = try read.owner(value, column: "owner") }
        if let value = values["command"] { changed.commandCode = try read.command(value, column: "command") }
        if let value = values["filing"] { changed.filingCondition = try read.text(value, column: "filing") }
        if let value = values["closing"] { changed.closingCondition = try read.text(value, column: "closing") }
        return changed
    }

    /// A local extension built from the settings of an `add` line. The big class name is
    /// taken from `existing` categories of the same kind and big class code unless given.
    func newCategory(kind: CategoryKind, code: String, existing: [Category]) throws(CatalogError) -> Category {
        let read = CatalogValueReader(line: line)
        let bigClassCode = String(code.prefix(2))
        let knownBigClass = existing.first { $0.kind == kind && $0.bigClassCode == bigClassCode }?.bigClass
        let bigClass: String
        if let value = values["class"] {
            bigClass = try read.text(value, column: "class")
            if let knownBigClass, knownBigClass != bigClass {
                throw CatalogError(
                    line: line, column: "class", problem: .conflictingBigClass(code: bigClassCode, existing: knownBigClass))
            }
        } else if let knownBigClass {
            bigClass = knownBigClass
        } else {
            throw CatalogError(line: line, column: "class", problem: .missingField("class"))
        }
        return Category(
            kind: kind, code: code, bigClass: bigClass,
            name: try read.text(try required("name"), column: "name"),
            disposalLimit: try read.limit(try required("limit"), column: "limit"),
            urgency: try values["urgency"].map { value throws(CatalogError) in try read.urgency(value, column: "urgency") } ?? .normal,
            commandCode: try read.command(try required("command"), column: "command"),
            owner: try read.owner(try required("owner"), column: "owner"),
            filingCondition: try read.text(try required("filing"), column: "filing"),
            closingCondition: try read.text(try required("closing"), column: "closing"),
            isLocalExtension: true)
    }

    private func required(_ field: String) throws(CatalogError) -> String {
        guard let value = values[field] else {
            throw CatalogError(line: line, column: field, problem: .missingField(field))
        }
        return value
    }
}
