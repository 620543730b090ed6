import Dispatch
import HTTPTypes
import Hummingbird
import Logging
import Metrics
import NIOCore
import XiuhuaStore

/// What `PublicAnswerHandler` needs to answer a public read as the full middleware chain
/// would: the cached body, and the headers, log line and metrics the middleware adds.
///
/// The headers are written in the order the chain writes them (route, request id, security
/// headers, then Hummingbird's date and server name), so a client sees the same bytes
/// apart from the date and the request id, which differ on every response anyway.
struct PublicAnswers: Sendable {
    let cache: PublicListCache
    let store: Store
    let securityHeaders: HTTPFields
    let serverName: String
    let logger: Logger
    let date = HTTPDate()
    /// The route's metrics under the labels Hummingbird's `MetricsMiddleware` gives them,
    /// so `/metrics` counts these answers with the rest (every cached answer is a 200 from
    /// `/open311/v2/{file}`).
    let requests: Counter
    let duration: Timer
    /// How many answers left from the event loop (a share of `requests`), to see the fast
    /// path at work in `/metrics`.
    let early = Counter(label: "xiuhua_http_early_answers_total")

    static let route = "/open311/v2/{file}"

    init(cache: PublicListCache, store: Store, securityHeaders: HTTPFields, serverName: String, logger: Logger) {
        self.cache = cache
        self.store = store
        self.securityHeaders = securityHeaders
        self.serverName = serverName
        self.logger = logger
        let dimensions = [("http.route", Self.route), ("http.request.method", "GET"), ("http.response.status_code", "200")]
        requests = Counter(label: "hb.requests", dimensions: dimensions)
        duration = Timer(label: "http.server.request.duration", dimensions: dimensions, preferredDisplayUnit: .seconds)
    }

    /// Whether `head` is a plain GET that a cached answer can serve: no body, no session
    /// (the session middleware would look the caller up), no upgrade, no `Expect`, and a
    /// connection that stays open (closing is left to Hummingbird). Anything else goes to
    /// Hummingbird untouched.
    static func mayAnswer(_ head: HTTPRequest) -> Bool {
        guard head.method == .get, head.path?.hasPrefix("/open311/v2/") == true else { return false }
        for field in head.headerFields {
            switch field.name {
            case .contentLength, .transferEncoding, .authorization, .cookie, .expect, .upgrade:
                return false
            case .connection:
                guard field.value.lowercased() == "keep-alive" else { return false }
            default:
                continue
            }
        }
        return true
    }

    /// The full response for `head` when the cache has a current answer for its target; nil
    /// otherwise. Counts and logs the request as the middleware would.
    func answer(_ head: HTTPRequest, startedAt: UInt64) -> (head: HTTPResponse, body: ByteBuffer)? {
        guard let target = head.path, let entry = cache.entry(for: target, writeCount: store.caseWriteCount) else { return nil }
        let id = RequestID()
        var fields = HTTPFields()
        fields.reserveCapacity(securityHeaders.count + 5)
        fields.append(HTTPField(name: .contentType, value: entry.format.contentType))
        fields.append(HTTPField(name: .contentLength, value: String(entry.body.readableBytes)))
        fields.append(HTTPField(name: RequestIDMiddleware<XiuhuaRequestContext>.header, value: id.description))
        fields.append(contentsOf: securityHeaders)
        fields.append(HTTPField(name: .date, value: date.now))
        fields.append(HTTPField(name: .server, value: serverName))
        if logger.logLevel <= .info {
            var logger = logger
            logger[metadataKey: "hb.request.id"] = .stringConvertible(id)
            logger.info("Request", metadata: ["hb.request.path": .string(LoggedTarget.redacted(target)), "hb.request.method": .string("GET")])
        }
        requests.increment()
        early.increment()
        duration.recordNanoseconds(Int64(DispatchTime.now().uptimeNanoseconds - startedAt))
        return (HTTPResponse(status: .ok, headerFields: fields), entry.body)
    }
}
