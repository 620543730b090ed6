import Foundation
import Testing
import Xiuhua

/// Walks every action × state × role and holds `decide` and `allowedActions` to the rule table.
@Suite("Workflow rule table")
struct WorkflowRuleTableTests {
    /// A valid payload for each kind, so that only role, state and scope can refuse it.
    static func sample(_ kind: CaseActionKind) -> CaseAction {
        switch kind {
        case .verify: .verify(real: true)
        case .accept: .accept()
        case .reject: .reject(reason: "不属于城管范围")
        case .requestCancel: .requestCancel(reason: "重复案件")
        case .approveCancel: .approveCancel(reason: "重复案件")
        case .denyCancel: .denyCancel()
        case .dispatch: .dispatch(to: .department("D1"))
        case .return: .return(reason: "非本单位职责")
        case .handle: .handle(note: "已清理", photos: ["after.jpg"])
        case .check: .check(passed: true)
        case .close: .close()
        case .rate: .rate(Rating(satisfaction: .satisfied, fixed: true))
        case .requestExtension: .requestExtension(.extraTime(.hours(2)), reason: "需要调用机械")
        case .approveExtension: .approveExtension()
        case .denyExtension: .denyExtension()
        case .requestSuspension: .requestSuspension(reason: "需要专项资金")
        case .approveSuspension: .approveSuspension()
        case .denySuspension: .denySuspension()
        case .resume: .resume()
        case .urge: .urge()
        case .supervise: .supervise(level: 2, order: "限期办结")
        case .replySupervision: .replySupervision(reply: "已安排人员")
        case .approveSelfHandling: .approveSelfHandling()
        case .rejectSelfHandling: .rejectSelfHandling()
        case .markOverdue: .markOverdue
        case .whistle: .whistle(id: "W1", kind: .emergency, departments: ["D2"], reason: "路面塌陷需多部门到场")
        case .checkIn: .checkIn()
        case .reportWhistle: .reportWhistle(report: "已封闭现场")
        case .releaseSummons: .releaseSummons(department: "D2", reason: "已无需到场")
        case .rateSummons: .rateSummons(department: "D2", satisfaction: .satisfied)
        case .markMissedCheckIn: .markMissedCheckIn
        case .merge: .merge(into: "XH-2026-000002")
        case .publishText: .publishText()
        }
    }

    /// What the table says should happen: nil for allowed, else the refusal code.
    static func expected(_ kind: CaseActionKind, _ state: CaseState, _ role: Role, owner: CaseOwner) -> WorkflowRefusal.Code? {
        let rule = CaseActionKind.rules[kind]!
        if !rule.roles.contains(role) { return .forbiddenRole }
        if !rule.states.contains(state) { return .wrongState }
        if rule.scope == .owner, !Fixture.actor(role).handles(for: owner) { return .outOfScope }
        // The table's histories summon nobody: whistle follow-ups have nothing to act on.
        if rule.scope == .summoned { return .outOfScope }
        switch kind {
        case .releaseSummons, .rateSummons: return .wrongState
        case .markMissedCheckIn: return .notOverdue
        // Deciding alone has no survivor to merge into: `Workflow.merge` decides with both.
        case .merge: return .invalidInput
        // The table's self-handled case is a patrol report, whose words are public already.
        case .publishText where state == .selfHandledReview: return .alreadyRecorded
        default: return nil
        }
    }

    @Test("every action, state and role is allowed or refused as the rule table says", arguments: [
        CaseOwner.department("D1"), CaseOwner.street("S1"),
    ])
    func walksTheWholeTable(owner: CaseOwner) throws {
        for state in CaseState.allCases {
            var history = try CaseHistory.reaching(state, owner: owner, supervised: true)
            // Far enough on that every stage is overdue, so the scheduler's cells are allowed.
            history.wait(minutes: 60 * 24 * 30)
            for role in Role.allCases {
                let actor = Fixture.actor(role)
                let menu = Workflow.allowedActions(for: history.snapshot, by: actor, at: history.now)
                for kind in CaseActionKind.allCases {
                    let want = Self.expected(kind, state, role, owner: owner)
                    let got = history.refusal(Self.sample(kind), by: actor)
                    #expect(got?.code == want, "\(kind) in \(state) by \(role): \(got?.message ?? "allowed")")
                    let offered = want == nil || (kind == .merge && want == .invalidInput)
                    #expect(menu.contains(kind) == offered, "menu of \(role) in \(state) and \(kind)")
                }
            }
        }
    }

    @Test("key cells of the table, written out by hand")
    func keyCells() throws {
        let d1 = CaseOwner.department("D1")
        let cells: [(CaseActionKind, CaseState, Role, WorkflowRefusal.Code?)] = [
            (.verify, .reported, .gridWorker, nil),
            (.verify, .reported, .operator, .forbiddenRole),
            (.accept, .awaitingAcceptance, .dutyChief, nil),
            (.accept, .reported, .dutyChief, .wrongState),
            (.accept, .awaitingAcceptance, .dispatcher, .forbiddenRole),
            (.reject, .reported, .operator, nil),
            (.reject, .awaitingDispatch, .dutyChief, .wrongState),
            (.dispatch, .awaitingDispatch, .dispatcher, nil),
            (.handle, .dispatched, .departmentHandler, nil),
            (.handle, .dispatched, .streetOfficer, .outOfScope),
            (.handle, .extensionRequested, .departmentHandler, .wrongState),
            (.check, .handled, .gridWorker, nil),
            (.close, .checkPassed, .dutyChief, nil),
            (.close, .handled, .dutyChief, .wrongState),
            (.close, .checkPassed, .dispatcher, .forbiddenRole),
            (.rate, .closed, .citizen, nil),
            (.rate, .closed, .operator, nil),
            (.rate, .handled, .citizen, .wrongState),
            (.approveCancel, .awaitingDispatch, .dutyChief, nil),
            (.requestCancel, .handled, .operator, .wrongState),
            (.resume, .suspended, .dispatcher, nil),
            (.urge, .dispatched, .system, nil),
            (.urge, .closed, .system, .wrongState),
            (.markOverdue, .suspended, .system, .wrongState),
            (.markOverdue, .dispatched, .dispatcher, .forbiddenRole),
            (.approveSelfHandling, .selfHandledReview, .dutyChief, nil),
            (.supervise, .rated, .supervisor, .wrongState),
            (.dispatch, .awaitingDispatch, .admin, .forbiddenRole),
        ]
        for (kind, state, role, want) in cells {
            #expect(Self.expected(kind, state, role, owner: d1) == want, "table: \(kind) in \(state) by \(role)")
            var history = try CaseHistory.reaching(state, owner: d1, supervised: true)
            history.wait(minutes: 60 * 24 * 30)
            #expect(history.refusal(Self.sample(kind), by: Fixture.actor(role))?.code == want, "decide: \(kind) in \(state) by \(role)")
        }
    }

    @Test("the rule table names the roles and states of the standard flow")
    func ruleRows() {
        #expect(CaseActionKind.rules.count == CaseActionKind.allCases.count)
        #expect(CaseActionKind.rules[.close] == ActionRule(roles: [.dutyChief], states: [.checkPassed]))
        #expect(CaseActionKind.rules[.dispatch] == ActionRule(roles: [.dispatcher], states: [.awaitingDispatch]))
        #expect(CaseActionKind.rules[.handle] == ActionRule(roles: [.departmentHandler, .streetOfficer], states: [.dispatched], scope: .owner))
        #expect(CaseActionKind.rules[.verify] == ActionRule(roles: [.gridWorker], states: [.reported], scope: .grid))
        // Administrators maintain the platform; they take no part in a case.
        #expect(!CaseActionKind.rules.values.contains { $0.roles.contains(.admin) })
    }

    @Test("a refusal names the action, the current state and what is needed")
    func refusalMessage() throws {
        let history = try CaseHistory.reaching(.dispatched)
        let refusal = try #require(history.refusal(.close(), by: Fixture.dutyChief))
        #expect(refusal.code == .wrongState)
        #expect(refusal.code.rawValue == "wrong_state")
        #expect(refusal.message == "结案需要核查通过，当前状态：待处置")
        #expect(refusal.action == .close)
        #expect(refusal.state == .dispatched)
        let role = try #require(history.refusal(.close(), by: Fixture.dispatcher))
        #expect(role.message == "派遣员无权结案，需要：值班长")
    }

    @Test("the menu shows exactly what this person may do now")
    func menus() throws {
        let waiting = try CaseHistory.reaching(.awaitingDispatch)
        #expect(Workflow.allowedActions(for: waiting.snapshot, by: Fixture.dispatcher, at: waiting.now) == [.requestCancel, .dispatch, .urge])
        let owned = try CaseHistory.reaching(.dispatched)
        #expect(
            Workflow.allowedActions(for: owned.snapshot, by: Fixture.departmentHandler, at: owned.now)
                == [.return, .handle, .requestExtension, .requestSuspension]
        )
        #expect(Workflow.allowedActions(for: owned.snapshot, by: Fixture.streetOfficer, at: owned.now).isEmpty)
    }
}
