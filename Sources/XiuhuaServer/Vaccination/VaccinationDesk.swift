import Foundation
import Xiuhua
import XiuhuaStore

/// The vaccination steps the JSON API and the console's vaccination desk share: a canvass
/// visit, a booking, a cancellation or no-show, and a dose given at the site. Each checks
/// who may do it and the drive's rules, writes through the store, and throws a
/// `CampaignRefusal` that the caller answers as JSON or shows on the page.
struct VaccinationDesk {
    let services: XiuhuaServices

    private var today: LocalDate { services.calendar.localDate(of: services.now()) }

    private static func require(_ roles: Set<Role>, _ account: Account, _ action: String) throws {
        guard roles.contains(account.role) else {
            throw CampaignRefusal(.forbidden, "forbidden_role", "\(account.role.label)无权\(action) (your role may not do this)")
        }
    }

    func visit(residentID: String, result: CanvassVisit.Result, note: String?, by account: Account) async throws -> CanvassVisit {
        try Self.require(VaccinationRules.canvassers, account, "记录敲门走访")
        let note = (note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard note.count <= 1000 else { throw CampaignRefusal.invalid("invalid_note", "说明不超过 1000 字 (note ≤ 1000 characters)") }
        let visit = CanvassVisit(
            residentID: residentID, result: result, note: note, visitorID: account.id, visitorName: account.name, visitedAt: services.now()
        )
        try await services.store.addCanvassVisit(visit)
        return visit
    }

    func book(residentID: String, siteID: String, day: LocalDate, slot slotText: String, vaccineCode: String, by account: Account) async throws -> Appointment {
        try Self.require(VaccinationRules.bookers, account, "预约接种")
        guard let slot = VaccinationSite.minutes(slotText) else {
            throw CampaignRefusal.invalid("invalid_slot", "slot 应为 HH:MM (slot is HH:MM)")
        }
        let eligibility = try await services.store.eligibility()
        let today = self.today
        let calendar = services.calendar
        let draft = Appointment(
            id: newIdentifier("ap"), residentID: residentID, siteID: siteID, day: day, slotStart: slot,
            vaccineCode: vaccineCode, doseNumber: 0, bookedBy: account.id, bookedAt: services.now()
        )
        return try await services.store.book(draft) { booking in
            VaccinationRules.bookingProblem(
                resident: booking.resident, vaccine: booking.vaccine, day: draft.day, today: today,
                previousDoses: booking.previousDoses, eligibility: eligibility, localDay: { calendar.localDate(of: $0) }
            )
        }
    }

    /// Cancels an appointment (the seat is free again) or records a no-show once its slot is over.
    func close(appointmentID: String, as state: Appointment.State, by account: Account) async throws -> Appointment {
        try Self.require(VaccinationRules.bookers, account, "修改预约")
        let now = services.now()
        let calendar = services.calendar
        return try await services.store.closeAppointment(id: appointmentID, as: state) { appointment, site in
            guard state == .noShow else { return nil }
            return VaccinationRules.slotIsOver(appointment, slotMinutes: site.slotMinutes, at: now, timeZone: calendar.timeZone)
                ? nil : CampaignRefusal(.conflict, "slot_not_over", "时段尚未结束，不能记爽约 (the slot is not over yet)")
        }
    }

    /// What is checked and written at the site before a dose.
    struct DoseEntry: Sendable {
        var residentID: String
        var appointmentID: String?
        var siteID: String
        var vaccineCode: String
        var lot: String
        var identityChecked: Bool
        var consentSigned: Bool
        var screening: [String: Bool]
    }

    func dose(_ entry: DoseEntry, by account: Account) async throws -> Dose {
        try Self.require(VaccinationRules.vaccinators, account, "登记接种")
        guard entry.identityChecked else {
            throw CampaignRefusal.invalid("identity_not_checked", "须先核验身份证件 (check the person's identity first)")
        }
        guard entry.consentSigned else {
            throw CampaignRefusal.invalid("consent_missing", "须签署知情同意书 (the informed consent must be signed)")
        }
        let lot = entry.lot.trimmingCharacters(in: .whitespaces)
        guard !lot.isEmpty, lot.count <= 40 else {
            throw CampaignRefusal.invalid("invalid_lot", "须填写疫苗批号 (give the lot number, ≤ 40 characters)")
        }
        if let problem = Screening.problem(entry.screening) { throw problem }
        let now = services.now()
        let calendar = services.calendar
        let today = self.today
        let draft = Dose(
            id: newIdentifier("ds"), residentID: entry.residentID, appointmentID: entry.appointmentID, siteID: entry.siteID,
            vaccineCode: entry.vaccineCode, lot: lot, doseNumber: 0, givenAt: now, staffID: account.id, staffName: account.name,
            screening: entry.screening
        )
        let eligibility = try await services.store.eligibility()
        return try await services.store.recordDose(draft, localDay: { calendar.localDate(of: $0) }) { resident, vaccine, previous in
            VaccinationRules.doseProblem(
                resident: resident, vaccine: vaccine, today: today, previousDoses: previous, eligibility: eligibility,
                localDay: { calendar.localDate(of: $0) }
            )
        }
    }
}
