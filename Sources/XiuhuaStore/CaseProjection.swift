import Foundation
import SQLKit
import Xiuhua

/// The `cases` row of a case: columns that lists filter on, derived from its snapshot.
///
/// One list serves the insert, the update and the audit, so the audit checks exactly the
/// columns the application reads. `stage_yellow_at` is left out of the audit: it depends
/// on the calendar and on when it was computed.
enum CaseProjection {
    enum Value: Equatable {
        case text(String?)
        case integer(Int64?)

        var bind: any Encodable & Sendable {
            switch self {
            case .text(let text): text
            case .integer(let integer): integer
            }
        }

        /// The value as SQLite's `CAST(… AS TEXT)` gives it back.
        var text: String? {
            switch self {
            case .text(let text): text
            case .integer(let integer): integer.map(String.init)
            }
        }
    }

    static func columns(_ s: CaseSnapshot) -> [(name: String, value: Value)] {
        let stageClock = s.state.isOpen ? s.stageClock : nil
        let marked = stageClock.map { s.overdueMarks.contains(OverdueMark(stage: $0.stage, deadline: $0.deadline)) } ?? false
        return [
            ("number", .text(s.number)),
            ("ticket_code", .text(s.ticketCode)),
            ("state", .text(s.state.rawValue)),
            ("source", .text(s.source.rawValue)),
            ("category_code", .text(s.categoryCode)),
            ("command_code", .text(s.subCommandCode)),
            ("street_code", .text(s.location.streetCode)),
            ("community_code", .text(s.location.communityCode)),
            ("grid_code", .text(s.location.gridCode)),
            ("owner_kind", .text(s.currentOwner?.kind.rawValue)),
            ("owner_code", .text(s.currentOwner?.code)),
            ("description", .text(s.description)),
            ("address", .text(s.location.address)),
            ("stage", .text(stageClock?.stage.rawValue)),
            ("stage_deadline", .integer(stageClock?.deadline.millis)),
            ("stage_overdue_marked", .integer(marked ? 1 : 0)),
            ("suspended", .integer(s.isSuspended ? 1 : 0)),
            // The earliest check-in (报到) still awaited, for the scheduler's scan.
            ("checkin_deadline", .integer(s.nextCheckInDeadline?.millis)),
            // Departments still owed by a whistle, as ",code,code,", so a summoned
            // department's list finds its cases with one pattern.
            ("summoned", .text(s.activeSummonedDepartments.isEmpty ? nil : "," + s.activeSummonedDepartments.joined(separator: ",") + ",")),
            // Microdegrees, rounded half away from zero as SQLite's round() does.
            ("lat_e6", .integer(s.location.latitude.map { Int64(($0 * 1_000_000).rounded()) })),
            ("lon_e6", .integer(s.location.longitude.map { Int64(($0 * 1_000_000).rounded()) })),
            ("created_at", .integer(s.createdAt.millis)),
            ("closed_at", .integer(s.closedAt?.millis)),
            ("last_event_at", .integer(s.lastEventAt.millis)),
            ("version", .integer(Int64(s.version))),
        ]
    }

    /// All columns to write, with the ones that need the clock and the snapshot's JSON.
    static func row(_ s: CaseSnapshot, at now: Date, clock: any WorkingTimeCalculator) throws -> [(name: String, value: Value)] {
        let stageClock = s.state.isOpen ? s.stageClock : nil
        let yellowAt = stageClock?.yellowAt(pauses: s.pauses(until: now), clock: clock).millis
        let json = try CanonicalJSON.string(s)
        return columns(s) + [("stage_yellow_at", .integer(yellowAt)), ("snapshot", .text(json))]
    }

    /// The first column of the stored row that differs from what `snapshot` implies, or nil.
    static func firstDifference(_ snapshot: CaseSnapshot, in db: any SQLDatabase) async throws -> String? {
        let expected = columns(snapshot)
        let selection = expected.map { "CAST(\($0.name) AS TEXT) AS \($0.name)" }.joined(separator: ", ")
        guard let row = try await db.raw("SELECT \(unsafeRaw: selection) FROM cases WHERE number = \(bind: snapshot.number)").first() else {
            return "number"
        }
        for (name, value) in expected where try row.decode(column: name, as: String?.self) != value.text {
            return name
        }
        return nil
    }
}
