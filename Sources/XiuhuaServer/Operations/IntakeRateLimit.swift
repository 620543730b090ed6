import Foundation
import HTTPTypes
import Hummingbird
import Metrics

/// A token bucket per client address: `burst` requests at once, then `perMinute` a
/// minute. Buckets that have filled up again are dropped when the table grows, so a flood
/// of addresses cannot grow it without bound.
actor IntakeRateLimiter {
    private let rate: Double
    private let burst: Double
    private let clock: @Sendable () -> Date
    private var buckets: [String: (tokens: Double, at: Date)] = [:]
    static let pruneAbove = 20_000

    /// How many addresses have a bucket.
    var trackedCount: Int { buckets.count }

    init(_ limit: ServerSettings.RateLimit, clock: @escaping @Sendable () -> Date = { Date() }) {
        rate = Double(limit.perMinute) / 60
        burst = Double(max(1, limit.burst))
        self.clock = clock
    }

    /// Takes a token for `address`: nil when the request may go on, otherwise the whole
    /// seconds until the next token.
    func admit(_ address: String) -> Int? {
        let now = clock()
        var bucket = buckets[address] ?? (burst, now)
        bucket.tokens = min(burst, bucket.tokens + max(0, now.timeIntervalSince(bucket.at)) * rate)
        bucket.at = now
        defer { buckets[address] = bucket }
        if bucket.tokens >= 1 {
            bucket.tokens -= 1
            if buckets.count > Self.pruneAbove { prune(now) }
            return nil
        }
        return max(1, Int(((1 - bucket.tokens) / rate).rounded(.up)))
    }

    private func prune(_ now: Date) {
        buckets = buckets.filter { $0.value.tokens + now.timeIntervalSince($0.value.at) * rate < burst }
    }
}

/// Holds the public intake paths to the per-address limit (`limits.intake`): the citizen
/// report form, `POST /api/v1/cases`, ticket lookups and ratings, on the web and in the
/// API, when nobody is signed in. Signed-in staff are not limited. Over the limit: 429 with `Retry-After`,
/// as a page in the visitor's language on the web paths and as the API's JSON error on
/// `/api/v1`.
struct IntakeRateLimitMiddleware: RouterMiddleware {
    typealias Context = XiuhuaRequestContext
    let limiter: IntakeRateLimiter
    let tileURL: String?

    init(limit: ServerSettings.RateLimit, tileURL: String?) {
        limiter = IntakeRateLimiter(limit)
        self.tileURL = tileURL
    }

    /// Whether a request is anonymous public intake (filing, a photo upload, a ticket lookup, a rating).
    /// Signed-in staff are accountable by name and file and rate on callers' behalf all
    /// day, so their requests are never counted.
    static func isIntake(_ method: HTTPRequest.Method, _ path: String, signedIn: Bool) -> Bool {
        guard !signedIn else { return false }
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        switch (method, parts.count) {
        case (.post, 1): return parts[0] == "report"
        case (.get, 2): return parts[0] == "ticket"
        case (.post, 3):
            // A citizen's photo upload is intake too: it writes a file for anyone who asks.
            return (parts[0] == "ticket" && parts[2] == "rating")
                || (parts[0] == "api" && parts[1] == "v1" && (parts[2] == "cases" || parts[2] == "attachments"))
        case (.get, 4):
            // A ticket code is the key to a citizen's case: lookups by code, in our API and
            // as Open311 tokens, share the limit.
            return (parts[0] == "api" && parts[1] == "v1" && parts[2] == "tickets") || (parts[0] == "open311" && parts[2] == "tokens")
        case (.post, 5): return parts[0] == "api" && parts[1] == "v1" && parts[2] == "tickets" && parts[4] == "rating"
        default: return false
        }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard Self.isIntake(request.method, path, signedIn: context.account != nil),
              let wait = await limiter.admit(context.clientAddress ?? "unknown")
        else { return try await next(request, context) }
        Counter(label: "xiuhua_rate_limited_total", dimensions: [("limit", "intake")]).increment()
        context.logger.notice("intake rate limit", metadata: ["client": "\(context.clientAddress ?? "unknown")", "path": "\(path)"])
        var response: Response
        if path.hasPrefix("/api/") {
            response = try APIError(
                .tooManyRequests, code: "rate_limited",
                message: "请求过于频繁，请 \(wait) 秒后再试 (too many requests from this address; try again in \(wait) s)"
            ).response(from: request, context: context)
        } else {
            let language = UILanguage.page(request)
            response = try WebErrorMiddleware(tileURL: tileURL).page(
                request, context, status: .tooManyRequests,
                message: WebText.text(.errorTooManyRequests, language, ["seconds": String(wait)])
            )
        }
        response.headers[.retryAfter] = String(wait)
        return response
    }
}
