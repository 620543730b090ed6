import Foundation

/// A whistle (吹哨) on a case: the street summons departments, each of which must check in
/// by the deadline, report what it did, or be released by the street.
public struct Whistle: Hashable, Sendable, Codable {
    /// Shared by every case of a joint action (several cases, one whistle).
    public var id: String
    public var kind: WhistleKind
    public var reason: String
    /// Who blew it.
    public var calledBy: String?
    public var calledAt: Date
    /// Check-in deadline for every summoned department.
    public var checkInDeadline: Date
    /// The other cases of the joint action.
    public var jointCases: [String]
    /// One entry per summoned department.
    public var summons: [Summons]
}

/// One department's part in a whistle.
public struct Summons: Hashable, Sendable, Codable {
    public var departmentCode: String
    /// When it checked in on site (报到).
    public var checkedInAt: Date?
    /// True once the scheduler recorded that the check-in deadline passed without it.
    public var checkInMissed: Bool
    /// When it reported what it did, and what.
    public var reportedAt: Date?
    public var report: String?
    /// When the street let it go without a report, and why.
    public var releasedAt: Date?
    public var releaseReason: String?
    /// The street's verdict on its response (评价权).
    public var rating: Rating.Satisfaction?

    public init(departmentCode: String) {
        self.departmentCode = departmentCode
        checkInMissed = false
    }

    /// Still owed: neither reported nor released. A case does not close while one is.
    public var isActive: Bool { reportedAt == nil && releasedAt == nil }
}
