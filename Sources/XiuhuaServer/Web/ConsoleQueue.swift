import Xiuhua
import XiuhuaStore

/// A work queue in the console: the cases in some states that a role works on.
struct ConsoleQueue: Sendable {
    let id: String
    let title: ConsoleText.Key
    let states: [CaseState]
    var overdue: Bool? = nil
    /// The cases a whistle still owes the viewer's department on.
    var summonedToMe = false

    /// The queues of a role, most pressing first. Scope (own grids, own department) comes
    /// from the store's visibility rule, the same one the API applies.
    static func queues(for role: Role) -> [ConsoleQueue] {
        let open = CaseState.allCases.filter(\.isOpen)
        let overdue = ConsoleQueue(id: "overdue", title: .queueOverdue, states: open, overdue: true)
        switch role {
        case .gridWorker:
            return [.init(id: "verify", title: .queueVerify, states: [.reported]), .init(id: "check", title: .queueCheck, states: [.handled]), overdue]
        case .dutyChief:
            return [
                .init(id: "accept", title: .queueAccept, states: [.awaitingAcceptance]),
                .init(id: "close", title: .queueClose, states: [.checkPassed]),
                .init(id: "review", title: .queueReview, states: [.selfHandledReview, .cancelRequested]), overdue,
            ]
        case .dispatcher:
            return [
                .init(id: "dispatch", title: .queueDispatch, states: [.awaitingDispatch]),
                .init(id: "approvals", title: .queueApprovals, states: [.extensionRequested, .suspensionRequested]),
                .init(id: "suspended", title: .queueSuspended, states: [.suspended]), overdue,
            ]
        case .streetOfficer:
            return [
                .init(id: "handle", title: .queueHandle, states: [.dispatched]),
                .init(id: "approvals", title: .queueApprovals, states: [.extensionRequested, .suspensionRequested, .suspended]), overdue,
            ]
        case .departmentHandler:
            return [
                .init(id: "handle", title: .queueHandle, states: [.dispatched]),
                // 吹哨报到: cases another unit owns where this department must still check in or report.
                .init(id: "summoned", title: .queueSummoned, states: open, summonedToMe: true),
                .init(id: "approvals", title: .queueApprovals, states: [.extensionRequested, .suspensionRequested, .suspended]), overdue,
            ]
        case .operator:
            return [
                .init(id: "followup", title: .queueFollowUp, states: [.closed]),
                .init(id: "verify", title: .queueVerify, states: [.reported]),
                .init(id: "open", title: .queueOpen, states: open),
            ]
        case .supervisor, .admin, .system, .citizen:
            return [overdue, .init(id: "open", title: .queueOpen, states: open)]
        case .healthWorker:
            return []
        }
    }

    /// The queue's filter for `actor`. A department sees the cases it was whistled to in
    /// its lists, so its other queues keep to the cases it owns.
    func query(for actor: Actor) -> CaseQuery {
        var query = CaseQuery()
        query.states = states
        query.overdue = overdue
        if actor.role == .departmentHandler, let department = actor.departmentCode {
            if summonedToMe { query.summonedDepartment = department } else { query.ownerCode = department }
        }
        return query
    }
}
