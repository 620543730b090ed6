/// One inspection's answers scored against its template: per item pass or fail (with the
/// number of findings), per section the points left, and the total.
public struct InspectionSheet: Hashable, Sendable, Codable {
    public struct Answer: Hashable, Sendable, Codable {
        public let item: String
        public let passed: Bool
        /// How many times the failure was found (two piles of goods outside: 2); 0 when passed.
        public let findings: Int
        public let note: String?
        /// Photo keys (`/photos/{sha256}`) of the finding.
        public let photos: [String]

        public init(item: String, passed: Bool, findings: Int? = nil, note: String? = nil, photos: [String] = []) {
            self.item = item
            self.passed = passed
            self.findings = passed ? 0 : max(findings ?? 1, 1)
            self.note = note
            self.photos = photos
        }
    }

    public struct Line: Hashable, Sendable, Codable {
        public let item: String
        public let passed: Bool
        public let findings: Int
        public let deduction: Int
        public let note: String?
        public let photos: [String]
    }

    public struct SectionScore: Hashable, Sendable, Codable {
        public let section: String
        public let points: Int
        public let score: Int
    }

    public let template: String
    public let lines: [Line]
    public let sections: [SectionScore]
    public let score: Int
    public let maximum: Int

    public enum Problem: Error, Hashable, Sendable {
        case unknownItem(String)
        case answeredTwice(String)
        case unanswered([String])
        case tooManyFindings(String)
        case noteTooLong(String)
        case tooManyPhotos(String)

        public var message: String {
            switch self {
            case .unknownItem(let item): "检查表中没有此项 (no such item in the checklist): \(item)"
            case .answeredTwice(let item): "检查项重复填写 (item answered twice): \(item)"
            case .unanswered(let items): "检查项未填写 (items not answered): \(items.joined(separator: ", "))"
            case .tooManyFindings(let item): "问题次数应为 1–20 (findings must be 1–20): \(item)"
            case .noteTooLong(let item): "备注最多 500 字 (a note is at most 500 characters): \(item)"
            case .tooManyPhotos(let item): "每项最多 9 张照片 (at most 9 photos an item): \(item)"
            }
        }
    }

    /// Scores `answers`, which must answer every item of `template` exactly once. A failed
    /// item takes its deduction once per finding; a section never goes below zero.
    public init(_ template: ChecklistTemplate, answers: [Answer]) throws(Problem) {
        var byItem: [String: Answer] = [:]
        for answer in answers {
            guard template.item(answer.item) != nil else { throw .unknownItem(answer.item) }
            guard byItem[answer.item] == nil else { throw .answeredTwice(answer.item) }
            guard answer.findings <= 20 else { throw .tooManyFindings(answer.item) }
            guard (answer.note?.count ?? 0) <= 500 else { throw .noteTooLong(answer.item) }
            guard answer.photos.count <= 9, answer.photos.allSatisfy({ $0.count <= 200 }) else { throw .tooManyPhotos(answer.item) }
            byItem[answer.item] = answer
        }
        let missing = template.items.map(\.code).filter { byItem[$0] == nil }
        guard missing.isEmpty else { throw .unanswered(missing) }
        lines = template.items.map { item in
            let answer = byItem[item.code]!
            return Line(
                item: item.code, passed: answer.passed, findings: answer.findings,
                deduction: item.deduction * answer.findings, note: answer.note, photos: answer.photos
            )
        }
        let lines = self.lines
        sections = template.sections.map { section in
            let taken = zip(template.items, lines).filter { $0.0.sectionCode == section.code }.reduce(0) { $0 + $1.1.deduction }
            return SectionScore(section: section.code, points: section.points, score: max(0, section.points - taken))
        }
        score = sections.reduce(0) { $0 + $1.score }
        maximum = template.totalPoints
        self.template = template.code
    }

    public var failedItems: [String] { lines.filter { !$0.passed }.map(\.item) }
}
