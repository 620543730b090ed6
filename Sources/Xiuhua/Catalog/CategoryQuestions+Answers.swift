import Foundation

extension CategoryQuestions {
    /// A problem with one submitted answer: the question code and what is wrong.
    public struct AnswerProblem: Hashable, Sendable {
        public let code: String
        public let message: String
    }

    /// Checks the answers given for category `code` (question code → values) against its
    /// questions: every required question answered, list answers among the choices, one
    /// value unless the list is multi-valued, numbers and datetimes well formed. Answers
    /// to questions the category does not ask are refused, so a typo is not lost silently.
    /// The answers are good only when `problems` is empty.
    public func check(_ given: [String: [String]], for code: String) -> (answers: [CaseAttribute], problems: [AnswerProblem]) {
        let questions = questions(for: code)
        var problems: [AnswerProblem] = []
        var answers: [CaseAttribute] = []
        for unknown in given.keys.sorted() where !questions.contains(where: { $0.code == unknown && $0.isVariable }) {
            problems.append(.init(code: unknown, message: "该事项没有这个问题 (no such attribute for service \(code))"))
        }
        for question in questions where question.isVariable {
            let values = (given[question.code] ?? []).map(\.trimmingWhitespace).filter { !$0.isEmpty }
            if values.isEmpty {
                if question.isRequired {
                    problems.append(.init(code: question.code, message: "必填：\(question.text) (required attribute missing)"))
                }
                continue
            }
            if question.dataType != .multivaluelist, values.count > 1 {
                problems.append(.init(code: question.code, message: "只能填一个值 (one value expected)"))
                continue
            }
            let bad: [String] = switch question.dataType {
            case .singlevaluelist, .multivaluelist: values.filter { value in !question.choices.contains { $0.key == value } }
            case .number: values.filter { Double($0).map { !$0.isFinite } ?? true }
            case .datetime: values.filter { ISO8601Instant.parse($0) == nil }
            case .string, .text: values.filter { $0.count > 1_000 }
            }
            if !bad.isEmpty {
                let expected = switch question.dataType {
                case .singlevaluelist, .multivaluelist: "one of \(question.choices.map(\.key).joined(separator: ", "))"
                case .number: "a number"
                case .datetime: "an ISO 8601 datetime with offset"
                case .string, .text: "at most 1000 characters"
                }
                problems.append(.init(code: question.code, message: "取值无效 (invalid value) \(bad.joined(separator: ", ")): expected \(expected)"))
                continue
            }
            answers.append(CaseAttribute(code: question.code, values: values))
        }
        return (answers, problems)
    }
}
