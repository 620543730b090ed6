import Foundation

/// How the simulated district behaves: what comes in, when, and how often owners and
/// checkers stray from the straight path. The defaults follow the article's district —
/// street-order matters (占道经营, 乱停放) and refuse (暴露垃圾) dominate, then 小广告.
public struct SimulationMix: Sendable {
    /// Share of each channel among new reports.
    public var channels: [CaseSource: Double]
    /// Catalog codes and their weight among new reports; unknown codes are skipped.
    public var categories: [(code: String, weight: Double)]
    /// Relative intake for each local hour 0…23.
    public var hourCurve: [Double]

    /// A public report found untrue on verification.
    public var untrue: Double
    /// An operator sends a hotline report straight to acceptance.
    public var directAcceptance: Double
    /// A grid worker fixes a patrol find on the spot.
    public var selfHandled: Double
    /// The duty chief does not accept an on-the-spot fix.
    public var selfHandlingRejected: Double
    /// A dispatcher asks to cancel a case as a duplicate before dispatch.
    public var duplicateCancel: Double
    /// The owner says "not ours" (回退), at most once per owner.
    public var returned: Double
    /// The owner asks for more time.
    public var extensionRequested: Double
    /// The dispatcher grants it.
    public var extensionApproved: Double
    /// The owner asks to suspend (挂账).
    public var suspensionRequested: Double
    /// The dispatcher grants it.
    public var suspensionApproved: Double
    /// The owner finishes after the disposal deadline.
    public var late: Double
    /// A grid worker verifies or checks after the stage's two-hour limit.
    public var fieldLate: Double
    /// The command centre accepts or dispatches after its 30-minute limit.
    public var centreLate: Double
    /// The on-site check fails and the owner must rework.
    public var checkFailed: Double
    /// A public report's citizen is reached for the follow-up rating.
    public var rated: Double
    /// A rating is "unsatisfied".
    public var unsatisfied: Double
    /// A rating says "not fixed", which reopens the case.
    public var notFixed: Double
    /// A street owner blows the whistle (吹哨) for departments.
    public var whistle: Double
    /// A summoned department misses its check-in deadline.
    public var missedCheckIn: Double

    public init(
        channels: [CaseSource: Double], categories: [(code: String, weight: Double)], hourCurve: [Double],
        untrue: Double, directAcceptance: Double, selfHandled: Double, selfHandlingRejected: Double,
        duplicateCancel: Double, returned: Double, extensionRequested: Double, extensionApproved: Double,
        suspensionRequested: Double, suspensionApproved: Double, late: Double, fieldLate: Double, centreLate: Double, checkFailed: Double,
        rated: Double, unsatisfied: Double, notFixed: Double, whistle: Double, missedCheckIn: Double
    ) {
        self.channels = channels
        self.categories = categories
        self.hourCurve = hourCurve
        self.untrue = untrue
        self.directAcceptance = directAcceptance
        self.selfHandled = selfHandled
        self.selfHandlingRejected = selfHandlingRejected
        self.duplicateCancel = duplicateCancel
        self.returned = returned
        self.extensionRequested = extensionRequested
        self.extensionApproved = extensionApproved
        self.suspensionRequested = suspensionRequested
        self.suspensionApproved = suspensionApproved
        self.late = late
        self.fieldLate = fieldLate
        self.centreLate = centreLate
        self.checkFailed = checkFailed
        self.rated = rated
        self.unsatisfied = unsatisfied
        self.notFixed = notFixed
        self.whistle = whistle
        self.missedCheckIn = missedCheckIn
    }

    public static let standard = SimulationMix(
        channels: [.hotline: 0.35, .patrol: 0.40, .web: 0.15, .api: 0.10],
        categories: [
            ("09006", 14), ("06010", 14), ("09009", 9), ("09010", 8), ("07001", 10),
            ("06011", 5), ("06036", 5), ("09005", 5), ("09001", 4), ("06028", 3),
            ("08004", 3), ("08001", 2), ("07002", 2), ("06001", 1), ("01001", 1),
        ],
        // Quiet nights, a morning peak as people go to work, a second one after lunch.
        hourCurve: [
            0.3, 0.2, 0.15, 0.15, 0.2, 0.4, 1.0, 2.2, 4.0, 5.5, 5.8, 5.0,
            3.8, 3.6, 4.6, 5.0, 4.8, 4.0, 3.0, 2.4, 1.8, 1.3, 0.8, 0.5,
        ],
        untrue: 0.03, directAcceptance: 0.10, selfHandled: 0.08, selfHandlingRejected: 0.10,
        duplicateCancel: 0.01, returned: 0.05, extensionRequested: 0.04, extensionApproved: 0.8,
        suspensionRequested: 0.015, suspensionApproved: 0.85, late: 0.05, fieldLate: 0.02, centreLate: 0.01, checkFailed: 0.07,
        rated: 0.7, unsatisfied: 0.08, notFixed: 0.03, whistle: 0.04, missedCheckIn: 0.15
    )
}
