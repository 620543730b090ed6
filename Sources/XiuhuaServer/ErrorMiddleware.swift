import Hummingbird
import Logging
import XiuhuaStore

/// Turns every error that escapes a route into the API's JSON error shape.
///
/// Framework errors (unknown route, body too large, undecodable JSON) keep their status but
/// get our body; anything unexpected is logged with the request ID and answered with a 500
/// that names no internals.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return try error.response(from: request, context: context)
        } catch let error as HTTPResponseError {
            let status = error.status
            let code = status == .notFound ? "not_found" : "http_\(status.code)"
            let message = status == .notFound ? "没有这个地址 (no such route): \(request.uri.path)" : status.reasonPhrase
            return try APIError(status, code: code, message: message).response(from: request, context: context)
        } catch let error as PostgresEngineError where error.isUnavailable {
            // The shared database is down or restarting: nothing was written, and the same
            // request succeeds once it is back, so say so rather than answer 500.
            var response = try APIError(.serviceUnavailable, code: "database_unavailable", message: error.description)
                .response(from: request, context: context)
            response.headers[.retryAfter] = "5"
            return response
        } catch let error as DecodingError {
            return try APIError.badRequest("invalid_body", "请求体无法解析 (cannot read the request body): \(decodingErrorText(error))")
                .response(from: request, context: context)
        } catch {
            context.logger.error("unexpected error", metadata: ["error": "\(error)"])
            return try APIError(.internalServerError, code: "internal", message: "服务器内部错误 (internal error)")
                .response(from: request, context: context)
        }
    }
}

/// A short, readable account of a JSON decoding failure: which field, what was wrong.
func decodingErrorText(_ error: DecodingError) -> String {
    func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
    switch error {
    case .keyNotFound(let key, let context):
        let prefix = path(context.codingPath)
        return "缺少字段 \(prefix.isEmpty ? "" : prefix + ".")\(key.stringValue) (missing field)"
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
        return "字段 \(path(context.codingPath)) 类型不对 (wrong type): \(context.debugDescription)"
    case .dataCorrupted(let context):
        return context.codingPath.isEmpty ? "不是有效的 JSON (not valid JSON)" : "字段 \(path(context.codingPath)) 无效: \(context.debugDescription)"
    @unknown default:
        return "\(error)"
    }
}
