import Foundation
import Hummingbird
import Xiuhua
import XiuhuaStore

/// Accounts, for administrators: `GET /api/v1/accounts` lists them, `POST /api/v1/accounts`
/// adds one, and `POST /api/v1/accounts/{username}/…` disables, enables, resets the
/// password of, ends the sessions of or lifts the sign-in lock of one — the same
/// `AccountDesk` as `xiuhua account`.
struct AccountRoutes {
    let services: XiuhuaServices
    let logins: LoginThrottle

    static let administrators: Set<Role> = [.admin]

    struct CreateRequest: Decodable {
        let username: String
        let name: String
        let role: String
        let departmentCode: String?
        let streetCodes: [String]?
        let gridCodes: [String]?
        let password: String

        private enum CodingKeys: String, CodingKey {
            case username, name, role, password
            case departmentCode = "department_code"
            case streetCodes = "street_codes"
            case gridCodes = "grid_codes"
        }
    }

    struct PasswordRequest: Decodable {
        let password: String
    }

    /// An account as an administrator sees it: who, what role and scope, whether it is
    /// disabled, and whether failed sign-ins hold it back now.
    struct AdminView: Codable {
        let id: String
        let username: String
        let name: String
        let role: String
        let roleName: String
        let departmentCode: String?
        let streetCodes: [String]
        let gridCodes: [String]
        let disabled: Bool
        let disabledAt: Date?
        let failedLogins: Int
        let lockedUntil: Date?

        init(_ account: Account, login: LoginRecord, backoff: LoginBackoff, now: Date) {
            id = account.id
            username = account.username
            name = account.name
            role = account.role.rawValue
            roleName = account.role.label
            departmentCode = account.departmentCode
            streetCodes = account.streetCodes
            gridCodes = account.gridCodes
            disabled = account.isDisabled
            disabledAt = account.disabledAt
            failedLogins = login.failures
            lockedUntil = backoff.wait(login, at: now).map { now.addingTimeInterval($0.rounded(.up)) }
        }
    }

    struct AdminList: Codable {
        let items: [AdminView]
    }

    struct Revoked: Codable {
        let username: String
        let revoked: Int
    }

    func add(to router: Router<XiuhuaRequestContext>) {
        router.get("/api/v1/accounts") { _, context in try await list(context) }
        router.post("/api/v1/accounts") { request, context in try await create(request, context) }
        router.post("/api/v1/accounts/{username}/disable") { _, context in
            let username = try target(context, notSelf: "停用")
            return try await view(try await desk.disable(username), status: .ok)
        }
        router.post("/api/v1/accounts/{username}/enable") { _, context in
            try await view(try await desk.enable(try target(context)), status: .ok)
        }
        router.post("/api/v1/accounts/{username}/reset-password") { request, context in
            let username = try target(context)
            let body = try await request.decodeJSON(as: PasswordRequest.self, context: context)
            return try await view(try await desk.resetPassword(username, to: body.password), status: .ok)
        }
        router.post("/api/v1/accounts/{username}/revoke-sessions") { _, context in
            let username = try target(context)
            return try json(Revoked(username: username, revoked: try await desk.revokeSessions(username)))
        }
        router.post("/api/v1/accounts/{username}/unlock") { _, context in
            try await view(try await desk.unlock(try target(context)), status: .ok)
        }
    }

    var desk: AccountDesk { AccountDesk(store: services.store, now: services.now) }

    func list(_ context: XiuhuaRequestContext) async throws -> Response {
        _ = try context.requireRole(Self.administrators, for: "管理账号")
        let now = services.now()
        var items: [AdminView] = []
        for account in try await services.store.accounts() {
            let login = try await services.store.loginRecord(accountID: account.id)
            items.append(AdminView(account, login: login, backoff: logins.backoff, now: now))
        }
        return try json(AdminList(items: items))
    }

    func create(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        _ = try context.requireRole(Self.administrators, for: "管理账号")
        let body = try await request.decodeJSON(as: CreateRequest.self, context: context)
        guard let role = Role(rawValue: body.role) else {
            throw APIError.badRequest("invalid_role", "未知角色 (unknown role): \(body.role.prefix(40))")
        }
        let account = try await desk.add(
            AccountDesk.NewAccount(
                username: body.username, name: body.name, role: role, departmentCode: body.departmentCode,
                streetCodes: body.streetCodes ?? [], gridCodes: body.gridCodes ?? [], password: body.password
            ),
            regions: services.regions, departments: Set(services.organisation.departments.map(\.code))
        )
        return try await view(account, status: .created)
    }

    /// The `{username}` of the path, once the caller is known to be an administrator; an
    /// administrator may not disable their own account (nobody would be left to enable it).
    private func target(_ context: XiuhuaRequestContext, notSelf action: String? = nil) throws -> String {
        let admin = try context.requireRole(Self.administrators, for: "管理账号")
        let username = try context.parameters.require("username")
        if let action, username == admin.username {
            throw APIError(.conflict, code: "own_account", message: "不能\(action)自己的账号 (you cannot do this to your own account)")
        }
        return username
    }

    private func view(_ account: Account, status: HTTPResponse.Status) async throws -> Response {
        let login = try await services.store.loginRecord(accountID: account.id)
        return try json(AdminView(account, login: login, backoff: logins.backoff, now: services.now()), status: status)
    }
}
