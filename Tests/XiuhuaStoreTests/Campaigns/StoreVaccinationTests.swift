import Foundation
import Testing
import Xiuhua
@testable import XiuhuaStore

@Suite("Vaccination in the store")
struct StoreVaccinationTests {
    static let now = CaseStoreFixture.start
    static let day = try! LocalDate("2026-12-01")

    static func residents(_ count: Int, grid: String = "140213003001001") -> [Resident] {
        (0..<count).map { index in
            Resident(
                id: "rs-\(grid.suffix(3))-\(index)", gridCode: grid, household: "红旗街 \(index / 3 + 1) 号", name: "居民\(index)",
                idNumber: .synthetic(area: "140213", birth: LocalDate(year: 1960 + index % 40, month: 1 + index % 12, day: 1 + index % 28)!, sequence: index),
                phone: nil
            )
        }
    }

    static let site = VaccinationSite(
        id: "vs-1", name: "红旗里社区卫生服务站", kind: .fixed, communityCode: "140213003001", address: "红旗街 1 号",
        opensAt: 8 * 60, closesAt: 12 * 60, slotMinutes: 30, capacityPerSlot: 3
    )

    static func draft(_ resident: String, id: String, slot: Int = 8 * 60) -> Appointment {
        Appointment(
            id: id, residentID: resident, siteID: site.id, day: day, slotStart: slot, vaccineCode: "inactivated-vero",
            doseNumber: 0, bookedBy: "gw", bookedAt: now
        )
    }

    @Test("twenty residents booking a three-seat slot at once: exactly three get it, the rest are told it is full", arguments: Backend.all)
    func capacityUnderConcurrency(backend: Backend) async throws {
        try await withTemporaryStore(backend: backend) { store, _ in
            let residents = Self.residents(20)
            try await store.addResidents(residents, at: Self.now)
            try await store.addSite(Self.site)
            let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
                for resident in residents {
                    group.addTask {
                        do {
                            _ = try await store.book(Self.draft(resident.id, id: "ap-\(resident.id)")) { _ in nil }
                            return "booked"
                        } catch let refusal as CampaignRefusal {
                            return refusal.code
                        }
                    }
                }
                var all: [String] = []
                for try await outcome in group { all.append(outcome) }
                return all
            }
            #expect(outcomes.filter { $0 == "booked" }.count == 3)
            #expect(outcomes.filter { $0 == "slot_full" }.count == 17)
            #expect(try await store.bookedSlots(site: Self.site.id, day: Self.day) == [8 * 60: 3])
        }
    }

    @Test("cancelling frees the seat; a resident holds one live booking; a no-show keeps the seat taken", arguments: Backend.all)
    func cancelAndRebook(backend: Backend) async throws {
        try await withTemporaryStore(backend: backend) { store, _ in
            let residents = Self.residents(5)
            try await store.addResidents(residents, at: Self.now)
            try await store.addSite(Self.site)
            for resident in residents.prefix(3) {
                _ = try await store.book(Self.draft(resident.id, id: "ap-\(resident.id)")) { _ in nil }
            }
            await #expect(throws: CampaignRefusal.self) {
                try await store.book(Self.draft(residents[3].id, id: "ap-late")) { _ in nil }
            }
            do {
                _ = try await store.book(Self.draft(residents[0].id, id: "ap-twice", slot: 9 * 60)) { _ in nil }
                Issue.record("a second live booking was accepted")
            } catch let refusal as CampaignRefusal {
                #expect(refusal.code == "already_booked")
            }
            let cancelled = try await store.closeAppointment(id: "ap-\(residents[0].id)", as: .cancelled) { _, _ in nil }
            #expect(cancelled.state == .cancelled)
            _ = try await store.book(Self.draft(residents[3].id, id: "ap-now")) { _ in nil }
            _ = try await store.closeAppointment(id: "ap-now", as: .noShow) { _, _ in nil }
            await #expect(throws: CampaignRefusal.self) {
                try await store.book(Self.draft(residents[4].id, id: "ap-after-noshow")) { _ in nil }
            }
            await #expect(throws: CampaignRefusal.self) {
                try await store.closeAppointment(id: "ap-now", as: .cancelled) { _, _ in nil }
            }
        }
    }

    @Test("doses are numbered in order, attend their appointment, survive a restart and count in coverage", arguments: Backend.all)
    func dosesAndCoverage(backend: Backend) async throws {
        try await TemporaryDirectory.with(backend: backend) { directory in
            let store = try await directory.open()
            let residents = Self.residents(4)
            try await store.addResidents(residents, at: Self.now)
            try await store.addSite(Self.site)
            _ = try await store.book(Self.draft(residents[0].id, id: "ap-0")) { _ in nil }
            let calendar = WorkCalendar.chinaDefault
            func give(_ resident: String, appointment: String?, at instant: Date) async throws -> Dose {
                try await store.recordDose(
                    Dose(id: "ds-\(resident)-\(instant.timeIntervalSince1970)", residentID: resident, appointmentID: appointment, siteID: Self.site.id,
                         vaccineCode: "inactivated-vero", lot: "202611A", doseNumber: 0, givenAt: instant, staffID: "hw", staffName: "何芳",
                         screening: ["fever": false]),
                    localDay: { calendar.localDate(of: $0) }, rule: { _, _, _ in nil }
                )
            }
            let first = try await give(residents[0].id, appointment: "ap-0", at: Self.now)
            #expect(first.doseNumber == 1)
            #expect(try await store.appointment(id: "ap-0")?.state == .attended)
            let second = try await give(residents[0].id, appointment: nil, at: Self.now + 22 * 86_400)
            #expect(second.doseNumber == 2)
            _ = try await give(residents[1].id, appointment: nil, at: Self.now + 86_400)
            #expect(try await store.recordReaction(toDose: second.id, "接种部位红肿")?.adverseReaction == "接种部位红肿")
            await store.close()

            let reopened = try await directory.open()
            let record = try #require(try await reopened.residentRecord(id: residents[0].id))
            #expect(record.doses.map(\.doseNumber) == [1, 2])
            #expect(record.doses[0].screening == ["fever": false])
            let all = try await reopened.gridCoverage()
            #expect(all == [Coverage(regionCode: "140213003001001", population: 4, doses: 3, firstDose: 2, secondDose: 1)])
            let firstDay = try await reopened.gridCoverage(through: calendar.localDate(of: Self.now))
            #expect(firstDay.first?.doses == 1)
            #expect(try await reopened.dosesPerDay().map(\.doses) == [1, 1, 1])
            await reopened.close()
        }
    }

    @Test("an ID number already on the roster is a conflict", arguments: Backend.all)
    func duplicateResident(backend: Backend) async throws {
        try await withTemporaryStore(backend: backend) { store, _ in
            let resident = Self.residents(1)[0]
            try await store.addResident(resident, at: Self.now)
            var copy = resident
            copy.id = "rs-copy"
            do {
                try await store.addResident(copy, at: Self.now)
                Issue.record("a duplicate ID number was accepted")
            } catch let refusal as CampaignRefusal {
                #expect(refusal.code == "duplicate_id_number")
            }
            #expect(try await store.residents(in: []).count == 1)
        }
    }
}
