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
        response.setCookie(Self.sessionCookie(token))
        return response
    }

    /// Checks the password and opens a session; the API and the console's sign-in form
    /// share it, and with it the limit on failed attempts (429 `too_many_attempts`).
    func signIn(_ username: String, _ password: String, from address: String?) async throws -> (token: String, expires: Date, account: Account) {
        if let wait = await logins.waitTime(username: username, address: address, at: services.now()) {
            let minutes = Int((wait / 60).rounded(.up))
            var refusal = APIError(
                .tooManyRequests, code: "too_many_attempts",
                message: "登录失败次数过多，请 \(minutes) 分钟后再试 (too many failed sign-ins; try again in \(minutes) min)"
            )
            refusal.retryAfterSeconds = max(1, Int(wait.rounded(.up)))
            Counter(label: "xiuhua_rate_limited_total", dimensions: [("limit", "login")]).increment()
            throw refusal
        }
        let account = try await services.store.account(username: username)
        // Verify against a fixed hash when the user is unknown, so the answer takes as long
        // either way and does not reveal which usernames exist.
        let hash = account?.passwordHash ?? Self.decoyHash
        let matches = try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
        guard let account, matches else {
            await logins.recordFailure(username: username, address: address, at: services.now())
            throw APIError(.unauthorized, code: "invalid_credentials", message: "用户名或密码错误 (wrong username or password)")
        }
        await logins.recordSuccess(username: username)
        let token = Self.newToken()
        let now = services.now()
        let expires = now.addingTimeInterval(Self.lifetime)
        try await services.store.addSession(token: token, accountID: account.id, at: now, expiresAt: expires)
        return (token, expires, account)
    }

    static func sessionCookie(_ token: String) -> Cookie {
        Cookie(name: SessionMiddleware.cookieName, value: token, maxAge: Int(lifetime), path: "/", httpOnly: true, sameSite: .lax)
    }

    func logout(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        if let token = SessionMiddleware.token(in: request) {
            try await services.store.removeSession(token: token)
        }
        var response = Response(status: .noContent)
        response.setCookie(Cookie(name: SessionMiddleware.cookieName, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .lax))
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
