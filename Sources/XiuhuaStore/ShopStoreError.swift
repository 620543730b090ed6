/// Why a shop registry operation did not happen. Nothing was written in any of these cases.
public enum ShopStoreError: Error, Hashable, Sendable {
    /// Another shop already carries these credit codes.
    case creditCodeTaken([String])
    case notFound(id: String)
    /// The shop has inspections (or other records) that refer to it.
    case hasRecords(id: String)
    /// A case was already opened (or is being opened) for this inspection item.
    case caseAlreadyOpened(inspectionID: String, item: String, caseNumber: String?)
}
