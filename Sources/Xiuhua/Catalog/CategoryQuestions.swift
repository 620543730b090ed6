import Foundation

/// The extra questions of every category that has some, in asking order.
///
/// The district declares them in a text file, one question a line (blank lines and `#`
/// comments skipped); the lines of one category ask in file order:
///
/// ```
/// 06010 amount type=singlevaluelist required=yes text="垃圾大约有多少？" values="bag:一袋以内|cart:一三轮车|truck:一卡车以上"
/// 08002 permit type=string required=no text="施工许可证编号" hint="如不清楚可不填"
/// 06028 notice type=text info text="夜间施工噪声请直接拨打 12345"
/// ```
///
/// The first token is a 事项 code, the second the question's code (letters, digits, `_`,
/// `-`); the fields are `type` (string, number, datetime, text, singlevaluelist,
/// multivaluelist), `required` (yes/no, default no), `text` (the question), `hint`, `values`
/// (`key:名称` separated by `|`, needed by the list types) and the word `info` for a notice
/// that is shown, not answered.
public struct CategoryQuestions: Hashable, Sendable {
    private let byCategory: [String: [CategoryQuestion]]

    public init(_ byCategory: [String: [CategoryQuestion]] = [:]) {
        self.byCategory = byCategory
    }

    /// The questions of category `code`, empty when it asks none.
    public func questions(for code: String) -> [CategoryQuestion] {
        byCategory[code] ?? []
    }

    /// The categories that ask something.
    public var categoryCodes: [String] { byCategory.keys.sorted() }

    /// Reads the text form; `catalog`, when given, must know every category code.
    public init(parsing text: String, catalog: Catalog? = nil) throws(CategoryQuestionsError) {
        var result: [String: [CategoryQuestion]] = [:]
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for (index, raw) in lines.enumerated() {
            let line = index + 1
            guard !raw.drop(while: \.isWhitespace).hasPrefix("#") else { continue }
            let tokens: [String]
            do {
                tokens = try OverrideLineTokens(raw, line: line).tokens
            } catch {
                throw CategoryQuestionsError(line: line, message: "引号未闭合 (unterminated quote)")
            }
            guard !tokens.isEmpty else { continue }
            guard tokens.count >= 3 else {
                throw CategoryQuestionsError(line: line, message: "应为：事项代码 问题代码 字段… (category, question code, fields)")
            }
            let category = tokens[0]
            if let catalog, catalog.matter(code: category) == nil {
                throw CategoryQuestionsError(line: line, message: "没有这个事项 (unknown category): \(category)")
            }
            let code = tokens[1]
            guard !code.isEmpty, code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) else {
                throw CategoryQuestionsError(line: line, message: "问题代码只能用字母、数字、_ 和 - (bad question code): \(code)")
            }
            if result[category, default: []].contains(where: { $0.code == code }) {
                throw CategoryQuestionsError(line: line, message: "问题代码重复 (duplicate question code): \(category) \(code)")
            }
            result[category, default: []].append(try Self.question(code: code, fields: tokens.dropFirst(2), line: line))
        }
        byCategory = result
    }

    private static func question(code: String, fields: ArraySlice<String>, line: Int) throws(CategoryQuestionsError) -> CategoryQuestion {
        var values: [String: String] = [:]
        var isVariable = true
        for field in fields {
            if field == "info" {
                isVariable = false
                continue
            }
            guard let equals = field.firstIndex(of: "=") else {
                throw CategoryQuestionsError(line: line, message: "字段应写作 名=值 (field must be name=value): \(field)")
            }
            let name = String(field[..<equals])
            guard ["type", "required", "text", "hint", "values"].contains(name) else {
                throw CategoryQuestionsError(line: line, message: "未知字段 (unknown field): \(name)")
            }
            values[name] = String(field[field.index(after: equals)...])
        }
        guard let typeText = values["type"], let type = CategoryQuestion.DataType(rawValue: typeText) else {
            throw CategoryQuestionsError(line: line, message: "type 应为 \(CategoryQuestion.DataType.allCases.map(\.rawValue).joined(separator: "、"))")
        }
        guard let text = values["text"], !text.isEmpty else {
            throw CategoryQuestionsError(line: line, message: "缺少问题文字 text (missing text)")
        }
        let required: Bool
        switch values["required"] ?? "no" {
        case "yes", "true", "是": required = true
        case "no", "false", "否": required = false
        case let other: throw CategoryQuestionsError(line: line, message: "required 应为 yes 或 no, got \(other)")
        }
        var choices: [CategoryQuestion.Choice] = []
        for item in (values["values"] ?? "").split(separator: "|") {
            let parts = item.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw CategoryQuestionsError(line: line, message: "选项应写作 key:名称 (choice must be key:name): \(item)")
            }
            choices.append(.init(key: parts[0], name: parts[1]))
        }
        if type.isList, choices.isEmpty {
            throw CategoryQuestionsError(line: line, message: "\(type.rawValue) 需要 values (list questions need values)")
        }
        return CategoryQuestion(
            code: code, dataType: type, isRequired: required && isVariable, isVariable: isVariable,
            text: text, hint: values["hint"], choices: choices
        )
    }
}

/// A problem in a questions file, naming the line.
public struct CategoryQuestionsError: Error, Sendable, CustomStringConvertible {
    public let line: Int
    public let message: String

    public var description: String { "附加问题文件第 \(line) 行 (questions file line \(line)): \(message)" }
}
