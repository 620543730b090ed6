import Hummingbird

/// Refuses request bodies above the configured limit (`uploads.max_request_bytes`) with a
/// 413 before any route reads them.
struct RequestSizeLimitMiddleware: RouterMiddleware {
    typealias Context = XiuhuaRequestContext
    let maxBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maxBytes {
            throw APIError(.contentTooLarge, code: "body_too_large", message: "请求体过大 (request body too large): \(length) bytes, limit \(maxBytes)")
        }
        var request = request
        if request.headers[.contentLength] == nil, request.method == .post || request.method == .put || request.method == .patch {
            do {
                request.body = .init(buffer: try await request.body.collect(upTo: maxBytes))
            } catch {
                throw APIError(.contentTooLarge, code: "body_too_large", message: "请求体过大 (request body too large): limit \(maxBytes) bytes")
            }
        }
        return try await next(request, context)
    }
}
