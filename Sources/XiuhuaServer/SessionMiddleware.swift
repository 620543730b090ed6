import Foundation
import Hummingbird
import Xiuhua
import XiuhuaStore

/// Finds who is calling: a bearer token (`Authorization: Bearer …`, for scripts and apps)
/// or the session cookie (for the web pages). Unknown or expired tokens leave the request
/// anonymous; routes that need an account answer 401.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = XiuhuaRequestContext
    static let cookieName = "xiuhua_session"

    let services: XiuhuaServices

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let token = Self.token(in: request) {
            context.account = try await services.store.sessionAccount(token: token, at: services.now())
        }
        return try await next(request, context)
    }

    static func token(in request: Request) -> String? {
        if let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") {
            let token = header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
            return token.isEmpty ? nil : token
        }
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
