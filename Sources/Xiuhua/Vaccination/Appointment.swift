import Foundation

/// A resident's booking of one slot at one site for one dose.
public struct Appointment: Hashable, Sendable, Codable {
    public enum State: String, Hashable, Sendable, Codable, CaseIterable {
        case booked
        case cancelled
        /// The dose was given.
        case attended
        /// The slot passed and the person did not come (爽约).
        case noShow
    }

    public var id: String
    public var residentID: String
    public var siteID: String
    public var day: LocalDate
    /// Minutes after local midnight.
    public var slotStart: Int
    public var vaccineCode: String
    public var doseNumber: Int
    public var state: State
    public var bookedBy: String
    public var bookedAt: Date

    public init(
        id: String, residentID: String, siteID: String, day: LocalDate, slotStart: Int, vaccineCode: String,
        doseNumber: Int, state: State = .booked, bookedBy: String, bookedAt: Date
    ) {
        self.id = id
        self.residentID = residentID
        self.siteID = siteID
        self.day = day
        self.slotStart = slotStart
        self.vaccineCode = vaccineCode
        self.doseNumber = doseNumber
        self.state = state
        self.bookedBy = bookedBy
        self.bookedAt = bookedAt
    }
}
