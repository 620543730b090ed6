/// Why a shop registry operation did not happen. Nothing was written in any of these cases.
public enum ShopStoreError: Error, Hashable, Sendable {
    /// Another shop already carries these credit codes.
    case creditCodeTaken([String])
    case notFound(id: String)
}
