/// The flat name of an event, stored beside its JSON so the store can filter by it.
public enum CaseEventKind: String, Hashable, Sendable, Codable, CaseIterable {
    case reported
    case verified
    case accepted
    case rejected
    case cancelRequested
    case cancelled
    case cancelDenied
    case dispatched
    case returned
    case handled
    case checked
    case reworked
    case closed
    case rated
    case reopened
    case extensionRequested
    case extensionApproved
    case extensionDenied
    case suspensionRequested
    case suspensionApproved
    case suspensionDenied
    case resumed
    case urged
    case supervised
    case supervisionReplied
    case selfHandlingApproved
    case selfHandlingRejected
    case markedOverdue
    case whistled
    case checkedIn
    case whistleReported
    case summonsReleased
    case summonsRated
    case checkInMissed
}
