import Foundation
import Logging
import SQLKit
import Xiuhua
import XiuhuaStore

/// A store of its own in a temporary directory (or PostgreSQL schema), with the people of the story and a few
/// cases taken through the workflow, for tests that read and tamper with the database.
struct CaseStoreFixture: Sendable {
    let store: Store

    static let calendar = WorkCalendar.chinaDefault
    static let numbering = CaseNumbering(prefix: "PC", timeZone: WorkCalendar.chinaStandardTime)
    /// Monday 2026-11-30, 09:00 in 平城区.
    static let start = Date(timeIntervalSince1970: 1_796_000_400)
    static let logger = Logger(label: "xiuhua-tests", factory: { _ in SwiftLogNoOpLogHandler() })

    static let hotlineOperator = Actor(id: "demo-operator", name: "王丽", role: .operator)
    static let gridWorker = Actor(id: "demo-gridworker", name: "李强", role: .gridWorker, gridCodes: ["140213003001001"])
    static let dutyChief = Actor(id: "demo-dutychief", name: "张伟", role: .dutyChief)
    static let dispatcher = Actor(id: "demo-dispatcher", name: "刘洋", role: .dispatcher)
    static let street = Actor(id: "demo-yongtai", name: "陈静", role: .streetOfficer, streetCodes: ["140213003"])

    /// Opens a fresh store for `body` and removes it afterwards, whatever happens.
    static func with<T: Sendable>(backend: Backend = .sqlite, _ body: (CaseStoreFixture) async throws -> T) async throws -> T {
        try await withTemporaryStore(backend: backend) { store, _ in
            try await body(CaseStoreFixture(store: store))
        }
    }

    /// Drops one of the append-only triggers, as someone bypassing the store would.
    func dropTrigger(_ name: String) async throws {
        try await store.engine.write { db in
            try await db.raw(db.dialect.name == "postgresql" ? "DROP TRIGGER \(ident: name) ON case_events" : "DROP TRIGGER \(ident: name)").run()
        }
    }

    /// The guesthouse-yard report, as the operator files it from a call.
    static func intake() -> CaseIntake {
        CaseIntake(
            number: "pending", ticketCode: "pending", source: .hotline, categoryCode: "06010",
            disposalLimit: .workingHours(4), suggestedOwner: .department("huanwei"), subCommandCode: "shirong",
            location: CaseLocation(
                latitude: 40.10, longitude: 113.25, address: "红旗街原武警招待所院内",
                gridCode: "140213003001001", communityCode: "140213003001", streetCode: "140213003"
            ),
            description: "院内杂草丛生，堆满生活垃圾", reporterName: "刘秀英", reporterPhone: "13812345678"
        )
    }

    func file(minutesAfterStart minutes: Double = 0) async throws -> String {
        try await store.createCase(
            Self.intake(), by: Self.hotlineOperator, at: Self.start.addingTimeInterval(minutes * 60),
            numbering: Self.numbering, clock: Self.calendar
        ).number
    }

    @discardableResult
    func act(_ number: String, _ action: CaseAction, by actor: Actor, minutesAfterStart minutes: Double) async throws -> CaseSnapshot {
        try await store.act(
            on: number, action, by: actor, at: Self.start.addingTimeInterval(minutes * 60), clock: Self.calendar
        ).snapshot
    }

    /// Three cases: one rejected at once, one taken to the street and handled, one accepted.
    /// Returns their numbers in order.
    func threeCases() async throws -> (rejected: String, handled: String, accepted: String) {
        let rejected = try await file()
        try await act(rejected, .reject(reason: "重复反映"), by: Self.hotlineOperator, minutesAfterStart: 5)

        let handled = try await file(minutesAfterStart: 1)
        try await act(handled, .verify(real: true, note: "属实"), by: Self.gridWorker, minutesAfterStart: 30)
        try await act(handled, .accept(), by: Self.dutyChief, minutesAfterStart: 40)
        try await act(handled, .dispatch(to: .street("140213003")), by: Self.dispatcher, minutesAfterStart: 50)
        try await act(handled, .handle(note: "已清理", photos: ["after.jpg"]), by: Self.street, minutesAfterStart: 180)

        let accepted = try await file(minutesAfterStart: 2)
        try await act(accepted, .verify(real: true), by: Self.gridWorker, minutesAfterStart: 35)
        try await act(accepted, .accept(), by: Self.dutyChief, minutesAfterStart: 45)
        return (rejected, handled, accepted)
    }

    /// Runs SQL straight against the database, past the store's operations.
    func sql(_ query: SQLQueryString) async throws {
        try await store.engine.write { db in try await db.raw(query).run() }
    }

    /// The stored body of one event.
    func eventBody(_ number: String, seq: Int) async throws -> String? {
        try await store.engine.read { db in
            try await db.raw("SELECT body FROM case_events WHERE case_number = \(bind: number) AND seq = \(bind: seq)")
                .first()?.decode(column: "body", as: String.self)
        }
    }
}
