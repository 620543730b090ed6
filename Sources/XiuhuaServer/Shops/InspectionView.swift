import Foundation
import Xiuhua

/// An inspection as the API shows it: the sheet with each item's text and section, and
/// the cases opened from it.
struct InspectionView: Codable, Sendable {
    struct Line: Codable, Sendable {
        let item: String
        let section: String
        let text: String
        let passed: Bool
        let findings: Int
        let deduction: Int
        let note: String?
        let photos: [String]
        /// The category a failure is reported as; nil when it opens no case.
        let caseCategory: String?
        let caseNumber: String?
    }

    struct Section: Codable, Sendable {
        let code: String
        let name: String
        let points: Int
        let score: Int
    }

    let id: String
    let shopId: String
    let template: String
    let templateName: String
    let officerName: String
    let at: Date
    let lat: Double?
    let lon: Double?
    let score: Int
    let maximum: Int
    let sections: [Section]
    let lines: [Line]

    init(_ inspection: Inspection) {
        let sheet = inspection.sheet
        let template = ChecklistTemplate.shipped(sheet.template)
        id = inspection.id
        shopId = inspection.shopID
        self.template = sheet.template
        templateName = template?.name ?? sheet.template
        officerName = inspection.officerName
        at = inspection.at
        lat = inspection.position?.lat
        lon = inspection.position?.lon
        score = sheet.score
        maximum = sheet.maximum
        sections = sheet.sections.map { section in
            Section(
                code: section.section, name: template?.sections.first { $0.code == section.section }?.name ?? section.section,
                points: section.points, score: section.score
            )
        }
        lines = sheet.lines.map { line in
            let item = template?.item(line.item)
            return Line(
                item: line.item, section: item?.sectionCode ?? "", text: item?.text ?? line.item, passed: line.passed,
                findings: line.findings, deduction: line.deduction, note: line.note, photos: line.photos,
                caseCategory: item?.caseCategory, caseNumber: inspection.cases[line.item]
            )
        }
    }
}

/// A checklist template as `GET /api/v1/checklists` lists it.
struct ChecklistView: Codable, Sendable {
    struct Section: Codable, Sendable {
        let code: String
        let name: String
        let points: Int
    }

    struct Item: Codable, Sendable {
        let code: String
        let section: String
        let text: String
        let deduction: Int
        let caseCategory: String?
    }

    let code: String
    let name: String
    let totalPoints: Int
    let sections: [Section]
    let items: [Item]

    init(_ template: ChecklistTemplate) {
        code = template.code
        name = template.name
        totalPoints = template.totalPoints
        sections = template.sections.map { Section(code: $0.code, name: $0.name, points: $0.points) }
        items = template.items.map { Item(code: $0.code, section: $0.sectionCode, text: $0.text, deduction: $0.deduction, caseCategory: $0.caseCategory) }
    }
}
