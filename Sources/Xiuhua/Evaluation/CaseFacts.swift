import Foundation

/// What evaluation needs to know about one case: a fold of its events, like the snapshot,
/// but keeping the *first* time each stage was completed and whether it was on time.
///
/// Every indicator is counted from these facts (`CaseFacts.tallies(in:)`), whether the
/// store keeps them materialised or a recount folds them again from the raw events — one
/// code path, so the two agree exactly. Each stage is counted once per case, at its first
/// completion: a case re-dispatched three times is one dispatch in the dispatcher's figures
/// (the re-dispatches show up as an inaccurate first dispatch instead).
public struct CaseFacts: Hashable, Sendable, Codable {
    /// Case number.
    public var number: String
    /// Channel of the report.
    public var source: CaseSource
    /// Catalog category code.
    public var categoryCode: String
    /// Thematic sub-command.
    public var commandCode: String?
    /// Street of the place.
    public var streetCode: String?
    /// Community of the place.
    public var communityCode: String?
    /// Grid cell of the place.
    public var gridCode: String?
    /// When it was reported.
    public var reportedAt: Date
    /// Who filed it (a grid worker on patrol, an operator for a caller), if staff.
    public var reporterID: String?
    /// The filer's role.
    public var reporterRole: Role?
    /// First verification (核实) of a public report.
    public var verification: StageCompletion?
    /// The grid worker's verdict on a public report.
    public var verifiedReal: Bool?
    /// First acceptance (立案), or the approval of a self-handled report.
    public var acceptance: StageCompletion?
    /// First response to the report (核实, 立案, 不予受理 or a self-handling review).
    public var firstResponse: StageCompletion?
    /// When it was rejected (不予受理).
    public var rejectedAt: Date?
    /// When it was cancelled (作废).
    public var cancelledAt: Date?
    /// First dispatch (派遣).
    public var dispatch: StageCompletion?
    /// True when the owner of the first dispatch returned it (回退): a wrong dispatch.
    public var firstDispatchReturned: Bool
    /// The owner who holds or last held the case.
    public var owner: CaseOwner?
    /// First disposal feedback (处置).
    public var disposal: StageCompletion?
    /// The deadline of the first disposal stage as last moved (extension, suspension).
    public var disposalDeadline: Date?
    /// True once any disposal stage finished late or was marked overdue.
    public var disposalLate: Bool
    /// First failed check that sent the case back (返工).
    public var reworkedAt: Date?
    /// First approved extension (延期).
    public var extendedAt: Date?
    /// Suspension periods (挂账).
    public var suspensions: [Suspension]
    /// First on-site check (核查).
    public var check: StageCompletion?
    /// First closing (结案), including the approval of a self-handled report.
    public var closing: StageCompletion?
    /// First follow-up answer (回访).
    public var rating: Rating?
    /// When the first follow-up was recorded.
    public var ratedAt: Date?
    /// True when the first follow-up was an operator's phone call (电话回访), not the
    /// citizen's own answer through the ticket; nil in facts stored before it was kept.
    public var ratedByPhone: Bool?
    /// Departments summoned by whistles (吹哨) and how their check-ins went; nil for a case
    /// never whistled on (and in facts stored before whistles existed).
    public var summons: [SummonsFact]?
    /// When the latest event happened.
    public var lastEventAt: Date
    /// The stage clock in force after the latest event: the next completion is judged on it.
    public var clock: StageClock?

    /// True when the case was suspended (挂账) at `instant`.
    public func isSuspended(at instant: Date) -> Bool {
        suspensions.contains { $0.start < instant && ($0.end.map { $0 >= instant } ?? true) }
    }
}
