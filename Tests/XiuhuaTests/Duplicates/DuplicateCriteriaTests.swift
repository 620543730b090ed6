import Foundation
import Testing
import Xiuhua

/// Which open cases are suggested as duplicates: same category, within the radius, within
/// the window before the new report.
@Suite("Duplicate suggestions")
struct DuplicateCriteriaTests {
    /// A case reported `daysBefore` days before the subject, `metres` north of it.
    static func nearby(_ number: String, metres: Double, daysBefore: Double, category: String = "06001") throws -> CaseSnapshot {
        var intake = Fixture.intake(number: number, ticketCode: "T" + number.suffix(5))
        intake.categoryCode = category
        intake.location.latitude = 31.2304 + metres / 111_195
        let at = Fixture.start.addingTimeInterval(-daysBefore * 86_400)
        return try CaseHistory(intake, at: at).snapshot
    }

    @Test("the radius edge: 49 m is suggested, 51 m is not; a category may have its own radius")
    func radiusEdge() throws {
        let subject = try CaseHistory().snapshot
        let inside = try Self.nearby("XH-2026-000101", metres: 49, daysBefore: 1)
        let outside = try Self.nearby("XH-2026-000102", metres: 51, daysBefore: 1)
        let found = DuplicateCriteria.standard.duplicates(of: subject, among: [outside, inside])
        #expect(found.map(\.number) == ["XH-2026-000101"])
        #expect(abs(found[0].distanceMetres - 49) < 0.5)
        let wider = DuplicateCriteria(categoryRadii: ["06001": 100])
        #expect(wider.duplicates(of: subject, among: [outside, inside]).map(\.number) == ["XH-2026-000101", "XH-2026-000102"])
        #expect(wider.radius(for: "09006") == 50)
    }

    @Test("the window edge: 6.9 days before is suggested, 7.1 days is not, nor a later report")
    func windowEdge() throws {
        let subject = try CaseHistory().snapshot
        let recent = try Self.nearby("XH-2026-000201", metres: 10, daysBefore: 6.9)
        let old = try Self.nearby("XH-2026-000202", metres: 10, daysBefore: 7.1)
        let later = try Self.nearby("XH-2026-000203", metres: 10, daysBefore: -0.5)
        #expect(DuplicateCriteria.standard.duplicates(of: subject, among: [old, recent, later]).map(\.number) == ["XH-2026-000201"])
        let shorter = DuplicateCriteria(window: 3 * 86_400)
        #expect(shorter.duplicates(of: subject, among: [recent]).isEmpty)
    }

    @Test("another category, a closed case, the case itself or a case without a position is never suggested; nearest first")
    func mismatches() throws {
        let subject = try CaseHistory().snapshot
        let otherCategory = try Self.nearby("XH-2026-000301", metres: 5, daysBefore: 1, category: "09006")
        let far = try Self.nearby("XH-2026-000302", metres: 30, daysBefore: 1)
        let near = try Self.nearby("XH-2026-000303", metres: 3, daysBefore: 2)
        var closedHistory = try CaseHistory(Fixture.intake(number: "XH-2026-000304", ticketCode: "T00304"), at: Fixture.start.addingTimeInterval(-86_400))
        try closedHistory.run(.reject(reason: "不属实"), by: Fixture.dutyChief)
        var intake = Fixture.intake(number: "XH-2026-000305", ticketCode: "T00305")
        intake.location.latitude = nil
        intake.location.longitude = nil
        let unplaced = try CaseHistory(intake, at: Fixture.start.addingTimeInterval(-3600)).snapshot
        let found = DuplicateCriteria.standard.duplicates(of: subject, among: [otherCategory, far, subject, closedHistory.snapshot, near, unplaced])
        #expect(found.map(\.number) == ["XH-2026-000303", "XH-2026-000302"])
        #expect(DuplicateCriteria.standard.duplicates(of: unplaced, among: [near]).isEmpty)
    }

    @Test("the pre-filter box holds every point within the radius")
    func boxHoldsCircle() {
        for latitude in [22.5, 31.23, 45.8] {
            let box = DuplicateCriteria.box(around: latitude, 121.47, metres: 50)
            for bearing in stride(from: 0.0, to: 360, by: 15) {
                let radians = bearing * .pi / 180
                let lat = latitude + 50 * cos(radians) / 111_195
                let lon = 121.47 + 50 * sin(radians) / (111_195 * cos(latitude * .pi / 180))
                #expect(DuplicateCriteria.metres(from: (latitude, 121.47), to: (lat, lon)) <= 50.01)
                #expect(box.latitudes.contains(lat) && box.longitudes.contains(lon))
            }
        }
    }
}
