import Foundation
import Logging
import Xiuhua
import XiuhuaStore

/// Seeds the demo district 平城区 once: a second start finds the marker and leaves the
/// data as it is, so whatever was done in the demo survives restarts.
public enum DemoSeeder {
    static let marker = "demo_seeded"

    /// Returns true when it seeded now, false when the store was already seeded.
    @discardableResult
    public static func seedIfNeeded(_ store: Store, logger: Logger) async throws -> Bool {
        if try await store.meta(marker) != nil { return false }
        logger.info("seeding demo district", metadata: ["district": "\(DemoDistrict.name)"])
        try await store.replaceRegions(DemoDistrict.regions())
        try await store.saveOrganisation(DemoDistrict.organisation)
        try await store.setMeta("case_prefix", DemoDistrict.casePrefix)
        let hash = PasswordHashing.hash(DemoAccounts.password)
        for entry in DemoAccounts.entries where try await store.account(username: entry.username) == nil {
            // The demo's published password meets the rule every other password meets.
            try AccountDesk.checkPassword(DemoAccounts.password, username: entry.username)
            try await store.addAccount(Account(
                id: "demo-\(entry.username)", username: entry.username, name: entry.name, role: entry.role,
                departmentCode: entry.departmentCode, streetCodes: entry.streetCodes, gridCodes: entry.gridCodes,
                passwordHash: hash
            ), at: Date())
        }
        try await store.setMeta(marker, DemoDistrict.code)
        return true
    }
}
