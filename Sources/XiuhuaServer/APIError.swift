import Foundation
import Hummingbird

/// An error the API reports to its caller as `{"error": code, "message": text}`.
///
/// `code` is stable and machine-readable; `message` is for people, in Chinese first.
public struct APIError: HTTPResponseError, Sendable {
    public let status: HTTPResponse.Status
    public let code: String
    public let message: String
    /// For conflicts: the case as it now stands.
    let current: CurrentState?
    /// For 429 and 503: seconds until a retry may succeed, sent as `Retry-After`.
    public var retryAfterSeconds: Int?

    public init(_ status: HTTPResponse.Status, code: String, message: String) {
        self.init(status, code: code, message: message, current: nil)
    }

    init(_ status: HTTPResponse.Status, code: String, message: String, current: CurrentState?) {
        self.status = status
        self.code = code
        self.message = message
        self.current = current
    }

    private struct Body: Encodable {
        let error: String
        let message: String
        let current: CurrentState?
    }

    public static func badRequest(_ code: String, _ message: String) -> APIError {
        APIError(.badRequest, code: code, message: message)
    }

    public static func notFound(_ code: String, _ message: String) -> APIError {
        APIError(.notFound, code: code, message: message)
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let body = try encoder.encode(Body(error: code, message: message, current: current))
        var response = Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: body))
        )
        if let retryAfterSeconds { response.headers[.retryAfter] = String(retryAfterSeconds) }
        return response
    }
}
