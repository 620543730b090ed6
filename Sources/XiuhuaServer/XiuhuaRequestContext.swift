import Hummingbird
import Xiuhua

/// The per-request context of every Xiuhua route.
public struct XiuhuaRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    /// The signed-in account, set by `SessionMiddleware`; nil for anonymous requests.
    public var account: Account?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }

    /// Uploads (photos) are limited to 10 MiB a request.
    public var maxUploadSize: Int { 10 * 1024 * 1024 }
}
