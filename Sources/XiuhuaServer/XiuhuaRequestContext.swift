import Hummingbird

/// The per-request context of every Xiuhua route.
public struct XiuhuaRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }

    /// Uploads (photos) are limited to 10 MiB a request.
    public var maxUploadSize: Int { 10 * 1024 * 1024 }
}
