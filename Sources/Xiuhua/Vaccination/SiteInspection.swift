import Foundation

/// One visit of a supervision group to a site, checked item by item.
public struct SiteInspection: Hashable, Sendable, Codable {
    public var id: String
    public var groupID: String
    public var siteID: String
    public var inspectorID: String
    public var inspectorName: String
    public var inspectedAt: Date
    /// Checklist key → true when the site meets it.
    public var answers: [String: Bool]
    public var note: String
    /// The inspection scored by the checklist engine (`ChecklistTemplate.vaccinationSite`);
    /// nil for inspections recorded with the drive's first simple checklist, which stay
    /// readable and keep their share-of-items score.
    public var sheet: InspectionSheet?

    public init(
        id: String, groupID: String, siteID: String, inspectorID: String, inspectorName: String, inspectedAt: Date,
        answers: [String: Bool], note: String, sheet: InspectionSheet? = nil
    ) {
        self.id = id
        self.groupID = groupID
        self.siteID = siteID
        self.inspectorID = inspectorID
        self.inspectorName = inspectorName
        self.inspectedAt = inspectedAt
        self.answers = answers
        self.note = note
        self.sheet = sheet
    }

    /// The checklist engine's score out of 100, or for a simple-checklist inspection the
    /// share of items met, 0–100, rounded.
    public var score: Int {
        if let sheet { return sheet.maximum > 0 ? Int((Double(sheet.score) * 100 / Double(sheet.maximum)).rounded()) : 0 }
        guard !answers.isEmpty else { return 0 }
        return Int((Double(answers.values.filter { $0 }.count) * 100 / Double(answers.count)).rounded())
    }

    /// The items not met, in checklist order: what the site must put right.
    public var findings: [String] {
        if let sheet { return sheet.failedItems }
        return SiteChecklist.items.filter { answers[$0.key] == false }.map(\.key)
    }
}

/// The drive's first, simple site checklist: still accepted and read, but new inspections
/// are scored with `ChecklistTemplate.vaccinationSite`. Every item must be answered.
public enum SiteChecklist {
    public struct Item: Hashable, Sendable {
        public let key: String
        public let text: String
    }

    public static let items: [Item] = [
        Item(key: "appointments_orderly", text: "预约分流，现场秩序良好"),
        Item(key: "identity_checked", text: "逐人核验身份证件"),
        Item(key: "consent_signed", text: "知情同意书签署规范"),
        Item(key: "screening_done", text: "逐人开展禁忌核查"),
        Item(key: "cold_chain_logged", text: "冷链温度记录完整"),
        Item(key: "observation_30min", text: "留观区设置，留观满 30 分钟"),
        Item(key: "emergency_kit", text: "急救药品和设备齐备"),
        Item(key: "waste_handled", text: "医疗废物规范处置"),
    ]

    /// Nil when `answers` answers every item and nothing else.
    public static func problem(_ answers: [String: Bool]) -> CampaignRefusal? {
        let keys = Set(items.map(\.key))
        if let unknown = answers.keys.sorted().first(where: { !keys.contains($0) }) {
            return .invalid("unknown_checklist_item", "检查表没有这一项 (no such checklist item): \(unknown)")
        }
        if let missing = items.first(where: { answers[$0.key] == nil }) {
            return .invalid("checklist_incomplete", "检查表未填完：\(missing.text) (the checklist is incomplete: \(missing.key))")
        }
        return nil
    }
}
