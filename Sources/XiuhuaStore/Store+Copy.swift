import Foundation
import Logging
import NIOCore
import SQLiteKit
import SQLKit

/// What `copy(to:)` moved and found.
public struct CopyReport: Sendable {
    /// Rows per table, as counted in the source and then in the target.
    public var rows: [(table: String, source: Int, target: Int)] = []
    /// The audit of the target: every case's hash chain and projection.
    public var audit = AuditReport()

    public var countsMatch: Bool { rows.allSatisfy { $0.source == $0.target } }
}

extension Store {
    /// Every table, parents before the rows that refer to them. Most are read in rowid
    /// order, a page after the last rowid seen (cheap however large the table); regions need
    /// parents before children (district, streets, communities, grid) and the tallies have
    /// no rowid, so those two, both small, are read in an order of their own by offset.
    static let copyTables: [(name: String, order: String?)] = [
        ("meta", nil), ("commands", nil), ("departments", nil),
        ("regions", "CASE level WHEN 'district' THEN 0 WHEN 'street' THEN 1 WHEN 'community' THEN 2 ELSE 3 END, code"),
        ("accounts", nil), ("sessions", nil), ("api_keys", nil), ("case_counters", nil),
        ("cases", nil), ("case_events", nil), ("case_facts", nil),
        ("evaluation_tallies", "period, dimension, unit"), ("web_photos", nil), ("notification_outbox", nil),
        ("attachments", nil),
        ("campaigns", nil), ("campaign_areas", nil), ("campaign_reports", nil), ("campaign_cases", nil),
        ("vaccines", nil), ("residents", nil), ("canvass_visits", nil), ("vaccination_sites", nil), ("roving_schedule", nil),
        ("appointments", nil), ("doses", nil), ("supervision_groups", nil), ("site_inspections", nil),
        ("shops", nil), ("inspections", nil), ("inspection_cases", nil), ("duty_contracts", nil), ("shop_boards", nil),
        ("rectification_notices", nil), ("board_listings", nil), ("idle_spaces", nil),
    ]

    /// Tables a new database already holds rows of, written by the migrations.
    static let seededTables: Set<String> = ["vaccines"]

    /// Copies this SQLite store, row for row, into `target` (an empty, migrated store, in
    /// practice PostgreSQL) in one target transaction — all of it or nothing — then counts
    /// every table on both sides and audits the target's history chains.
    ///
    /// Tables are read 500 rows at a time, so a district of millions of events is never in
    /// memory at once. `progress` gets the table, rows copied so far and its total.
    public func copy(
        to target: Store, progress: (@Sendable (_ table: String, _ copied: Int, _ total: Int) -> Void)? = nil
    ) async throws -> CopyReport {
        guard let sqlite = engine as? SQLiteEngine else {
            throw StoreError.unsupported("copy reads from an SQLite store; \(engine.dialect) is not one")
        }
        let sourceCounts = try await Self.rowCounts(self)
        let targetBefore = try await Self.rowCounts(target)
        if let busy = targetBefore.first(where: { $0.value > 0 && !Self.seededTables.contains($0.key) }) {
            throw StoreError.unsupported("the target database is not empty (\(busy.key): \(busy.value) rows); copy into a new database")
        }
        // A connection of its own, in one read transaction: every table as of one instant.
        let source = try await SQLiteConnection.open(storage: .file(path: sqlite.path), logger: Logger(label: "xiuhua.copy"))
        defer { _ = source.close() }
        _ = try await source.query("BEGIN", [])
        try await target.engine.write { db in
            for (table, order) in Self.copyTables {
                // Reference rows the migrations wrote: the district's own (perhaps edited) replace them.
                if Self.seededTables.contains(table) { try await db.raw("DELETE FROM \(ident: table)").run() }
                let total = sourceCounts[table] ?? 0
                var copied = 0
                var lastRowID: Int64 = Int64.min
                progress?(table, 0, total)
                while copied < total {
                    let offset = copied, after = lastRowID
                    let rows = if let order {
                        try await source.query("SELECT * FROM \"\(table)\" ORDER BY \(order) LIMIT 500 OFFSET \(offset)", [])
                    } else {
                        try await source.query("SELECT rowid AS copy_rowid, * FROM \"\(table)\" WHERE rowid > ? ORDER BY rowid LIMIT 500", [.integer(Int(after))])
                    }
                    guard let last = rows.last else { break }
                    if order == nil, case .integer(let rowID) = last.column("copy_rowid") ?? .null { lastRowID = Int64(rowID) }
                    try await Self.insert(rows, into: table, in: db)
                    copied += rows.count
                    progress?(table, copied, total)
                }
            }
        }
        _ = try? await source.query("COMMIT", [])
        var report = CopyReport()
        let targetCounts = try await Self.rowCounts(target)
        for (table, _) in Self.copyTables {
            report.rows.append((table, sourceCounts[table] ?? 0, targetCounts[table] ?? 0))
        }
        report.audit = try await target.verifyAudit()
        return report
    }

    static func rowCounts(_ store: Store) async throws -> [String: Int] {
        try await store.engine.read { db in
            var counts: [String: Int] = [:]
            for (table, _) in copyTables {
                counts[table] = try await db.raw("SELECT count(*) AS n FROM \(ident: table)").first()?.decode(column: "n", as: Int.self) ?? 0
            }
            return counts
        }
    }

    /// One multi-row INSERT of SQLite rows, each value bound with the Swift type of its
    /// stored class, so PostgreSQL receives BIGINT, TEXT and BYTEA as its columns want.
    private static func insert(_ rows: [SQLiteRow], into table: String, in db: any SQLDatabase) async throws {
        guard let first = rows.first else { return }
        let columns = first.columns.map(\.name).filter { $0 != "copy_rowid" }
        var insert = db.insert(into: table).columns(columns)
        for row in rows {
            insert = insert.values(columns.map { name -> any SQLExpression in
                switch row.column(name) ?? .null {
                case .integer(let value): SQLBind(Int64(value))
                case .float(let value): SQLBind(value)
                case .text(let value): SQLBind(value)
                case .blob(let buffer): SQLBind(Data(buffer.readableBytesView))
                // A literal NULL: a bound nil carries a type (text), which PostgreSQL
                // refuses for a BIGINT column.
                case .null: SQLLiteral.null
                }
            })
        }
        try await insert.run()
    }
}
