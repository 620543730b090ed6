import Foundation

/// A case merged into another (合并): its reporter now follows the survivor. The ticket
/// code still works, and the reporter is told when the survivor closes.
public struct CaseFollower: Hashable, Sendable, Codable {
    /// The merged case.
    public var number: String
    /// The merged case's ticket code (查询码).
    public var ticketCode: String
    /// The channel of the merged report: only the public's reporters get text messages.
    public var source: CaseSource
    /// The reporter's phone (internal data, as on the case itself).
    public var reporterPhone: String?

    public init(number: String, ticketCode: String, source: CaseSource, reporterPhone: String?) {
        self.number = number
        self.ticketCode = ticketCode
        self.source = source
        self.reporterPhone = reporterPhone
    }
}
