/// An extra question a category asks when a case is filed under it (附加信息), e.g. how much
/// rubbish there is. Open311 publishes the questions as a service definition's attributes.
public struct CategoryQuestion: Hashable, Sendable {
    /// The six GeoReport v2 datatypes.
    public enum DataType: String, Hashable, Sendable, CaseIterable {
        case string, number, datetime, text, singlevaluelist, multivaluelist

        /// True for the two list types, whose answers must be among the choices.
        public var isList: Bool { self == .singlevaluelist || self == .multivaluelist }
    }

    /// One allowed answer of a list question: `key` is submitted, `name` is shown.
    public struct Choice: Hashable, Sendable {
        public let key: String
        public let name: String

        public init(key: String, name: String) {
            self.key = key
            self.name = name
        }
    }

    /// Unique within the category; submitted as `attribute[code]`.
    public let code: String
    public let dataType: DataType
    public let isRequired: Bool
    /// False for a notice that is shown, not answered.
    public let isVariable: Bool
    /// The question as asked.
    public let text: String
    /// How to answer, e.g. 单位：米.
    public let hint: String?
    public let choices: [Choice]

    public init(
        code: String, dataType: DataType, isRequired: Bool, isVariable: Bool = true,
        text: String, hint: String? = nil, choices: [Choice] = []
    ) {
        self.code = code
        self.dataType = dataType
        self.isRequired = isRequired
        self.isVariable = isVariable
        self.text = text
        self.hint = hint
        self.choices = choices
    }
}

/// An answer to a category question, as it is kept with the case.
public struct CaseAttribute: Hashable, Sendable, Codable {
    public let code: String
    /// One value, or several for a multi-value list.
    public let values: [String]

    public init(code: String, values: [String]) {
        self.code = code
        self.values = values
    }
}
