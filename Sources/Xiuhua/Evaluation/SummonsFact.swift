import Foundation

/// One department summoned by a whistle (吹哨), as evaluation counts its check-in (报到).
///
/// A summons is settled once: when the department checks in, or when the scheduler marks
/// the check-in missed, whichever comes first — a department that turns up after being
/// marked missed has still missed its check-in. A summons released before either is not
/// counted: the street let it go.
public struct SummonsFact: Hashable, Sendable, Codable {
    public var whistleID: String
    public var departmentCode: String
    /// When the check-in (or the missed mark) settled it; nil while it is awaited.
    public var settledAt: Date?
    /// True when the department checked in by the deadline.
    public var onTime: Bool

    public init(whistleID: String, departmentCode: String) {
        self.whistleID = whistleID
        self.departmentCode = departmentCode
        onTime = false
    }
}
