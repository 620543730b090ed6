/// Where a case stands in the workflow. Derived from the events, never set by hand.
public enum CaseState: String, Hashable, Sendable, Codable, CaseIterable {
    /// A public report waiting for a grid worker to verify it (待核实).
    case reported
    /// A grid worker fixed it on the spot; the duty chief reviews (自处理待审核).
    case selfHandledReview
    /// Waiting for the duty chief to accept (待立案).
    case awaitingAcceptance
    /// Accepted, waiting for the dispatcher (待派遣).
    case awaitingDispatch
    /// With an owner who must fix it (待处置).
    case dispatched
    /// The owner asked for more time; the dispatcher decides (延期待审批).
    case extensionRequested
    /// The owner asked to suspend; the dispatcher decides (挂账待审批).
    case suspensionRequested
    /// Suspended; the disposal clock is paused (已挂账).
    case suspended
    /// Cancellation requested; the duty chief decides (作废待审批).
    case cancelRequested
    /// The owner reports it fixed; waiting for the on-site check (待核查).
    case handled
    /// The check passed; waiting for the duty chief to close (待结案).
    case checkPassed
    /// Closed, waiting for the follow-up with the citizen (已结案).
    case closed
    /// Closed and rated by the citizen (已回访).
    case rated
    /// Not accepted (不予受理).
    case rejected
    /// Invalid or duplicate (已作废).
    case cancelled
    /// Merged into another case (已合并), which its reporter now follows.
    case merged

    /// True while someone still has to act on the case. Urging and supervision only make
    /// sense here.
    public var isOpen: Bool {
        switch self {
        case .closed, .rated, .rejected, .cancelled, .merged: false
        default: true
        }
    }

    /// False for a case that public outputs (Open311, the board) never show: a rejected or
    /// cancelled report is not a problem of the city, and a merged one lives on as the case
    /// it was merged into.
    public var isPublished: Bool {
        switch self {
        case .rejected, .cancelled, .merged: false
        default: true
        }
    }

    /// The states in which an owner holds the case.
    public static let owned: Set<CaseState> = [
        .dispatched, .extensionRequested, .suspensionRequested, .suspended, .handled, .checkPassed,
    ]
}
