import Foundation

extension Workflow {
    /// Opens a case: checks the intake and who files it, and returns the `reported` event.
    ///
    /// Routing: public reports (hotline, web, api) wait for verification (核实); a patrol
    /// report goes straight to acceptance because a grid worker has seen the problem; an
    /// operator may send a trusted hotline caller's report straight to acceptance too; a
    /// self-handled patrol report goes to the duty chief's review. `actor` is nil for an
    /// anonymous web report.
    public static func report(
        _ intake: CaseIntake,
        by actor: Actor?,
        at now: Date,
        clock: any WorkingTimeCalculator,
        limits: StageLimits = .standard
    ) -> Result<CaseEvent, WorkflowRefusal> {
        let now = now.wholeMilliseconds
        if let refusal = refusal(for: intake, by: actor) { return .failure(refusal) }
        let (initialState, stage): (CaseState, CaseStage) =
            if intake.selfHandled {
                (.selfHandledReview, .accept)
            } else if intake.source == .patrol || intake.directAcceptance {
                (.awaitingAcceptance, .accept)
            } else {
                (.reported, .verify)
            }
        let stageClock = StageClock.start(
            stage,
            at: now,
            limit: limits.limit(for: stage, urgency: intake.urgency, disposal: intake.disposalLimit),
            pauses: [],
            clock: clock
        )
        return .success(
            CaseEvent(
                change: .reported(intake: intake, initialState: initialState),
                actorID: actor?.id,
                actorRole: actor?.role,
                actorName: actor?.name,
                at: now,
                attachments: intake.photos,
                stage: stageClock
            )
        )
    }

    private static func refusal(for intake: CaseIntake, by actor: Actor?) -> WorkflowRefusal? {
        let mayFile: Bool = switch intake.source {
        case .hotline: actor?.role == .operator
        case .patrol: actor?.role == .gridWorker
        case .web: actor == nil || actor?.role == .citizen
        case .api: actor?.role == .system
        }
        guard mayFile else { return .reporterRole(intake.source, actor?.role) }
        let required: [(String, String)] = [
            (intake.number, FieldName.number),
            (intake.ticketCode, FieldName.ticketCode),
            (intake.categoryCode, FieldName.categoryCode),
            (intake.description, FieldName.description),
            (intake.location.address, FieldName.address),
        ]
        if let blank = required.first(where: { $0.0.trimmingWhitespace.isEmpty }) {
            return .reportMissing(blank.1)
        }
        guard intake.disposalLimit.amount > 0 else { return .nonPositiveDisposalLimit }
        guard intake.location.hasValidPosition else { return .coordinatesOutOfRange }
        if intake.source == .patrol, !intake.location.hasPosition || intake.photos.isEmpty {
            return .patrolNeedsEvidence
        }
        if intake.directAcceptance, intake.source != .hotline { return .directAcceptanceOnlyHotline }
        if intake.selfHandled, intake.source != .patrol { return .selfHandlingOnlyPatrol }
        return nil
    }
}
