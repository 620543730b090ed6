import Foundation
import Testing
import Xiuhua
import XiuhuaGeo

@Suite("Idle-space register")
struct IdleSpaceTests {
    static let ring = [
        Coordinate(lon: 113.30, lat: 40.08), Coordinate(lon: 113.301, lat: 40.08),
        Coordinate(lon: 113.301, lat: 40.081), Coordinate(lon: 113.30, lat: 40.08),
    ]
    static let place = ShopPlace(gridCode: "g", communityCode: "c", streetCode: "s")

    static func space(outline: [Coordinate] = ring, owner: String = "永泰街道办事处") throws(IdleSpace.Problem) -> IdleSpace {
        try IdleSpace(
            id: "XJ1", name: "铁路桥下空地", kind: .underBridge, outline: outline, place: place, owner: owner, hazard: .medium,
            hazardNote: "堆放易燃杂物", proposedReuse: "口袋公园", photos: [], at: Date(timeIntervalSince1970: 0), by: "李强"
        )
    }

    @Test("registered → plan → works → reused; cleared straight from registered; nothing after the end")
    func statuses() throws {
        var space = try Self.space()
        #expect(space.status == .registered)
        try space.move(to: .plan, note: "改造为口袋公园", by: "陈静", at: Date(timeIntervalSince1970: 10))
        try space.move(to: .works, note: nil, by: "陈静", at: Date(timeIntervalSince1970: 20))
        try space.move(to: .reused, note: nil, by: "陈静", at: Date(timeIntervalSince1970: 30))
        #expect(space.events.map(\.status) == [.registered, .plan, .works, .reused])
        #expect(throws: IdleSpace.Problem.transition(from: .reused, to: .cleared)) { try space.move(to: .cleared, note: nil, by: "陈静", at: .now) }

        var other = try Self.space()
        #expect(throws: IdleSpace.Problem.transition(from: .registered, to: .works)) { try other.move(to: .works, note: nil, by: "陈静", at: .now) }
        try other.move(to: .cleared, note: "已清运", by: "陈静", at: .now)
        #expect(other.status == .cleared)
    }

    @Test("a case is linked once; an open outline or a blank owner is refused")
    func checks() throws {
        var space = try Self.space()
        try space.link(case: "PC1")
        #expect(throws: IdleSpace.Problem.caseLinked("PC1")) { try space.link(case: "PC1") }
        #expect(space.cases == ["PC1"])
        #expect(throws: IdleSpace.Problem.outline) { try Self.space(outline: Array(Self.ring.dropLast())) }
        #expect(throws: IdleSpace.Problem.missing("owner")) { try Self.space(owner: " ") }
        #expect(Geometry.polygon(Polygon(exterior: Ring(Self.ring))).contains(IdleSpace.representativePoint(of: Self.ring)))
    }
}
