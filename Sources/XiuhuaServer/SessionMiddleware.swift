import Foundation
import Hummingbird
import Xiuhua
import XiuhuaStore

/// Finds who is calling: a bearer token (`Authorization: Bearer …`, for scripts and apps)
/// or the session cookie (for the web pages). Unknown or expired tokens, and sessions of a
/// disabled account, leave the request anonymous; routes that need an account answer 401.
///
/// The JSON API takes writes (POST, PUT, PATCH, DELETE under `/api/v1/`) with a bearer
/// token only: a write that is signed in by the session cookie alone is refused (403
/// `bearer_required`), so no other page can make a signed-in browser write through the
/// API. The pages' own forms post to their page routes, with their form token; signing in
/// and out (`/api/v1/sessions`) needs no account.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = XiuhuaRequestContext
    static let cookieName = "xiuhua_session"

    let services: XiuhuaServices

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let token = Self.token(in: request) {
            context.account = try await services.store.sessionAccount(token: token, at: services.now())
            if context.account != nil, Self.bearer(in: request) == nil, Self.isAPIWrite(request) {
                throw APIError(
                    .forbidden, code: "bearer_required",
                    message: "JSON 接口的写操作须带 Authorization: Bearer 令牌，不接受会话 Cookie "
                        + "(writes to the JSON API need an Authorization: Bearer token; the session cookie is not accepted)"
                )
            }
        }
        return try await next(request, context)
    }

    static func isAPIWrite(_ request: Request) -> Bool {
        let path = request.uri.path
        guard path.hasPrefix("/api/v1/"), path != "/api/v1/sessions" else { return false }
        return [.post, .put, .patch, .delete].contains(request.method)
    }

    static func bearer(in request: Request) -> String? {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else { return nil }
        let token = header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }

    static func token(in request: Request) -> String? {
        if request.headers[.authorization]?.lowercased().hasPrefix("bearer ") == true { return bearer(in: request) }
        return request.cookies[cookieName]?.value
    }
}

extension XiuhuaRequestContext {
    /// The signed-in account, or a 401 that says how to sign in.
    func requireAccount() throws -> Account {
        guard let account else {
            throw APIError(.unauthorized, code: "unauthenticated", message: "请先登录 (sign in first): POST /api/v1/sessions")
        }
        return account
    }

    /// The signed-in account if it has one of `roles`; 403 otherwise.
    func requireRole(_ roles: Set<Role>, for what: String) throws -> Account {
        let account = try requireAccount()
        guard roles.contains(account.role) else {
            throw APIError(.forbidden, code: "forbidden_role", message: "\(account.role.label)无权\(what) (your role may not do this)")
        }
        return account
    }
}
