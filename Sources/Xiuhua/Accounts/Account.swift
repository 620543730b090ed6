import Foundation

/// A person who signs in: a role and the territory or department they act for.
///
/// The password hash is opaque here (the server hashes with bcrypt); the domain only needs
/// the `actor` an account acts as.
public struct Account: Hashable, Sendable, Codable {
    public var id: String
    public var username: String
    public var name: String
    public var role: Role
    public var departmentCode: String?
    public var streetCodes: [String]
    public var gridCodes: [String]
    public var passwordHash: String
    /// When an administrator disabled the account; a disabled account cannot sign in and
    /// its sessions no longer count.
    public var disabledAt: Date?

    public init(
        id: String, username: String, name: String, role: Role, departmentCode: String? = nil,
        streetCodes: [String] = [], gridCodes: [String] = [], passwordHash: String, disabledAt: Date? = nil
    ) {
        self.id = id
        self.username = username
        self.name = name
        self.role = role
        self.departmentCode = departmentCode
        self.streetCodes = streetCodes
        self.gridCodes = gridCodes
        self.passwordHash = passwordHash
        self.disabledAt = disabledAt
    }

    public var isDisabled: Bool { disabledAt != nil }

    /// The account as the workflow sees it.
    public var actor: Actor {
        Actor(id: id, name: name, role: role, departmentCode: departmentCode, streetCodes: streetCodes, gridCodes: gridCodes)
    }
}
