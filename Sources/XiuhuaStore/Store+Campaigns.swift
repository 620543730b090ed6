import Foundation
import SQLKit
import Xiuhua

/// A campaign with what happened in it: the daily reports and the cases linked to it.
public struct CampaignRecord: Sendable {
    public let campaign: Campaign
    public let reports: [CampaignReport]
    public let caseNumbers: [String]

    public init(campaign: Campaign, reports: [CampaignReport], caseNumbers: [String]) {
        self.campaign = campaign
        self.reports = reports
        self.caseNumbers = caseNumbers
    }
}

extension Store {
    /// Stores a new, already validated campaign.
    public func createCampaign(_ campaign: Campaign) async throws {
        try await engine.write { db in
            try await Store.insertCampaign(campaign, in: db)
        }
    }

    static func insertCampaign(_ campaign: Campaign, in db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO campaigns (id, name, kind, category_code, starts_on, ends_on, owner_id, owner_name,
                targets, resources, state, summary, created_at, started_at, finished_at)
            VALUES (\(bind: campaign.id), \(bind: campaign.name), \(bind: campaign.kind.rawValue), \(bind: campaign.categoryCode),
                \(bind: campaign.startsOn.description), \(bind: campaign.endsOn.description), \(bind: campaign.ownerID),
                \(bind: campaign.ownerName), \(bind: Store.jsonText(campaign.targets)), \(bind: Store.jsonText(campaign.resources)),
                \(bind: campaign.state.rawValue), \(bind: campaign.summary), \(bind: campaign.createdAt.millis),
                \(bind: campaign.startedAt?.millis), \(bind: campaign.finishedAt?.millis))
            """).run()
        for code in campaign.areaCodes {
            try await db.raw("INSERT INTO campaign_areas (campaign_id, region_code) VALUES (\(bind: campaign.id), \(bind: code))").run()
        }
    }

    /// Campaign `id`, or nil.
    public func campaign(id: String) async throws -> Campaign? {
        try await engine.read { db in try await Store.campaign(id, in: db) }
    }

    /// The campaign with its reports (oldest first) and linked case numbers.
    public func campaignRecord(id: String) async throws -> CampaignRecord? {
        try await engine.read { db in
            guard let campaign = try await Store.campaign(id, in: db) else { return nil }
            let reports = try await db.raw("""
                SELECT * FROM campaign_reports WHERE campaign_id = \(bind: id) ORDER BY seq
                """).all().map(Store.decodeCampaignReport)
            let cases = try await db.raw("""
                SELECT case_number FROM campaign_cases WHERE campaign_id = \(bind: id) ORDER BY case_number
                """).all().map { try $0.decode(column: "case_number", as: String.self) }
            return CampaignRecord(campaign: campaign, reports: reports, caseNumbers: cases)
        }
    }

    /// Campaigns, newest first, optionally only those in `state` or of `kind`.
    public func campaigns(state: CampaignState? = nil, kind: CampaignKind? = nil) async throws -> [Campaign] {
        try await engine.read { db in
            var conditions: [SQLQueryString] = []
            if let state { conditions.append("state = \(bind: state.rawValue)") }
            if let kind { conditions.append("kind = \(bind: kind.rawValue)") }
            let filter: SQLQueryString = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            var campaigns = try await db.raw("SELECT * FROM campaigns \(filter) ORDER BY created_at DESC, id").all().map(Store.decodeCampaign)
            // With their areas, as one campaign is read: a list that left them empty gave
            // every reader of the list a campaign over nowhere (and no scope to check).
            var areas: [String: [String]] = [:]
            for row in try await db.raw("SELECT campaign_id, region_code FROM campaign_areas ORDER BY region_code").all() {
                areas[try row.decode(column: "campaign_id", as: String.self), default: []].append(try row.decode(column: "region_code", as: String.self))
            }
            for index in campaigns.indices { campaigns[index].areaCodes = areas[campaigns[index].id] ?? [] }
            return campaigns
        }
    }

    /// Applies `change` to campaign `id` in one transaction: the rule sees the campaign as
    /// it stands, so two people starting the same campaign at once cannot both succeed.
    public func changeCampaign(id: String, _ change: @Sendable (Campaign) -> Result<Campaign, CampaignRefusal>) async throws -> Campaign {
        try await engine.write { db in
            // Two people changing the same campaign at once take turns, so the rule sees the last word.
            try await db.takeTurns(on: "campaign:\(id)")
            guard let current = try await Store.campaign(id, in: db) else { throw Store.noSuchCampaign(id) }
            let next = try change(current).get()
            try await db.raw("""
                UPDATE campaigns SET state = \(bind: next.state.rawValue), summary = \(bind: next.summary),
                    started_at = \(bind: next.startedAt?.millis), finished_at = \(bind: next.finishedAt?.millis)
                WHERE id = \(bind: id)
                """).run()
            return next
        }
    }

    /// Adds a day's progress report to campaign `id`, if `check` lets it.
    public func addCampaignReport(
        _ report: CampaignReport, to id: String, check: @Sendable (Campaign) -> CampaignRefusal?
    ) async throws -> CampaignRecord {
        try await engine.write { db in
            try await db.takeTurns(on: "campaign:\(id)")
            guard let campaign = try await Store.campaign(id, in: db) else { throw Store.noSuchCampaign(id) }
            if let refusal = check(campaign) { throw refusal }
            try await db.raw("""
                INSERT INTO campaign_reports (campaign_id, seq, day, progress, note, reporter_id, reporter_name, reported_at)
                VALUES (\(bind: id), (SELECT COALESCE(MAX(seq), 0) + 1 FROM campaign_reports WHERE campaign_id = \(bind: id)),
                    \(bind: report.day.description), \(bind: Store.jsonText(report.progress)), \(bind: report.note),
                    \(bind: report.reporterID), \(bind: report.reporterName), \(bind: report.reportedAt.millis))
                """).run()
        }
        guard let record = try await campaignRecord(id: id) else { throw Store.noSuchCampaign(id) }
        return record
    }

    /// Links case `number` to campaign `id` by hand (a case filed before the campaign or
    /// outside its category). Linking twice is harmless.
    public func linkCase(_ number: String, to id: String, at now: Date, check: @Sendable (Campaign) -> CampaignRefusal?) async throws {
        try await engine.write { db in
            try await db.takeTurns(on: "campaign:\(id)")
            guard let campaign = try await Store.campaign(id, in: db) else { throw Store.noSuchCampaign(id) }
            if let refusal = check(campaign) { throw refusal }
            guard try await db.raw("SELECT 1 AS found FROM cases WHERE number = \(bind: number)").first() != nil else {
                throw CampaignRefusal(.notFound, "case_not_found", "没有这个案件 (no such case): \(number)")
            }
            try await db.raw("""
                INSERT INTO campaign_cases (campaign_id, case_number, linked_at)
                VALUES (\(bind: id), \(bind: number), \(bind: now.millis))
                ON CONFLICT DO NOTHING
                """).run()
        }
    }

    /// The campaigns case `number` is linked to.
    public func campaignIDs(ofCase number: String) async throws -> [String] {
        try await engine.read { db in
            try await db.raw("SELECT campaign_id FROM campaign_cases WHERE case_number = \(bind: number) ORDER BY campaign_id")
                .all().map { try $0.decode(column: "campaign_id", as: String.self) }
        }
    }

    /// Tags newly filed cases with every running 专项整治 of their category whose area holds
    /// their place (the deepest region code the intake resolved). Called by intake, in its
    /// transaction: the running campaigns' areas are read once for the whole batch (usually
    /// none are running, and then that read is all), not once per case.
    static func tagWithRunningCampaigns(_ filed: [(intake: CaseIntake, number: String, at: Date)], in db: any SQLDatabase) async throws {
        guard !filed.isEmpty else { return }
        let areas = try await db.raw("""
            SELECT c.id, c.category_code, a.region_code
            FROM campaigns c JOIN campaign_areas a ON a.campaign_id = c.id
            WHERE c.state = 'running' AND c.kind = 'rectification' AND c.category_code IS NOT NULL
            """).all().map {
                (id: try $0.decode(column: "id", as: String.self),
                 category: try $0.decode(column: "category_code", as: String.self),
                 region: try $0.decode(column: "region_code", as: String.self))
            }
        guard !areas.isEmpty else { return }
        var links: [SQLQueryString] = []
        for (intake, number, at) in filed {
            guard let place = intake.location.gridCode ?? intake.location.communityCode ?? intake.location.streetCode else { continue }
            let ids = Set(areas.filter { $0.category == intake.categoryCode && place.utf8.starts(with: $0.region.utf8) }.map(\.id))
            for id in ids.sorted() { links.append("(\(bind: id), \(bind: number), \(bind: at.millis))") }
        }
        for chunk in links.chunked(into: rowsPerStatement) {
            try await db.raw("INSERT INTO campaign_cases (campaign_id, case_number, linked_at) VALUES "
                + chunk.joined(separator: ", ") + " ON CONFLICT DO NOTHING").run()
        }
    }

    static func campaign(_ id: String, in db: any SQLDatabase) async throws -> Campaign? {
        guard let row = try await db.raw("SELECT * FROM campaigns WHERE id = \(bind: id)").first() else { return nil }
        var campaign = try Store.decodeCampaign(row)
        campaign.areaCodes = try await db.raw("""
            SELECT region_code FROM campaign_areas WHERE campaign_id = \(bind: id) ORDER BY region_code
            """).all().map { try $0.decode(column: "region_code", as: String.self) }
        return campaign
    }

    static func noSuchCampaign(_ id: String) -> CampaignRefusal {
        CampaignRefusal(.notFound, "campaign_not_found", "没有这个专项行动 (no such campaign): \(id)")
    }

    static func jsonText<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self)
    }

    static func decodeJSON<T: Decodable>(_ type: T.Type, _ row: any SQLRow, column: String, table: String, key: String) throws -> T {
        let text = try row.decode(column: column, as: String.self)
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError.corruptRow(table: table, key: key, reason: "\(column) is not valid JSON")
        }
    }

    static func localDate(_ row: any SQLRow, _ column: String, table: String, key: String) throws -> LocalDate {
        do {
            return try LocalDate(try row.decode(column: column, as: String.self))
        } catch {
            throw StoreError.corruptRow(table: table, key: key, reason: "\(column) is not a date")
        }
    }

    /// The campaign's row, areas left empty (they are in their own table).
    static func decodeCampaign(_ row: any SQLRow) throws -> Campaign {
        let id = try row.decode(column: "id", as: String.self)
        guard let kind = CampaignKind(rawValue: try row.decode(column: "kind", as: String.self)),
              let state = CampaignState(rawValue: try row.decode(column: "state", as: String.self))
        else { throw StoreError.corruptRow(table: "campaigns", key: id, reason: "unknown kind or state") }
        return Campaign(
            id: id,
            name: try row.decode(column: "name", as: String.self),
            kind: kind,
            categoryCode: try row.decode(column: "category_code", as: String?.self),
            areaCodes: [],
            startsOn: try localDate(row, "starts_on", table: "campaigns", key: id),
            endsOn: try localDate(row, "ends_on", table: "campaigns", key: id),
            ownerID: try row.decode(column: "owner_id", as: String.self),
            ownerName: try row.decode(column: "owner_name", as: String.self),
            targets: try decodeJSON([CampaignTarget].self, row, column: "targets", table: "campaigns", key: id),
            resources: try decodeJSON([CampaignResource].self, row, column: "resources", table: "campaigns", key: id),
            state: state,
            summary: try row.decode(column: "summary", as: String?.self),
            createdAt: Date(millis: try row.decode(column: "created_at", as: Int64.self)),
            startedAt: try row.decode(column: "started_at", as: Int64?.self).map { Date(millis: $0) },
            finishedAt: try row.decode(column: "finished_at", as: Int64?.self).map { Date(millis: $0) }
        )
    }

    static func decodeCampaignReport(_ row: any SQLRow) throws -> CampaignReport {
        let key = try row.decode(column: "campaign_id", as: String.self) + "/" + String(try row.decode(column: "seq", as: Int.self))
        return CampaignReport(
            day: try localDate(row, "day", table: "campaign_reports", key: key),
            progress: try decodeJSON([String: Int].self, row, column: "progress", table: "campaign_reports", key: key),
            note: try row.decode(column: "note", as: String.self),
            reporterID: try row.decode(column: "reporter_id", as: String.self),
            reporterName: try row.decode(column: "reporter_name", as: String.self),
            reportedAt: Date(millis: try row.decode(column: "reported_at", as: Int64.self))
        )
    }
}
