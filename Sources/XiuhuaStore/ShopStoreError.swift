/// Why a shop registry operation did not happen. Nothing was written in any of these cases.
public enum ShopStoreError: Error, Hashable, Sendable {
    /// Another shop already carries these credit codes.
    case creditCodeTaken([String])
    case notFound(id: String)
    /// The shop has inspections (or other records) that refer to it.
    case hasRecords(id: String)
    /// A case was already opened (or is being opened) for this inspection item.
    case caseAlreadyOpened(inspectionID: String, item: String, caseNumber: String?)
    /// The contract has been renewed already, by the contract named.
    case alreadyRenewed(successor: String)
}

/// A 红黑榜 already published for this month and street; it stays as it was.
public struct BoardAlreadyPublished: Error, Hashable, Sendable {
    public let month: String
    public let streetCode: String
}

/// A board computed before a notice put a shop on its black list: compute it again.
public struct BoardOutdated: Error, Hashable, Sendable {
    public let month: String
    public let streetCode: String
}
