import Foundation
import Hummingbird
import HummingbirdBcrypt
import Metrics
import NIOPosix
import Xiuhua

/// Sign in and out: `POST /api/v1/sessions` with username and password gives a bearer
/// token and sets the session cookie; `DELETE /api/v1/sessions` ends it; `GET /api/v1/me`
/// says who is signed in.
struct SessionRoutes {
    let services: XiuhuaServices
    let logins: LoginThrottle
    /// The site is served over TLS: the session cookie is sent over https only.
    var secureCookies = false
    static let lifetime: TimeInterval = 12 * 3600

    struct Login: Decodable {
        let username: String
        let password: String
    }

    struct AccountView: Codable {
        let id: String
        let username: String
        let name: String
        let role: String
        let roleName: String
        let departmentCode: String?
        let streetCodes: [String]
        let gridCodes: [String]

        init(_ account: Account) {
            id = account.id
            username = account.username
            name = account.name
            role = account.role.rawValue
            roleName = account.role.label
            departmentCode = account.departmentCode
            streetCodes = account.streetCodes
            gridCodes = account.gridCodes
        }
    }

    struct SessionView: Codable {
        let token: String
        let expiresAt: Date
        let account: AccountView
    }

    func add(to router: Router<XiuhuaRequestContext>) {
        router.post("/api/v1/sessions") { request, context in try await login(request, context) }
        router.delete("/api/v1/sessions") { request, context in try await logout(request, context) }
        router.get("/api/v1/me") { _, context in try json(AccountView(try context.requireAccount())) }
    }

    func login(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let login = try await request.decodeJSON(as: Login.self, context: context)
        let (token, expires, account) = try await signIn(login.username, login.password, from: context.clientAddress)
        var response = try json(SessionView(token: token, expiresAt: expires, account: AccountView(account)), status: .created)
        response.setCookie(sessionCookie(token))
        return response
    }

    /// Checks the password and opens a session; the API and the console's sign-in form
    /// share it, and with it the limits on failed attempts (429 `too_many_attempts`), per
    /// client address and per account (`LoginThrottle`). A disabled account is refused
    /// (403 `account_disabled`) even with the right password.
    func signIn(_ username: String, _ password: String, from address: String?) async throws -> (token: String, expires: Date, account: Account) {
        let now = services.now()
        if let wait = await logins.addressWait(address, at: now) { throw Self.tooManyAttempts(wait) }
        let account = try await services.store.account(username: username)
        let wait: TimeInterval?
        if let account {
            wait = logins.backoff.wait(try await services.store.loginRecord(accountID: account.id), at: now)
        } else {
            wait = await logins.unknownUserWait(username, at: now)
        }
        if let wait { throw Self.tooManyAttempts(wait) }
        // Verify against a fixed hash when the user is unknown, so the answer takes as long
        // either way and does not reveal which usernames exist.
        let hash = account?.passwordHash ?? Self.decoyHash
        let matches = try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
        guard let account, matches else {
            await logins.recordAddressFailure(address, at: now)
            if let account {
                try await services.store.recordLoginFailure(accountID: account.id, at: now, restartAfter: logins.backoff.restartAfter)
            } else {
                await logins.recordUnknownUserFailure(username, at: now)
            }
            throw APIError(.unauthorized, code: "invalid_credentials", message: "用户名或密码错误 (wrong username or password)")
        }
        guard !account.isDisabled else {
            throw APIError(.forbidden, code: "account_disabled", message: "账号已停用，请联系管理员 (this account is disabled; ask an administrator)")
        }
        try await services.store.recordLoginSuccess(accountID: account.id)
        let token = Self.newToken()
        let expires = now.addingTimeInterval(Self.lifetime)
        try await services.store.addSession(token: token, accountID: account.id, at: now, expiresAt: expires)
        return (token, expires, account)
    }

    static func tooManyAttempts(_ wait: TimeInterval) -> APIError {
        let minutes = Int((wait / 60).rounded(.up))
        var refusal = APIError(
            .tooManyRequests, code: "too_many_attempts",
            message: "登录失败次数过多，请 \(minutes) 分钟后再试 (too many failed sign-ins; try again in \(minutes) min)"
        )
        refusal.retryAfterSeconds = max(1, Int(wait.rounded(.up)))
        Counter(label: "xiuhua_rate_limited_total", dimensions: [("limit", "login")]).increment()
        return refusal
    }

    /// The session cookie: HttpOnly, SameSite=Lax, and Secure when the site is served over
    /// TLS (`server.behind_tls`, the rule that also sends HSTS).
    func sessionCookie(_ token: String) -> Cookie {
        Cookie(
            name: SessionMiddleware.cookieName, value: token, maxAge: Int(Self.lifetime), path: "/", secure: secureCookies,
            httpOnly: true, sameSite: .lax
        )
    }

    /// Tells the browser to forget the session cookie.
    var clearedSessionCookie: Cookie {
        Cookie(name: SessionMiddleware.cookieName, value: "", maxAge: 0, path: "/", secure: secureCookies, httpOnly: true, sameSite: .lax)
    }

    func logout(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        if let token = SessionMiddleware.token(in: request) {
            try await services.store.removeSession(token: token)
        }
        var response = Response(status: .noContent)
        response.setCookie(clearedSessionCookie)
        return response
    }

    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(format: "%016llx", generator.next()) }.joined()
    }

    /// A bcrypt hash of a random password nobody knows.
    static let decoyHash = Bcrypt.hash(newToken(), cost: PasswordHashing.cost)
}

/// bcrypt settings for account passwords.
public enum PasswordHashing {
    /// Cost 10: about 50–100 ms a check on a server core — slow for an attacker, fine for a login.
    public static let cost: UInt8 = 10

    public static func hash(_ password: String) -> String {
        Bcrypt.hash(password, cost: cost)
    }
}
