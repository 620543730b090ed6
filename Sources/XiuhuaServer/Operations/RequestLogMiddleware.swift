import Hummingbird
import Logging

/// Logs every request as Hummingbird's `LogRequestsMiddleware` does (message "Request",
/// `hb.request.path` and `hb.request.method`), but with the secrets and personal data of
/// the target blanked (`LoggedTarget`): a log line is read by operators and kept for
/// months, a ticket code is a citizen's credential.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let level: Logger.Level

    init(_ level: Logger.Level) {
        self.level = level
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        context.logger.log(level: level, "Request", metadata: [
            "hb.request.path": .string(LoggedTarget.redacted(request.uri.description)),
            "hb.request.method": .string(request.method.rawValue),
        ])
        return try await next(request, context)
    }
}

/// A request target as the logs may carry it: ticket codes in paths (`/ticket/{code}`,
/// `/api/v1/tickets/{code}`, Open311 `tokens/{token}`) and the values of query parameters
/// that carry keys, codes or search terms (`api_key`, `q`, `code` …) become `***`.
enum LoggedTarget {
    /// Path segments after which the next segment is a ticket code.
    static let secretAfter: [[String]] = [["ticket"], ["api", "v1", "tickets"], ["open311", "v2", "tokens"]]
    /// Query parameters whose values are never logged.
    static let secretParameters: Set<String> = ["api_key", "q", "code", "ticket", "token", "phone", "id_number", "password"]

    static func redacted(_ target: String) -> String {
        let path: Substring
        let query: Substring?
        if let mark = target.firstIndex(of: "?") {
            path = target[..<mark]
            query = target[target.index(after: mark)...]
        } else {
            path = target[...]
            query = nil
        }
        // The first segment is the empty string before the leading "/".
        var segments: [String] = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for prefix in secretAfter where segments.count > prefix.count + 1 {
            if Array(segments[1...prefix.count]) == prefix { segments[prefix.count + 1] = "***" }
        }
        var result = segments.joined(separator: "/")
        guard let query else { return result }
        var pairs: [String] = []
        for pair in query.split(separator: "&", omittingEmptySubsequences: false) {
            let name = String(pair.prefix { $0 != "=" })
            let decoded = (name.removingPercentEncoding ?? name).lowercased()
            pairs.append(secretParameters.contains(decoded) ? name + "=***" : String(pair))
        }
        result += "?" + pairs.joined(separator: "&")
        return result
    }
}
