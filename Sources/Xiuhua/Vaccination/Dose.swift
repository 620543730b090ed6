import Foundation

/// A dose given at a site (接种记录), with the checks made before it and the observation
/// after it.
public struct Dose: Hashable, Sendable, Codable {
    /// People stay under observation (留观) this long after the dose.
    public static let observation: TimeInterval = 30 * 60

    public var id: String
    public var residentID: String
    public var appointmentID: String?
    public var siteID: String
    public var vaccineCode: String
    public var lot: String
    public var doseNumber: Int
    public var givenAt: Date
    public var staffID: String
    public var staffName: String
    /// The contraindication checklist as answered (all false, or there is no dose).
    public var screening: [String: Bool]
    /// An adverse reaction seen during or after observation (不良反应), if any.
    public var adverseReaction: String?

    public init(
        id: String, residentID: String, appointmentID: String?, siteID: String, vaccineCode: String, lot: String,
        doseNumber: Int, givenAt: Date, staffID: String, staffName: String, screening: [String: Bool], adverseReaction: String? = nil
    ) {
        self.id = id
        self.residentID = residentID
        self.appointmentID = appointmentID
        self.siteID = siteID
        self.vaccineCode = vaccineCode
        self.lot = lot
        self.doseNumber = doseNumber
        self.givenAt = givenAt
        self.staffID = staffID
        self.staffName = staffName
        self.screening = screening
        self.adverseReaction = adverseReaction
    }

    /// When the person may leave the site.
    public var observationEndsAt: Date { givenAt + Self.observation }
}
