import Foundation
import XiuhuaGeo

/// One checklist inspection of a shop: who inspected, when and where, the scored sheet,
/// and the cases opened from its failed items.
public struct Inspection: Hashable, Sendable {
    public let id: String
    public let shopID: String
    public let officerID: String
    public let officerName: String
    public let at: Date
    /// Where the inspector stood, when the device gave a position.
    public let position: Coordinate?
    public let sheet: InspectionSheet
    /// Item code → the number of the case opened for it.
    public var cases: [String: String]

    public init(
        id: String, shopID: String, officerID: String, officerName: String, at: Date, position: Coordinate?,
        sheet: InspectionSheet, cases: [String: String] = [:]
    ) {
        self.id = id
        self.shopID = shopID
        self.officerID = officerID
        self.officerName = officerName
        self.at = at
        self.position = position
        self.sheet = sheet
        self.cases = cases
    }
}
