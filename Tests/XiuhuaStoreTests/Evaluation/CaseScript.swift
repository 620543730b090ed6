import Foundation
import Testing
import Xiuhua
import XiuhuaTestSupport
import XiuhuaStore

/// People and a helper to play a case through the real store on a clock the test moves.
enum People {
    static let operatorActor = Actor(id: "op-1", name: "王受理", role: .operator)
    static let gridWorker = Actor(id: "gw-1", name: "李网格", role: .gridWorker, gridCodes: ["G1", "G2", "G3", "G4"])
    static let dutyChief = Actor(id: "dc-1", name: "赵值班", role: .dutyChief)
    static let dispatcher = Actor(id: "dp-1", name: "钱派遣", role: .dispatcher)
    static let citizen = Actor(id: "ci-1", name: "冯市民", role: .citizen)

    static func handler(_ department: String) -> Actor {
        Actor(id: "h-\(department)", name: department, role: .departmentHandler, departmentCode: department)
    }

    static func reporter(_ source: CaseSource) -> Actor? {
        switch source {
        case .hotline: operatorActor
        case .patrol: gridWorker
        case .web: nil
        case .api: Actor(id: "api", name: "接口", role: .system)
        }
    }
}

/// One case filed and acted on through `Store.createCase` and `Store.act`.
struct CaseScript {
    static let clock = NaturalClock()
    static let numbering = CaseNumbering(prefix: "XH", timeZone: WorkCalendar.chinaStandardTime)

    let store: Store
    let number: String
    var now: Date

    /// Files a case at `at` in grid `grid` (community and street derived from it).
    init(
        _ store: Store, _ source: CaseSource, at: Date, grid: String = "G1", community: String = "C1", street: String = "S1",
        category: String = "06010", disposal: TimeLimit = .hours(4)
    ) async throws {
        let intake = CaseIntake(
            number: "", ticketCode: "", source: source, categoryCode: category, disposalLimit: disposal,
            suggestedOwner: .department("D1"), subCommandCode: "SC1",
            location: CaseLocation(latitude: 40.1, longitude: 113.3, address: "测试路1号", gridCode: grid, communityCode: community, streetCode: street),
            description: "测试案件", photos: source == .patrol ? ["p.jpg"] : []
        )
        let snapshot = try await store.createCase(intake, by: People.reporter(source), at: at, numbering: Self.numbering, clock: Self.clock)
        self.store = store
        self.number = snapshot.number
        self.now = at
    }

    /// Waits `minutes`, then takes `action` as `actor`.
    mutating func then(_ minutes: Double, _ action: CaseAction, by actor: Actor) async throws {
        now = now.addingTimeInterval(minutes * 60)
        _ = try await store.act(on: number, action, by: actor, at: now, clock: Self.clock)
    }
}

/// 2026-11-10 09:00 Beijing time plus `minutes`.
func november(_ minutes: Double = 0) -> Date {
    Date(timeIntervalSince1970: 1_794_272_400).addingTimeInterval(minutes * 60)
}
