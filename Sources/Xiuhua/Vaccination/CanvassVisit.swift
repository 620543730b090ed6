import Foundation

/// A door-to-door visit (敲门行动) to a resident, and what came of it.
public struct CanvassVisit: Hashable, Sendable, Codable {
    /// What the visit found. Everything but `willing` is a reason for not vaccinating (未接种原因).
    public enum Result: String, Hashable, Sendable, Codable, CaseIterable {
        /// Will be vaccinated: book an appointment.
        case willing
        /// A contraindication (禁忌): allergy, acute illness …
        case contraindication
        case refused
        /// Not at home, working elsewhere.
        case away
        case vaccinatedElsewhere

        public var label: String {
            switch self {
            case .willing: "愿意接种"
            case .contraindication: "禁忌症"
            case .refused: "拒绝接种"
            case .away: "外出不在"
            case .vaccinatedElsewhere: "已在外地接种"
            }
        }
    }

    public var residentID: String
    public var result: Result
    public var note: String
    public var visitorID: String
    public var visitorName: String
    public var visitedAt: Date

    public init(residentID: String, result: Result, note: String, visitorID: String, visitorName: String, visitedAt: Date) {
        self.residentID = residentID
        self.result = result
        self.note = note
        self.visitorID = visitorID
        self.visitorName = visitorName
        self.visitedAt = visitedAt
    }
}
