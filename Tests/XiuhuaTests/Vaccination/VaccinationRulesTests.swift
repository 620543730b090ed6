import Foundation
import Testing
@testable import Xiuhua

@Suite("Vaccination rules")
struct VaccinationRulesTests {
    static let china = WorkCalendar.chinaDefault
    static func day(_ text: String) -> LocalDate { try! LocalDate(text) }

    static func resident(born: String) -> Resident {
        Resident(
            id: "rs-1", gridCode: "140213003001001", household: "红旗街 12 号 201", name: "王建明",
            idNumber: .synthetic(area: "140213", birth: day(born), sequence: 17), phone: "13812345678"
        )
    }

    static let vero = Vaccine(code: "inactivated-vero", name: "灭活疫苗", doses: 2, minimumIntervalDays: 21)

    static func dose(_ number: Int, on instant: String, vaccine: String = "inactivated-vero") -> Dose {
        Dose(
            id: "ds-\(number)", residentID: "rs-1", appointmentID: nil, siteID: "vs-1", vaccineCode: vaccine, lot: "202611A",
            doseNumber: number, givenAt: ISO8601Instant.parse(instant)!, staffID: "hw", staffName: "何芳", screening: [:]
        )
    }

    static func booking(born: String = "1980-05-01", on day: String, today: String = "2026-11-30", doses: [Dose] = [], minimumAge: Int = 18) -> String? {
        VaccinationRules.bookingProblem(
            resident: resident(born: born), vaccine: vero, day: Self.day(day), today: Self.day(today), previousDoses: doses,
            eligibility: Eligibility(minimumAge: minimumAge), localDay: { china.localDate(of: $0) }
        )?.code
    }

    @Test("eligibility: 18 on the day by default, birthday counted; the age limit is configurable")
    func eligibility() {
        #expect(Self.booking(born: "2008-12-01", on: "2026-11-30") == "not_eligible")
        #expect(Self.booking(born: "2008-12-01", on: "2026-12-01") == nil)
        #expect(Self.booking(born: "2010-06-01", on: "2026-12-01") == "not_eligible")
        #expect(Self.booking(born: "2010-06-01", on: "2026-12-01", minimumAge: 12) == nil)
        #expect(Self.resident(born: "1980-12-01").age(on: Self.day("2026-11-30")) == 45)
    }

    @Test("the second dose is not bookable before the minimum interval, counted in local days")
    func interval() {
        // The first dose at 23:30 on 1 December in Beijing is 15:30 UTC: the local day counts.
        let first = Self.dose(1, on: "2026-12-01T23:30:00+08:00")
        #expect(Self.booking(on: "2026-12-21", doses: [first]) == "interval_not_reached")
        #expect(Self.booking(on: "2026-12-22", doses: [first]) == nil)
        let second = Self.dose(2, on: "2026-12-22T09:00:00+08:00")
        #expect(Self.booking(on: "2027-02-01", doses: [first, second]) == "course_complete")
        #expect(Self.booking(on: "2027-02-01", doses: [Self.dose(1, on: "2026-12-01T09:00:00+08:00", vaccine: "recombinant-cho")]) == "different_vaccine")
        #expect(Self.booking(on: "2026-11-29") == "day_in_past")
    }

    @Test("screening: every question answered, any yes is a contraindication")
    func screening() {
        let clear = Dictionary(uniqueKeysWithValues: Screening.questions.map { ($0.key, false) })
        #expect(Screening.problem(clear) == nil)
        var fever = clear
        fever["fever"] = true
        #expect(Screening.problem(fever)?.code == "contraindicated")
        var missing = clear
        missing["pregnancy"] = nil
        #expect(Screening.problem(missing)?.code == "screening_incomplete")
        var unknown = clear
        unknown["horoscope"] = false
        #expect(Screening.problem(unknown)?.code == "unknown_screening_item")
    }

    @Test("observation ends 30 minutes after the dose")
    func observation() {
        let dose = Self.dose(1, on: "2026-12-01T09:10:00+08:00")
        #expect(dose.observationEndsAt == ISO8601Instant.parse("2026-12-01T09:40:00+08:00"))
    }

    @Test("a no-show is possible only once the slot is over, in local time")
    func noShow() {
        let appointment = Appointment(
            id: "ap", residentID: "rs-1", siteID: "vs-1", day: Self.day("2026-12-01"), slotStart: 9 * 60, vaccineCode: "inactivated-vero",
            doseNumber: 1, bookedBy: "gw", bookedAt: Date()
        )
        func over(_ instant: String) -> Bool {
            VaccinationRules.slotIsOver(appointment, slotMinutes: 30, at: ISO8601Instant.parse(instant)!, timeZone: WorkCalendar.chinaStandardTime)
        }
        #expect(!over("2026-12-01T09:29:00+08:00"))
        #expect(over("2026-12-01T09:30:00+08:00"))
        #expect(over("2026-12-02T08:00:00+08:00"))
        #expect(!over("2026-11-30T23:59:00+08:00"))
    }

    @Test("personal data: health and grid roles see it, every other role sees it masked")
    func privacy() {
        let resident = Self.resident(born: "1980-05-01")
        for role in Role.allCases {
            let view = ResidentPrivacy.view(of: resident, for: role)
            if role == .healthWorker || role == .gridWorker {
                #expect(view.name == "王建明" && view.idNumber == resident.idNumber.text && view.phone == "13812345678" && !view.masked)
            } else {
                #expect(view.masked, "\(role)")
                #expect(view.name != "王建明" && view.idNumber.contains("********") && view.phone != "13812345678" && view.birthDate == nil, "\(role)")
            }
        }
    }

    @Test("slots: opening hours cut into equal slots; bad hours and capacities are refused")
    func sites() {
        var site = VaccinationSite(
            id: "vs", name: "红旗里社区卫生服务站", kind: .fixed, communityCode: "140213003001", address: "红旗街 1 号",
            opensAt: 8 * 60, closesAt: 11 * 60 + 45, slotMinutes: 30, capacityPerSlot: 20
        )
        #expect(site.slotStarts.map(VaccinationSite.clock) == ["08:00", "08:30", "09:00", "09:30", "10:00", "10:30", "11:00"])
        #expect(site.problem() == nil)
        site.capacityPerSlot = 0
        #expect(site.problem()?.code == "invalid_capacity")
        site.capacityPerSlot = 20
        site.closesAt = site.opensAt
        #expect(site.problem()?.code == "invalid_hours")
        #expect(VaccinationSite.minutes("08:30") == 510 && VaccinationSite.minutes("24:00") == 1440)
        #expect(VaccinationSite.minutes("8:30") == nil && VaccinationSite.minutes("24:30") == nil && VaccinationSite.minutes("12:60") == nil)
    }
}
