import Hummingbird
import NIOCore
import Xiuhua

/// The per-request context of every Xiuhua route.
public struct XiuhuaRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage

    /// The signed-in account, set by `SessionMiddleware`; nil for anonymous requests.
    public var account: Account?

    /// The peer's address; sign-in attempts are limited per address.
    public let remoteAddress: SocketAddress?

    /// The client's address for per-address limits: the peer, or the address a trusted
    /// proxy forwarded (set by `ClientAddressMiddleware`).
    public var clientAddress: String?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
        self.clientAddress = source.channel.remoteAddress?.ipAddress
    }

    /// The ceiling for any request body; the limit in effect is the configured one
    /// (`uploads.max_request_bytes`, default 10 MiB), enforced by `RequestSizeLimitMiddleware`.
    public var maxUploadSize: Int { XiuhuaConfiguration.maxRequestBytesCeiling }
}
