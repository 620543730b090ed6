import Foundation

/// A request waiting for a decision (作废, 延期, 挂账), and where the case goes back to
/// if it is denied.
public struct PendingRequest: Hashable, Sendable, Codable {
    /// What is requested.
    public enum Kind: String, Hashable, Sendable, Codable {
        case cancel
        case `extension`
        case suspension
    }

    /// What is requested.
    public var kind: Kind
    /// Why, in the requester's words.
    public var reason: String
    /// For an extension: how the deadline should move.
    public var deadlineExtension: DeadlineExtension?
    /// The state the case returns to when the request is denied.
    public var returnState: CaseState
    /// Who asked.
    public var requestedBy: String?
    /// When.
    public var requestedAt: Date

    /// Creates a pending request.
    public init(
        kind: Kind,
        reason: String,
        deadlineExtension: DeadlineExtension? = nil,
        returnState: CaseState,
        requestedBy: String?,
        requestedAt: Date
    ) {
        self.kind = kind
        self.reason = reason
        self.deadlineExtension = deadlineExtension
        self.returnState = returnState
        self.requestedBy = requestedBy
        self.requestedAt = requestedAt
    }
}
