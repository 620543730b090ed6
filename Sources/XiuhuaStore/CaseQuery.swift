import Foundation
import Xiuhua

/// A filter over cases, as the list API and the CLI ask for them. Every field narrows
/// the result; nil means "any".
public struct CaseQuery: Sendable {
    public var states: [CaseState] = []
    public var streetCode: String?
    public var communityCode: String?
    public var gridCode: String?
    /// A category code or a prefix of one (`06` for the whole big class).
    public var categoryCode: String?
    /// The current owner's code (a department code, or a street code).
    public var ownerCode: String?
    public var source: CaseSource?
    /// A department a whistle still owes on the case (吹哨 without its report or release).
    public var summonedDepartment: String?
    /// True: the current stage is past its deadline; false: it is not.
    public var overdue: Bool?
    public var light: TrafficLight?
    /// Text found in the number, description or address.
    public var text: String?
    public var createdFrom: Date?
    public var createdBefore: Date?
    public var page: Int = 1
    public var pageSize: Int = 20

    public init() {}

    public static let maximumPageSize = 200
}

/// One page of cases and how many match in all.
public struct CasePage: Sendable {
    public let total: Int
    public let cases: [CaseSnapshot]
}
