import Foundation
import Xiuhua

// English for the workflow's names. The Chinese comes from the domain (`CaseText.swift`),
// so the wording a duty chief reads in the console is the one the rules are written in.

extension CaseState {
    func label(_ language: UILanguage) -> String {
        guard language == .en else { return label }
        switch self {
        case .reported: return "To verify"
        case .selfHandledReview: return "Self-handled, to review"
        case .awaitingAcceptance: return "To accept"
        case .awaitingDispatch: return "To dispatch"
        case .dispatched: return "To handle"
        case .extensionRequested: return "Extension requested"
        case .suspensionRequested: return "Suspension requested"
        case .suspended: return "Suspended"
        case .cancelRequested: return "Cancellation requested"
        case .handled: return "To check"
        case .checkPassed: return "To close"
        case .closed: return "Closed"
        case .rated: return "Rated"
        case .rejected: return "Rejected"
        case .cancelled: return "Cancelled"
        case .merged: return "Merged"
        }
    }

    /// What a citizen is told.
    func publicLabel(_ language: UILanguage) -> String {
        guard language == .en else { return publicLabel }
        switch self {
        case .reported, .awaitingAcceptance, .selfHandledReview, .cancelRequested: return "Being reviewed"
        case .awaitingDispatch: return "Accepted, to be dispatched"
        case .dispatched, .extensionRequested, .suspensionRequested, .handled, .checkPassed: return "Being handled"
        case .suspended: return "Scheduled for later"
        case .closed: return "Resolved — please rate"
        case .rated: return "Resolved"
        case .rejected: return "Not accepted"
        case .cancelled: return "Cancelled"
        case .merged: return "Merged with another report"
        }
    }
}

extension CaseActionKind {
    func label(_ language: UILanguage) -> String {
        guard language == .en else { return label }
        switch self {
        case .verify: return "Verify"
        case .accept: return "Accept"
        case .reject: return "Reject"
        case .requestCancel: return "Request cancellation"
        case .approveCancel: return "Cancel case"
        case .denyCancel: return "Deny cancellation"
        case .dispatch: return "Dispatch"
        case .return: return "Return"
        case .handle: return "Report handled"
        case .check: return "Check"
        case .close: return "Close"
        case .rate: return "Record follow-up"
        case .requestExtension: return "Request extension"
        case .approveExtension: return "Approve extension"
        case .denyExtension: return "Deny extension"
        case .requestSuspension: return "Request suspension"
        case .approveSuspension: return "Approve suspension"
        case .denySuspension: return "Deny suspension"
        case .resume: return "Resume"
        case .urge: return "Urge"
        case .supervise: return "Supervise"
        case .replySupervision: return "Reply to supervision"
        case .approveSelfHandling: return "Approve self-handling"
        case .rejectSelfHandling: return "Reject self-handling"
        case .markOverdue: return "Mark overdue"
        case .whistle: return "Whistle (summon departments)"
        case .checkIn: return "Check in on site"
        case .reportWhistle: return "Report on the summons"
        case .releaseSummons: return "Release a summons"
        case .rateSummons: return "Rate a department's response"
        case .markMissedCheckIn: return "Mark missed check-in"
        case .merge: return "Merge into another case"
        case .publishText: return "Publish the caller's words"
        }
    }
}

extension CaseEventKind {
    func label(_ language: UILanguage) -> String {
        guard language == .en else { return label }
        return rawValue.unicodeScalars.reduce(into: "") { text, scalar in
            if CharacterSet.uppercaseLetters.contains(scalar) { text += " " }
            text.unicodeScalars.append(scalar)
        }.lowercased().capitalizedFirst
    }

    /// What a citizen following the ticket is told, or nil for internal steps.
    func publicMessage(_ language: UILanguage) -> String? {
        guard language == .en else { return publicMessage }
        switch self {
        case .reported: return "We have received your report"
        case .verified: return "A grid worker has verified it on site"
        case .accepted: return "Accepted as a case"
        case .rejected: return "Not accepted"
        case .cancelled: return "Cancelled"
        case .dispatched: return "Sent to the unit responsible"
        case .handled: return "The unit reports it fixed; an on-site check follows"
        case .reworked: return "The check failed; the unit is fixing it again"
        case .closed: return "Resolved — please rate"
        case .rated: return "Thank you for your rating"
        case .reopened: return "You said it is not fixed; it is being handled again"
        case .suspensionApproved: return "It needs longer and has been scheduled"
        case .resumed: return "Handling has resumed"
        case .selfHandlingApproved: return "Fixed on the spot and closed"
        case .merged: return "Merged with another report of the same problem"
        default: return nil
        }
    }
}

extension Role {
    func label(_ language: UILanguage) -> String {
        guard language == .en else { return label }
        switch self {
        case .operator: return "Operator"
        case .gridWorker: return "Grid worker"
        case .dutyChief: return "Duty chief"
        case .dispatcher: return "Dispatcher"
        case .streetOfficer: return "Street officer"
        case .departmentHandler: return "Department handler"
        case .supervisor: return "Supervisor"
        case .admin: return "Administrator"
        case .citizen: return "Citizen"
        case .system: return "System"
        case .healthWorker: return "Health worker"
        }
    }
}

extension CaseSource {
    func label(_ language: UILanguage) -> String {
        guard language == .en else { return label }
        switch self {
        case .hotline: return "Hotline"
        case .patrol: return "Patrol"
        case .web: return "Web"
        case .api: return "API"
        }
    }
}

extension TrafficLight {
    func label(_ language: UILanguage) -> String {
        guard language == .en else { return label }
        switch self {
        case .green: return "Green"
        case .yellow: return "Yellow"
        case .red: return "Red"
        }
    }
}

extension Rating.Satisfaction {
    func label(_ language: UILanguage) -> String {
        guard language == .en else { return label }
        switch self {
        case .satisfied: return "Satisfied"
        case .basicallySatisfied: return "Mostly satisfied"
        case .unsatisfied: return "Unsatisfied"
        }
    }
}

extension CaseStage {
    func label(_ language: UILanguage) -> String {
        guard language == .en else { return label }
        switch self {
        case .verify: return "Verification"
        case .accept: return "Acceptance"
        case .dispatch: return "Dispatch"
        case .disposal: return "Disposal"
        case .check: return "Check"
        case .close: return "Closing"
        }
    }
}

extension String {
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
