import Foundation

/// A formal supervision order (督办) on a case and the owner's reply.
public struct Supervision: Hashable, Sendable, Codable {
    /// 1 (lightest) to 3 (most serious).
    public var level: Int
    /// What the supervisor orders.
    public var order: String
    /// Who issued it.
    public var supervisorID: String?
    /// When it was issued.
    public var issuedAt: Date
    /// The owner's reply, once given.
    public var reply: String?
    /// When the owner replied.
    public var repliedAt: Date?

    /// Creates a supervision order.
    public init(level: Int, order: String, supervisorID: String?, issuedAt: Date, reply: String? = nil, repliedAt: Date? = nil) {
        self.level = level
        self.order = order
        self.supervisorID = supervisorID
        self.issuedAt = issuedAt
        self.reply = reply
        self.repliedAt = repliedAt
    }

    /// The levels a supervisor may choose.
    public static let levels = 1...3

    /// True until the owner has replied.
    public var isOpen: Bool { repliedAt == nil }
}
