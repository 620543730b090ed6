import Foundation
import SQLKit
import Xiuhua

extension Store {
    /// Stores a new supervision group after checking that its sites exist.
    public func createSupervisionGroup(_ group: SupervisionGroup) async throws {
        try await engine.write { db in
            for siteID in group.siteIDs where try await Store.site(siteID, in: db) == nil {
                throw Store.noSuchSite(siteID)
            }
            try await db.raw("""
                INSERT INTO supervision_groups (id, name, members, sites, created_at)
                VALUES (\(bind: group.id), \(bind: group.name), \(bind: Store.jsonText(group.memberIDs)),
                    \(bind: Store.jsonText(group.siteIDs)), \(bind: group.createdAt.millis))
                """).run()
        }
    }

    public func supervisionGroups() async throws -> [SupervisionGroup] {
        try await engine.read { db in
            try await db.raw("SELECT * FROM supervision_groups ORDER BY created_at, id").all().map(Store.decodeSupervisionGroup)
        }
    }

    /// Group `id` with its inspections, newest first; nil when there is no such group.
    public func supervisionGroup(id: String) async throws -> (group: SupervisionGroup, inspections: [SiteInspection])? {
        try await engine.read { db in
            guard let group = try await db.raw("SELECT * FROM supervision_groups WHERE id = \(bind: id)").first().map(Store.decodeSupervisionGroup) else {
                return nil
            }
            let inspections = try await db.raw("""
                SELECT * FROM site_inspections WHERE group_id = \(bind: id) ORDER BY inspected_at DESC, id
                """).all().map(Store.decodeInspection)
            return (group, inspections)
        }
    }

    /// Records `inspection` if `check` finds nothing against it for its group.
    public func addInspection(_ inspection: SiteInspection, check: @Sendable (SupervisionGroup) -> CampaignRefusal?) async throws {
        try await engine.write { db in
            guard let group = try await db.raw("SELECT * FROM supervision_groups WHERE id = \(bind: inspection.groupID)").first()
                .map(Store.decodeSupervisionGroup)
            else {
                throw CampaignRefusal(.notFound, "group_not_found", "没有这个督导组 (no such supervision group): \(inspection.groupID)")
            }
            if let refusal = check(group) { throw refusal }
            try await db.raw("""
                INSERT INTO site_inspections (id, group_id, site_id, inspector_id, inspector_name, inspected_at, answers, note, sheet)
                VALUES (\(bind: inspection.id), \(bind: inspection.groupID), \(bind: inspection.siteID), \(bind: inspection.inspectorID),
                    \(bind: inspection.inspectorName), \(bind: inspection.inspectedAt.millis), \(bind: Store.jsonText(inspection.answers)),
                    \(bind: inspection.note), \(bind: inspection.sheet.map { Store.jsonText($0) }))
                """).run()
        }
    }

    static func decodeSupervisionGroup(_ row: any SQLRow) throws -> SupervisionGroup {
        let id = try row.decode(column: "id", as: String.self)
        return SupervisionGroup(
            id: id,
            name: try row.decode(column: "name", as: String.self),
            memberIDs: try decodeJSON([String].self, row, column: "members", table: "supervision_groups", key: id),
            siteIDs: try decodeJSON([String].self, row, column: "sites", table: "supervision_groups", key: id),
            createdAt: Date(millis: try row.decode(column: "created_at", as: Int64.self))
        )
    }

    static func decodeInspection(_ row: any SQLRow) throws -> SiteInspection {
        let id = try row.decode(column: "id", as: String.self)
        return SiteInspection(
            id: id,
            groupID: try row.decode(column: "group_id", as: String.self),
            siteID: try row.decode(column: "site_id", as: String.self),
            inspectorID: try row.decode(column: "inspector_id", as: String.self),
            inspectorName: try row.decode(column: "inspector_name", as: String.self),
            inspectedAt: Date(millis: try row.decode(column: "inspected_at", as: Int64.self)),
            answers: try decodeJSON([String: Bool].self, row, column: "answers", table: "site_inspections", key: id),
            note: try row.decode(column: "note", as: String.self),
            sheet: try row.decode(column: "sheet", as: String?.self) == nil
                ? nil : decodeJSON(InspectionSheet.self, row, column: "sheet", table: "site_inspections", key: id)
        )
    }
}
