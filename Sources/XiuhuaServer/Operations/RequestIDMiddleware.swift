import HTTPTypes
import Hummingbird

/// Returns Hummingbird's request id as `X-Request-Id`, so a user's report of a failed
/// request leads straight to its log lines (which carry it as `hb.request.id`).
struct RequestIDMiddleware<Context: RequestContext>: RouterMiddleware {
    static var header: HTTPField.Name { HTTPField.Name("X-Request-Id")! }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[Self.header] = context.id
        return response
    }
}
