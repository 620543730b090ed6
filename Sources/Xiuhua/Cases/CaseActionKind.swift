/// The kinds of action, without payload: what a menu offers and what the rules are keyed by.
public enum CaseActionKind: String, Hashable, Sendable, Codable, CaseIterable {
    case verify
    case accept
    case reject
    case requestCancel
    case approveCancel
    case denyCancel
    case dispatch
    case `return`
    case handle
    case check
    case close
    case rate
    case requestExtension
    case approveExtension
    case denyExtension
    case requestSuspension
    case approveSuspension
    case denySuspension
    case resume
    case urge
    case supervise
    case replySupervision
    case approveSelfHandling
    case rejectSelfHandling
    case markOverdue
    case whistle
    case checkIn
    case reportWhistle
    case releaseSummons
    case rateSummons
    case markMissedCheckIn
    case merge
    case publishText

    /// The whole rule table: every kind with its roles, states and scope.
    public static let rules: [CaseActionKind: ActionRule] = Dictionary(
        uniqueKeysWithValues: allCases.map { ($0, $0.rule) }
    )

    /// Who may take this action in which states.
    public var rule: ActionRule {
        let owners: Set<Role> = [.departmentHandler, .streetOfficer]
        let open = Set(CaseState.allCases.filter(\.isOpen))
        switch self {
        case .verify: return ActionRule(roles: [.gridWorker], states: [.reported], scope: .grid)
        case .accept: return ActionRule(roles: [.dutyChief], states: [.awaitingAcceptance])
        case .reject: return ActionRule(roles: [.dutyChief, .operator], states: [.reported, .awaitingAcceptance])
        case .requestCancel: return ActionRule(roles: [.operator, .dispatcher], states: Self.cancellable)
        case .approveCancel: return ActionRule(roles: [.dutyChief], states: Self.cancellable.union([.cancelRequested]))
        case .denyCancel: return ActionRule(roles: [.dutyChief], states: [.cancelRequested])
        case .dispatch: return ActionRule(roles: [.dispatcher], states: [.awaitingDispatch])
        case .return: return ActionRule(roles: owners, states: [.dispatched], scope: .owner)
        case .handle: return ActionRule(roles: owners, states: [.dispatched], scope: .owner)
        case .check: return ActionRule(roles: [.gridWorker], states: [.handled], scope: .grid)
        case .close: return ActionRule(roles: [.dutyChief], states: [.checkPassed])
        case .rate: return ActionRule(roles: [.citizen, .operator], states: [.closed])
        case .requestExtension: return ActionRule(roles: owners, states: [.dispatched], scope: .owner)
        case .approveExtension, .denyExtension: return ActionRule(roles: [.dispatcher], states: [.extensionRequested])
        case .requestSuspension: return ActionRule(roles: owners, states: [.dispatched], scope: .owner)
        case .approveSuspension, .denySuspension: return ActionRule(roles: [.dispatcher], states: [.suspensionRequested])
        case .resume: return ActionRule(roles: [.dispatcher], states: [.suspended])
        case .urge: return ActionRule(roles: [.dispatcher, .dutyChief, .supervisor, .system], states: open)
        case .supervise: return ActionRule(roles: [.supervisor], states: open)
        case .replySupervision: return ActionRule(roles: owners, states: CaseState.owned, scope: .owner)
        case .approveSelfHandling, .rejectSelfHandling: return ActionRule(roles: [.dutyChief], states: [.selfHandledReview])
        // A suspended case is not counted as overdue (挂账不计超期).
        case .markOverdue: return ActionRule(roles: [.system], states: open.subtracting([.suspended]))
        // 吹哨报到: the street that owns the case (块) summons departments (条).
        case .whistle: return ActionRule(roles: [.streetOfficer], states: Self.whistleable, scope: .owner)
        case .checkIn, .reportWhistle: return ActionRule(roles: [.departmentHandler], states: open, scope: .summoned)
        case .releaseSummons: return ActionRule(roles: [.streetOfficer], states: CaseState.owned, scope: .owner)
        // The street may rate a department's response after the case is closed.
        case .rateSummons: return ActionRule(roles: [.streetOfficer], states: CaseState.owned.union([.closed, .rated]), scope: .owner)
        case .markMissedCheckIn: return ActionRule(roles: [.system], states: open)
        // A duplicate is merged while it is still open; the survivor is checked by `Workflow.merge`.
        case .merge: return ActionRule(roles: [.dutyChief], states: open)
        // Only hotline cases keep their text from the public; `Workflow` checks the source.
        case .publishText: return ActionRule(roles: [.operator, .dutyChief], states: Set(CaseState.allCases.filter(\.isPublished)))
        }
    }

    /// States in which the owning street may summon departments: while it holds the case.
    private static let whistleable: Set<CaseState> = [.dispatched, .extensionRequested, .suspensionRequested, .suspended, .handled]

    /// States from which a case may still be cancelled: before the owner reports it fixed.
    private static let cancellable: Set<CaseState> = [.reported, .awaitingAcceptance, .awaitingDispatch, .dispatched]
}
