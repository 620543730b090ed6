import Foundation
import Xiuhua
import XiuhuaStore

/// The vaccination steps the JSON API and the console's vaccination desk share: putting a
/// resident on the roster, opening a site and planning a mobile team's days, a canvass
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

    /// True when `account` may see and act on `resident`: the roster's territory
    /// (`AccessPolicy`), the same for the API and the console.
    func inScope(_ resident: Resident, _ account: Account) -> Bool {
        territory(of: account).contains(
            gridCode: resident.gridCode, streetCode: services.regions?.ancestor(of: resident.gridCode, at: .street)?.code
        )
    }

    func territory(of account: Account) -> Territory {
        AccessPolicy.territory(of: account.actor, in: .residents)
    }

    /// The resident `id` if `account` may see it; otherwise the same answer as for no such
    /// resident, so that an account out of scope learns nothing of who is on the roster.
    func resident(_ id: String, for account: Account) async throws -> Resident {
        guard let resident = try await services.store.resident(id: id), inScope(resident, account) else { throw Self.noSuchResident(id) }
        return resident
    }

    /// The resident with its visits, appointments and doses, scoped as `resident(_:for:)`;
    /// health data (visit notes, screening answers, reactions) only for those who may read it.
    func record(_ id: String, for account: Account) async throws -> ResidentRecord {
        guard let record = try await services.store.residentRecord(id: id), inScope(record.resident, account) else {
            throw Self.noSuchResident(id)
        }
        guard !AccessPolicy.seesHealthData(of: record.resident, account.actor) else { return record }
        return ResidentRecord(
            resident: record.resident,
            visits: record.visits.map { var visit = $0; visit.note = ""; return visit },
            appointments: record.appointments,
            doses: record.doses.map { var dose = $0; dose.screening = [:]; dose.adverseReaction = nil; return dose }
        )
    }

    /// Residents in `region` (a code prefix; the whole district when nil) that `account` may see.
    func residents(in region: String?, for account: Account) async throws -> [Resident] {
        let prefixes: [String]
        switch territory(of: account) {
        case .nothing: return []
        case .district: prefixes = region.map { [$0] } ?? []
        case .streets(let codes), .grids(let codes):
            // A territory is a set of region codes, and a resident's grid code begins with
            // the codes of its street and community.
            prefixes = codes.sorted().compactMap { code in
                guard let region else { return code }
                return code.hasPrefix(region) ? code : region.hasPrefix(code) ? region : nil
            }
            if prefixes.isEmpty { return [] }
        }
        return try await services.store.residents(in: prefixes).filter { inScope($0, account) }
    }

    static func noSuchResident(_ id: String) -> CampaignRefusal {
        CampaignRefusal(.notFound, "resident_not_found", "台账中没有这个居民 (no such resident): \(id)")
    }

    /// What is asked to put a resident on the roster, as typed (also the API's body).
    struct ResidentEntry: Sendable, Decodable {
        var gridCode: String
        var household: String
        var name: String
        var idNumber: String
        var birthDate: LocalDate?
        var phone: String?
    }

    /// Puts a resident on the roster: a valid ID number (its birth date agreeing with a
    /// given one), a grid of the district (a grid worker's own), a name and household.
    func register(_ entry: ResidentEntry, by account: Account) async throws -> Resident {
        try Self.require(VaccinationRules.rosterKeepers, account, "登记居民")
        let idNumber: ResidentIDNumber
        do throws(ResidentIDNumber.Problem) {
            idNumber = try ResidentIDNumber(entry.idNumber.trimmingCharacters(in: .whitespaces))
        } catch {
            throw CampaignRefusal.invalid("invalid_id_number", error.message)
        }
        if let birthDate = entry.birthDate, birthDate != idNumber.birthDate {
            throw CampaignRefusal.invalid("birth_date_mismatch", "出生日期与身份证号不一致 (birth_date does not match the ID number: \(idNumber.birthDate))")
        }
        let gridCode = entry.gridCode.trimmingCharacters(in: .whitespaces)
        guard services.regions?[gridCode]?.level == .grid else {
            throw CampaignRefusal.invalid("unknown_grid", "本区没有这个网格 (no such grid cell): \(gridCode)")
        }
        guard territory(of: account).contains(gridCode: gridCode, streetCode: services.regions?.ancestor(of: gridCode, at: .street)?.code) else {
            throw CampaignRefusal(.forbidden, "out_of_scope", "只能登记本人负责网格的居民 (you register residents of your own grids only)")
        }
        let name = entry.name.trimmingCharacters(in: .whitespacesAndNewlines)
        let household = entry.household.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 50 else { throw CampaignRefusal.invalid("invalid_name", "姓名应为 1 到 50 个字符 (name 1–50 characters)") }
        guard !household.isEmpty, household.count <= 200 else {
            throw CampaignRefusal.invalid("invalid_household", "户应为 1 到 200 个字符 (household 1–200 characters)")
        }
        let phone = entry.phone.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        if let phone, !(phone.count >= 5 && phone.count <= 20 && phone.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "-") }) {
            throw CampaignRefusal.invalid("invalid_phone", "电话号码无效 (phone must be 5–20 digits)")
        }
        let resident = Resident(id: newIdentifier("rs"), gridCode: gridCode, household: household, name: name, idNumber: idNumber, phone: phone)
        try await services.store.addResident(resident, at: services.now())
        return resident
    }

    /// What is asked to open a vaccination site, as typed (also the API's body).
    struct SiteEntry: Sendable, Decodable {
        var name: String
        var kind: VaccinationSite.Kind
        var communityCode: String
        var address: String?
        var latitude: Double?
        var longitude: Double?
        var opensAt: String
        var closesAt: String
        var slotMinutes: Int
        var capacityPerSlot: Int
    }

    /// Opens a site in a community of the district, with its hours, slot length and seats.
    func addSite(_ entry: SiteEntry, by account: Account) async throws -> VaccinationSite {
        try Self.require(VaccinationRules.siteManagers, account, "设立接种点")
        guard let opens = VaccinationSite.minutes(entry.opensAt), let closes = VaccinationSite.minutes(entry.closesAt) else {
            throw CampaignRefusal.invalid("invalid_hours", "opens_at 和 closes_at 应为 HH:MM (opening hours are HH:MM)")
        }
        let communityCode = entry.communityCode.trimmingCharacters(in: .whitespaces)
        guard services.regions?[communityCode]?.level == .community else {
            throw CampaignRefusal.invalid("unknown_community", "本区没有这个社区 (no such community): \(communityCode)")
        }
        let site = VaccinationSite(
            id: newIdentifier("vs"), name: entry.name.trimmingCharacters(in: .whitespacesAndNewlines), kind: entry.kind,
            communityCode: communityCode, address: (entry.address ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
            latitude: entry.latitude, longitude: entry.longitude,
            opensAt: opens, closesAt: closes, slotMinutes: entry.slotMinutes, capacityPerSlot: entry.capacityPerSlot
        )
        if let problem = site.problem() { throw problem }
        try await services.store.addSite(site)
        return site
    }

    /// Sends mobile team `siteID` to a community on `day` (replacing that day's plan); answers the team's plan.
    func rove(siteID: String, day: LocalDate, communityCode: String, by account: Account) async throws -> [(day: LocalDate, communityCode: String)] {
        try Self.require(VaccinationRules.siteManagers, account, "安排流动接种")
        let communityCode = communityCode.trimmingCharacters(in: .whitespaces)
        guard services.regions?[communityCode]?.level == .community else {
            throw CampaignRefusal.invalid("unknown_community", "本区没有这个社区 (no such community): \(communityCode)")
        }
        try await services.store.scheduleRovingTeam(siteID, day: day, communityCode: communityCode)
        return try await services.store.rovingSchedule(siteID)
    }

    func visit(residentID: String, result: CanvassVisit.Result, note: String?, by account: Account) async throws -> CanvassVisit {
        try Self.require(VaccinationRules.canvassers, account, "记录敲门走访")
        let note = (note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard note.count <= 1000 else { throw CampaignRefusal.invalid("invalid_note", "说明不超过 1000 字 (note ≤ 1000 characters)") }
        _ = try await resident(residentID, for: account)
        let visit = CanvassVisit(
            residentID: residentID, result: result, note: note, visitorID: account.id, visitorName: account.name, visitedAt: services.now()
        )
        try await services.store.addCanvassVisit(visit)
        return visit
    }

    func book(residentID: String, siteID: String, day: LocalDate, slot slotText: String, vaccineCode: String, by account: Account) async throws -> Appointment {
        try Self.require(VaccinationRules.bookers, account, "预约接种")
        _ = try await resident(residentID, for: account)
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
        guard let booked = try await services.store.appointment(id: appointmentID),
              let resident = try await services.store.resident(id: booked.residentID), inScope(resident, account) else {
            throw CampaignRefusal(.notFound, "appointment_not_found", "没有这个预约 (no such appointment): \(appointmentID)")
        }
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
        _ = try await resident(entry.residentID, for: account)
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

    /// Records an adverse reaction seen after dose `doseID`, given to a resident in scope.
    func reaction(toDose doseID: String, _ description: String, by account: Account) async throws -> Dose {
        try Self.require(VaccinationRules.vaccinators, account, "记录不良反应")
        let text = description.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= 2000 else {
            throw CampaignRefusal.invalid("invalid_reaction", "请描述不良反应，不超过 2000 字 (describe the reaction, ≤ 2000 characters)")
        }
        guard let resident = try await services.store.resident(ofDose: doseID), inScope(resident, account),
              let dose = try await services.store.recordReaction(toDose: doseID, text) else {
            throw CampaignRefusal(.notFound, "dose_not_found", "没有这条接种记录 (no such dose): \(doseID)")
        }
        return dose
    }
}
