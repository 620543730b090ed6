import Foundation
import Hummingbird
import Xiuhua
import XiuhuaStore

/// The vaccination drive's roster, visits, sites, appointments and doses under
/// `/api/v1/vaccination/…`. Personal data is shown only to the health and grid roles
/// (`ResidentPrivacy`); everyone else signed in reads it masked.
struct VaccinationRoutes {
    let services: XiuhuaServices

    static let staff: Set<Role> = Set(Role.allCases).subtracting([.citizen])

    struct VisitRequest: Decodable {
        let result: CanvassVisit.Result
        let note: String?
    }

    struct RovingRequest: Decodable {
        let day: LocalDate
        let communityCode: String
    }

    struct BookingRequest: Decodable {
        let residentID: String
        let siteID: String
        let day: LocalDate
        let slot: String
        let vaccineCode: String

        private enum CodingKeys: String, CodingKey {
            case residentID = "residentId"
            case siteID = "siteId"
            case day, slot, vaccineCode
        }
    }

    struct DoseRequest: Decodable {
        let residentID: String
        let appointmentID: String?
        let siteID: String
        let vaccineCode: String
        let lot: String
        let identityChecked: Bool
        let consentSigned: Bool
        let screening: [String: Bool]

        private enum CodingKeys: String, CodingKey {
            case residentID = "residentId"
            case appointmentID = "appointmentId"
            case siteID = "siteId"
            case vaccineCode, lot, identityChecked, consentSigned, screening
        }
    }

    struct ReactionRequest: Decodable {
        let description: String
    }

    struct EligibilityRequest: Decodable {
        let minimumAge: Int
    }

    struct IntervalRequest: Decodable {
        let minimumIntervalDays: Int
    }

    func add(to router: Router<XiuhuaRequestContext>) {
        router.get("/api/v1/vaccination/eligibility") { _, context in try await eligibility(context) }
        router.put("/api/v1/vaccination/eligibility") { request, context in try await setEligibility(request, context) }
        router.get("/api/v1/vaccination/vaccines") { _, context in try await vaccines(context) }
        router.put("/api/v1/vaccination/vaccines/{code}") { request, context in try await setInterval(request, context) }
        router.post("/api/v1/vaccination/residents") { request, context in try await addResident(request, context) }
        router.get("/api/v1/vaccination/residents") { request, context in try await residents(request, context) }
        router.get("/api/v1/vaccination/residents/{id}") { _, context in try await resident(context) }
        router.post("/api/v1/vaccination/residents/{id}/visits") { request, context in try await visit(request, context) }
        router.post("/api/v1/vaccination/sites") { request, context in try await addSite(request, context) }
        router.get("/api/v1/vaccination/sites") { _, context in try await sites(context) }
        router.get("/api/v1/vaccination/sites/{id}/slots") { request, context in try await slots(request, context) }
        router.post("/api/v1/vaccination/sites/{id}/roving") { request, context in try await rove(request, context) }
        router.post("/api/v1/vaccination/appointments") { request, context in try await book(request, context) }
        router.post("/api/v1/vaccination/appointments/{id}/cancel") { _, context in try await close(context, as: .cancelled) }
        router.post("/api/v1/vaccination/appointments/{id}/no-show") { _, context in try await close(context, as: .noShow) }
        router.post("/api/v1/vaccination/doses") { request, context in try await dose(request, context) }
        router.post("/api/v1/vaccination/doses/{id}/reaction") { request, context in try await reaction(request, context) }
        router.get("/api/v1/vaccination/coverage") { request, context in try await coverage(request, context) }
    }

    private var today: LocalDate { services.calendar.localDate(of: services.now()) }

    // MARK: - Settings

    func eligibility(_ context: XiuhuaRequestContext) async throws -> Response {
        _ = try context.requireRole(Self.staff, for: "查看接种范围")
        return try json(try await services.store.eligibility())
    }

    func setEligibility(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        _ = try context.requireRole(VaccinationRules.siteManagers, for: "设置接种范围")
        let body = try await request.decodeSnakeCase(as: EligibilityRequest.self, context: context)
        guard (0...120).contains(body.minimumAge) else {
            throw APIError.badRequest("invalid_age", "minimum_age 应在 0 到 120 之间 (minimum_age 0…120)")
        }
        try await services.store.setEligibility(Eligibility(minimumAge: body.minimumAge))
        return try json(Eligibility(minimumAge: body.minimumAge))
    }

    struct VaccineList: Encodable { let items: [Vaccine] }

    func vaccines(_ context: XiuhuaRequestContext) async throws -> Response {
        _ = try context.requireRole(Self.staff, for: "查看疫苗")
        return try json(VaccineList(items: try await services.store.vaccines()))
    }

    func setInterval(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        _ = try context.requireRole(VaccinationRules.siteManagers, for: "设置接种间隔")
        let code = try context.parameters.require("code")
        let body = try await request.decodeSnakeCase(as: IntervalRequest.self, context: context)
        guard (0...365).contains(body.minimumIntervalDays) else {
            throw APIError.badRequest("invalid_interval", "minimum_interval_days 应在 0 到 365 之间 (0…365)")
        }
        guard let vaccine = try await services.store.setMinimumInterval(ofVaccine: code, days: body.minimumIntervalDays) else {
            throw APIError.notFound("vaccine_not_found", "没有这种疫苗 (no such vaccine): \(code)")
        }
        return try json(vaccine)
    }

    // MARK: - Roster

    func addResident(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole(VaccinationRules.rosterKeepers, for: "登记居民")
        let entry = try await request.decodeSnakeCase(as: VaccinationDesk.ResidentEntry.self, context: context)
        return try await answeringRefusals {
            let resident = try await VaccinationDesk(services: services).register(entry, by: account)
            return try json(ResidentPrivacy.view(of: resident, for: account.role), status: .created)
        }
    }

    struct ResidentList: Encodable { let items: [ResidentView] }

    func residents(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole(Self.staff, for: "查看台账")
        let region = request.uri.queryParameters["region"].map(String.init)
        let residents = try await VaccinationDesk(services: services).residents(in: region, for: account)
        return try json(ResidentList(items: residents.map { ResidentPrivacy.view(of: $0, for: account.role) }))
    }

    struct ResidentDetail: Encodable {
        let resident: ResidentView
        let age: Int
        let eligible: Bool
        let visits: [CanvassVisit]
        let appointments: [Appointment]
        let doses: [DoseView]
    }

    func resident(_ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole(Self.staff, for: "查看台账")
        let id = try context.parameters.require("id")
        let record = try await answeringRefusals { try await VaccinationDesk(services: services).record(id, for: account) }
        let eligibility = try await services.store.eligibility()
        return try json(ResidentDetail(
            resident: ResidentPrivacy.view(of: record.resident, for: account.role),
            age: record.resident.age(on: today),
            eligible: eligibility.isEligible(record.resident, on: today),
            visits: record.visits, appointments: record.appointments, doses: record.doses.map(DoseView.init)
        ))
    }

    func visit(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole(VaccinationRules.canvassers, for: "记录敲门走访")
        let id = try context.parameters.require("id")
        let body = try await request.decodeSnakeCase(as: VisitRequest.self, context: context)
        return try await answeringRefusals {
            let visit = try await VaccinationDesk(services: services).visit(residentID: id, result: body.result, note: body.note, by: account)
            return try json(visit, status: .created)
        }
    }

    // MARK: - Sites

    struct SiteView: Encodable {
        let site: VaccinationSite
        let opens: String
        let closes: String

        init(_ site: VaccinationSite) {
            self.site = site
            opens = VaccinationSite.clock(site.opensAt)
            closes = VaccinationSite.clock(site.closesAt)
        }
    }

    func addSite(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole(VaccinationRules.siteManagers, for: "设立接种点")
        let entry = try await request.decodeSnakeCase(as: VaccinationDesk.SiteEntry.self, context: context)
        return try await answeringRefusals {
            return try json(SiteView(try await VaccinationDesk(services: services).addSite(entry, by: account)), status: .created)
        }
    }

    struct SiteList: Encodable { let items: [SiteView] }

    func sites(_ context: XiuhuaRequestContext) async throws -> Response {
        _ = try context.requireRole(Self.staff, for: "查看接种点")
        return try json(SiteList(items: try await services.store.sites().map(SiteView.init)))
    }

    struct Slot: Encodable {
        let start: String
        let capacity: Int
        let booked: Int
        let free: Int
    }

    struct SlotList: Encodable {
        let siteId: String
        let day: LocalDate
        let slots: [Slot]
    }

    func slots(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        _ = try context.requireRole(Self.staff, for: "查看号源")
        let id = try context.parameters.require("id")
        guard let text = request.uri.queryParameters["day"], let day = try? LocalDate(String(text)) else {
            throw APIError.badRequest("invalid_day", "day 应为 YYYY-MM-DD (give day=YYYY-MM-DD)")
        }
        guard let site = try await services.store.site(id: id) else {
            throw APIError.notFound("site_not_found", "没有这个接种点 (no such site): \(id)")
        }
        let booked = try await services.store.bookedSlots(site: id, day: day)
        let slots = site.slotStarts.map { start in
            let taken = booked[start] ?? 0
            return Slot(start: VaccinationSite.clock(start), capacity: site.capacityPerSlot, booked: taken, free: max(0, site.capacityPerSlot - taken))
        }
        return try json(SlotList(siteId: id, day: day, slots: slots))
    }

    func rove(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole(VaccinationRules.siteManagers, for: "安排流动接种")
        let id = try context.parameters.require("id")
        let body = try await request.decodeSnakeCase(as: RovingRequest.self, context: context)
        return try await answeringRefusals {
            let schedule = try await VaccinationDesk(services: services).rove(siteID: id, day: body.day, communityCode: body.communityCode, by: account)
            return try json(RovingList(items: schedule.map { RovingDay(day: $0.day, communityCode: $0.communityCode) }), status: .created)
        }
    }

    struct RovingDay: Encodable {
        let day: LocalDate
        let communityCode: String
    }

    struct RovingList: Encodable { let items: [RovingDay] }

    // MARK: - Appointments

    func book(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole(VaccinationRules.bookers, for: "预约接种")
        let body = try await request.decodeSnakeCase(as: BookingRequest.self, context: context)
        return try await answeringRefusals {
            let appointment = try await VaccinationDesk(services: services).book(
                residentID: body.residentID, siteID: body.siteID, day: body.day, slot: body.slot, vaccineCode: body.vaccineCode, by: account
            )
            return try json(appointment, status: .created)
        }
    }

    func close(_ context: XiuhuaRequestContext, as state: Appointment.State) async throws -> Response {
        let account = try context.requireRole(VaccinationRules.bookers, for: "修改预约")
        let id = try context.parameters.require("id")
        return try await answeringRefusals {
            let appointment = try await VaccinationDesk(services: services).close(appointmentID: id, as: state, by: account)
            return try json(appointment)
        }
    }

    // MARK: - Doses

    struct DoseView: Encodable {
        let dose: Dose
        let observationEndsAt: Date

        init(_ dose: Dose) {
            self.dose = dose
            observationEndsAt = dose.observationEndsAt
        }
    }

    func dose(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole(VaccinationRules.vaccinators, for: "登记接种")
        let body = try await request.decodeSnakeCase(as: DoseRequest.self, context: context)
        let entry = VaccinationDesk.DoseEntry(
            residentID: body.residentID, appointmentID: body.appointmentID, siteID: body.siteID, vaccineCode: body.vaccineCode,
            lot: body.lot, identityChecked: body.identityChecked, consentSigned: body.consentSigned, screening: body.screening
        )
        return try await answeringRefusals {
            let dose = try await VaccinationDesk(services: services).dose(entry, by: account)
            return try json(DoseView(dose), status: .created)
        }
    }

    func reaction(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let account = try context.requireRole(VaccinationRules.vaccinators, for: "记录不良反应")
        let id = try context.parameters.require("id")
        let body = try await request.decodeSnakeCase(as: ReactionRequest.self, context: context)
        return try await answeringRefusals {
            try json(DoseView(try await VaccinationDesk(services: services).reaction(toDose: id, body.description, by: account)))
        }
    }

    // MARK: - Coverage

    func coverage(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        _ = try context.requireRole(Self.staff, for: "查看接种进度")
        let report = try await CoverageReport.load(request, services: services)
        return try json(report)
    }
}
