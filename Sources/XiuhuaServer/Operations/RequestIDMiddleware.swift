import HTTPTypes
import Hummingbird

/// Returns Hummingbird's request id as `X-Request-Id`, so a user's report of a failed
/// request leads straight to its log lines (which carry it as `hb.request.id`).
struct RequestIDMiddleware<Context: RequestContext>: RouterMiddleware {
    static var header: HTTPField.Name { HTTPField.Name("X-Request-Id")! }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        // Read the id from the logger's metadata rather than `context.id`, which traps when a
        // context was made without one (as the in-process test client does).
        if let id = context.logger[metadataKey: "hb.request.id"] {
            response.headers[Self.header] = id.description
        }
        return response
    }
}
