/// A message a person should receive because something happened to a case.
///
/// Derived from the case's new events by `NotificationRules`; the store writes it to the
/// outbox in the same transaction as the events, and a delivery worker sends it.
public struct CaseNotification: Hashable, Sendable, Codable {
    /// What happened, from the recipient's point of view.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// A case was dispatched (or sent back for rework, or reopened) to the owner.
        case assigned
        /// A stage of the owner's case ran past its deadline.
        case overdue
        /// Someone urged (催办) the owner.
        case urged
        /// A supervision order (督办) was issued to the owner.
        case supervised
        /// An owner returned the case; the dispatchers must send it elsewhere.
        case returned
        /// A street's whistle (吹哨) summoned the department to the case's site.
        case summoned
        /// A summoned department did not check in (报到) by the deadline.
        case checkInMissed
        /// The citizen's report was accepted (立案).
        case citizenAccepted
        /// The citizen's case was closed; they are asked to rate the fix.
        case citizenClosed
        /// A 门前五包 contract entered its last 30 days (`caseNumber` is the contract's number).
        case contractExpiring
        /// A 门前五包 contract ran out without a renewal.
        case contractExpired
    }

    /// Who receives it.
    public enum Recipient: Hashable, Sendable, Codable {
        /// The unit holding the case (a department or a street), through the webhook.
        case owner(CaseOwner)
        /// Everyone in a role (dispatchers, duty chiefs), through the webhook.
        case role(Role)
        /// The citizen who reported the case, by text message to their phone.
        case citizen(phone: String)
        /// A community office (社区), through the webhook.
        case community(code: String)

        /// The channel that reaches this recipient.
        public var channel: NotificationChannel {
            if case .citizen = self { return .sms }
            return .webhook
        }

        /// A stable text form: `dept:huanwei`, `street:140213003`, `role:dispatcher`,
        /// `community:140213003001`, `phone:13812345678`.
        public var address: String {
            switch self {
            case .owner(let owner): "\(owner.kind == .department ? "dept" : "street"):\(owner.code)"
            case .role(let role): "role:\(role.rawValue)"
            case .citizen(let phone): "phone:\(phone)"
            case .community(let code): "community:\(code)"
            }
        }
    }

    public var kind: Kind
    public var recipient: Recipient
    public var caseNumber: String
    /// The citizen's ticket code, for messages that let them track or rate the case.
    public var ticketCode: String
    /// The message in Chinese, ready to show or send as it is.
    public var text: String

    public init(kind: Kind, recipient: Recipient, caseNumber: String, ticketCode: String, text: String) {
        self.kind = kind
        self.recipient = recipient
        self.caseNumber = caseNumber
        self.ticketCode = ticketCode
        self.text = text
    }
}

/// How a notification travels.
public enum NotificationChannel: String, Hashable, Sendable, Codable, CaseIterable {
    /// A signed JSON POST to the district's webhook (its message bus, 政务微信 bridge …).
    case webhook
    /// A text message through the SMS gateway.
    case sms
}
