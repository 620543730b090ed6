import Foundation
import SQLKit
import Xiuhua

/// A resident's record in the drive: visits, appointments and doses.
public struct ResidentRecord: Sendable {
    public let resident: Resident
    public let visits: [CanvassVisit]
    public let appointments: [Appointment]
    public let doses: [Dose]

    public init(resident: Resident, visits: [CanvassVisit], appointments: [Appointment], doses: [Dose]) {
        self.resident = resident
        self.visits = visits
        self.appointments = appointments
        self.doses = doses
    }
}

/// What a booking rule is given: everything the store read in the booking's transaction.
public struct BookingContext: Sendable {
    public let resident: Resident
    public let site: VaccinationSite
    public let vaccine: Vaccine
    public let previousDoses: [Dose]
}

extension Store {
    static let minimumAgeKey = "vaccination_minimum_age"

    // MARK: - Eligibility and vaccines

    /// The age limit of the drive (18 unless changed).
    public func eligibility() async throws -> Eligibility {
        guard let text = try await meta(Store.minimumAgeKey), let age = Int(text) else { return .standard }
        return Eligibility(minimumAge: age)
    }

    public func setEligibility(_ eligibility: Eligibility) async throws {
        try await setMeta(Store.minimumAgeKey, String(eligibility.minimumAge))
    }

    public func vaccines() async throws -> [Vaccine] {
        try await engine.read { db in
            try await db.raw("SELECT * FROM vaccines ORDER BY code").all().map(Store.decodeVaccine)
        }
    }

    /// Changes the minimum interval between doses of vaccine `code`; nil when there is no such vaccine.
    public func setMinimumInterval(ofVaccine code: String, days: Int) async throws -> Vaccine? {
        try await engine.write { db in
            try await db.raw("UPDATE vaccines SET minimum_interval_days = \(bind: days) WHERE code = \(bind: code)").run()
            return try await db.raw("SELECT * FROM vaccines WHERE code = \(bind: code)").first().map(Store.decodeVaccine)
        }
    }

    // MARK: - Roster

    /// Adds `resident` to the roster; an ID number already on it is a conflict.
    public func addResident(_ resident: Resident, at now: Date) async throws {
        try await engine.write { db in
            try await db.takeTurns(on: "resident-id-number:\(resident.idNumber.text)")
            if try await db.raw("SELECT id FROM residents WHERE id_number = \(bind: resident.idNumber.text)").first() != nil {
                throw CampaignRefusal(.conflict, "duplicate_id_number", "该身份证号已在台账中 (this ID number is already on the roster)")
            }
            try await Store.insertResident(resident, at: now, in: db)
        }
    }

    /// Adds many residents in one transaction (the demo and imports), skipping ID numbers already on the roster.
    public func addResidents(_ residents: [Resident], at now: Date) async throws {
        try await engine.write { db in
            for resident in residents {
                try await db.raw("""
                    INSERT INTO residents (id, grid_code, household, name, id_number, phone, created_at)
                    VALUES (\(bind: resident.id), \(bind: resident.gridCode), \(bind: resident.household), \(bind: resident.name),
                        \(bind: resident.idNumber.text), \(bind: resident.phone), \(bind: now.millis))
                    ON CONFLICT DO NOTHING
                    """).run()
            }
        }
    }

    static func insertResident(_ resident: Resident, at now: Date, in db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO residents (id, grid_code, household, name, id_number, phone, created_at)
            VALUES (\(bind: resident.id), \(bind: resident.gridCode), \(bind: resident.household), \(bind: resident.name),
                \(bind: resident.idNumber.text), \(bind: resident.phone), \(bind: now.millis))
            """).run()
    }

    /// Residents whose grid code starts with one of `regionPrefixes` (all when empty), by grid and household.
    public func residents(in regionPrefixes: [String], limit: Int = 500) async throws -> [Resident] {
        try await engine.read { db in
            let filter: SQLQueryString = regionPrefixes.isEmpty ? "" : "WHERE " + regionPrefixes.map { prefix -> SQLQueryString in
                "substr(grid_code, 1, \(unsafeRaw: String(prefix.count))) = \(bind: prefix)"
            }.joined(separator: " OR ")
            return try await db.raw("SELECT * FROM residents \(filter) ORDER BY grid_code, household, id LIMIT \(bind: limit)")
                .all().map(Store.decodeResident)
        }
    }

    /// One resident, without the visits and doses: what a scope check needs.
    public func resident(id: String) async throws -> Resident? {
        try await engine.read { db in try await Store.resident(id, in: db) }
    }

    /// The resident a dose was given to.
    public func resident(ofDose doseID: String) async throws -> Resident? {
        try await engine.read { db in
            try await db.raw("SELECT r.* FROM residents r JOIN doses d ON d.resident_id = r.id WHERE d.id = \(bind: doseID)")
                .first().map(Store.decodeResident)
        }
    }

    public func residentRecord(id: String) async throws -> ResidentRecord? {
        try await engine.read { db in
            guard let resident = try await Store.resident(id, in: db) else { return nil }
            let visits = try await db.raw("SELECT * FROM canvass_visits WHERE resident_id = \(bind: id) ORDER BY seq")
                .all().map(Store.decodeVisit)
            let appointments = try await db.raw("SELECT * FROM appointments WHERE resident_id = \(bind: id) ORDER BY booked_at, id")
                .all().map(Store.decodeAppointment)
            let doses = try await Store.doses(of: id, in: db)
            return ResidentRecord(resident: resident, visits: visits, appointments: appointments, doses: doses)
        }
    }

    /// Records a canvass visit to an existing resident.
    public func addCanvassVisit(_ visit: CanvassVisit) async throws {
        try await engine.write { db in
            try await db.takeTurns(on: "resident:\(visit.residentID)")
            guard try await Store.resident(visit.residentID, in: db) != nil else { throw Store.noSuchResident(visit.residentID) }
            try await db.raw("""
                INSERT INTO canvass_visits (resident_id, seq, result, note, visitor_id, visitor_name, visited_at)
                VALUES (\(bind: visit.residentID),
                    (SELECT COALESCE(MAX(seq), 0) + 1 FROM canvass_visits WHERE resident_id = \(bind: visit.residentID)),
                    \(bind: visit.result.rawValue), \(bind: visit.note), \(bind: visit.visitorID), \(bind: visit.visitorName),
                    \(bind: visit.visitedAt.millis))
                """).run()
        }
    }

    // MARK: - Sites

    public func addSite(_ site: VaccinationSite) async throws {
        try await engine.write { db in
            try await db.raw("""
                INSERT INTO vaccination_sites (id, name, kind, community_code, address, latitude, longitude, opens_at, closes_at,
                    slot_minutes, capacity_per_slot)
                VALUES (\(bind: site.id), \(bind: site.name), \(bind: site.kind.rawValue), \(bind: site.communityCode),
                    \(bind: site.address), \(bind: site.latitude), \(bind: site.longitude), \(bind: site.opensAt),
                    \(bind: site.closesAt), \(bind: site.slotMinutes), \(bind: site.capacityPerSlot))
                """).run()
        }
    }

    public func sites() async throws -> [VaccinationSite] {
        try await engine.read { db in
            try await db.raw("SELECT * FROM vaccination_sites ORDER BY kind, name, id").all().map(Store.decodeSite)
        }
    }

    public func site(id: String) async throws -> VaccinationSite? {
        try await engine.read { db in try await Store.site(id, in: db) }
    }

    /// Schedules mobile team `siteID` to work in `communityCode` on `day`, replacing that day's plan.
    public func scheduleRovingTeam(_ siteID: String, day: LocalDate, communityCode: String) async throws {
        try await engine.write { db in
            guard let site = try await Store.site(siteID, in: db) else { throw Store.noSuchSite(siteID) }
            guard site.kind == .mobile else {
                throw CampaignRefusal(.conflict, "not_mobile", "只有流动接种队可以排班到社区 (only a mobile team roves)")
            }
            try await db.raw("""
                INSERT INTO roving_schedule (site_id, day, community_code) VALUES (\(bind: siteID), \(bind: day.description), \(bind: communityCode))
                ON CONFLICT(site_id, day) DO UPDATE SET community_code = excluded.community_code
                """).run()
        }
    }

    /// Where mobile team `siteID` works, by day.
    public func rovingSchedule(_ siteID: String) async throws -> [(day: LocalDate, communityCode: String)] {
        try await engine.read { db in
            try await db.raw("SELECT * FROM roving_schedule WHERE site_id = \(bind: siteID) ORDER BY day").all().map { row in
                (day: try Store.localDate(row, "day", table: "roving_schedule", key: siteID),
                 communityCode: try row.decode(column: "community_code", as: String.self))
            }
        }
    }

    /// Seats taken (booked, attended or missed) per slot start of site `id` on `day`.
    public func bookedSlots(site id: String, day: LocalDate) async throws -> [Int: Int] {
        try await engine.read { db in
            var counts: [Int: Int] = [:]
            for row in try await db.raw("""
                SELECT slot_start, COUNT(*) AS n FROM appointments
                WHERE site_id = \(bind: id) AND day = \(bind: day.description) AND state IN ('booked', 'attended', 'noShow')
                GROUP BY slot_start
                """).all() {
                counts[try row.decode(column: "slot_start", as: Int.self)] = try row.decode(column: "n", as: Int.self)
            }
            return counts
        }
    }

    // MARK: - Appointments

    /// Books `draft` if `rule` finds nothing against it and its slot has a free seat. The
    /// count and the insert run in one write transaction, and SQLite runs write
    /// transactions one at a time, so concurrent bookings never overfill a slot.
    public func book(_ draft: Appointment, rule: @Sendable (BookingContext) -> CampaignRefusal?) async throws -> Appointment {
        try await engine.write { db in
            // The resident's one live booking and the slot's seats are counted, then written:
            // bookings of the same resident, and of the same slot, take turns.
            try await db.takeTurns(on: "resident:\(draft.residentID)")
            try await db.takeTurns(on: "slot:\(draft.siteID):\(draft.day):\(draft.slotStart)")
            guard let resident = try await Store.resident(draft.residentID, in: db) else { throw Store.noSuchResident(draft.residentID) }
            guard let site = try await Store.site(draft.siteID, in: db) else { throw Store.noSuchSite(draft.siteID) }
            guard let vaccine = try await db.raw("SELECT * FROM vaccines WHERE code = \(bind: draft.vaccineCode)").first().map(Store.decodeVaccine) else {
                throw CampaignRefusal(.invalid, "unknown_vaccine", "没有这种疫苗 (no such vaccine): \(draft.vaccineCode)")
            }
            guard site.slotStarts.contains(draft.slotStart) else {
                throw CampaignRefusal.invalid("invalid_slot", "该接种点没有这个时段 (the site has no such slot): \(VaccinationSite.clock(draft.slotStart))")
            }
            let previous = try await Store.doses(of: resident.id, in: db)
            if let refusal = rule(BookingContext(resident: resident, site: site, vaccine: vaccine, previousDoses: previous)) { throw refusal }
            if try await db.raw("SELECT id FROM appointments WHERE resident_id = \(bind: resident.id) AND state = 'booked'").first() != nil {
                throw CampaignRefusal(.conflict, "already_booked", "该居民已有未完成的预约，请先取消 (the resident already holds a booking)")
            }
            let taken = try await db.raw("""
                SELECT COUNT(*) AS n FROM appointments
                WHERE site_id = \(bind: site.id) AND day = \(bind: draft.day.description) AND slot_start = \(bind: draft.slotStart)
                    AND state IN ('booked', 'attended', 'noShow')
                """).first()?.decode(column: "n", as: Int.self) ?? 0
            guard taken < site.capacityPerSlot else {
                throw CampaignRefusal(.conflict, "slot_full", "该时段已约满 (the slot is full): \(draft.day) \(VaccinationSite.clock(draft.slotStart))")
            }
            var appointment = draft
            appointment.doseNumber = previous.count + 1
            appointment.state = .booked
            try await db.raw("""
                INSERT INTO appointments (id, resident_id, site_id, day, slot_start, vaccine_code, dose_number, state, booked_by, booked_at)
                VALUES (\(bind: appointment.id), \(bind: appointment.residentID), \(bind: appointment.siteID),
                    \(bind: appointment.day.description), \(bind: appointment.slotStart), \(bind: appointment.vaccineCode),
                    \(bind: appointment.doseNumber), 'booked', \(bind: appointment.bookedBy), \(bind: appointment.bookedAt.millis))
                """).run()
            return appointment
        }
    }

    /// Moves a booked appointment to `state` (cancelled or noShow) if `check` lets it.
    public func closeAppointment(
        id: String, as state: Appointment.State, check: @Sendable (Appointment, VaccinationSite) -> CampaignRefusal?
    ) async throws -> Appointment {
        try await engine.write { db in
            guard var appointment = try await db.raw("SELECT * FROM appointments WHERE id = \(bind: id)" + db.forUpdate).first().map(Store.decodeAppointment) else {
                throw CampaignRefusal(.notFound, "appointment_not_found", "没有这个预约 (no such appointment): \(id)")
            }
            guard appointment.state == .booked else {
                throw CampaignRefusal(.conflict, "wrong_state", "预约已是 \(appointment.state.rawValue)，不能再改 (the appointment is \(appointment.state.rawValue))")
            }
            guard let site = try await Store.site(appointment.siteID, in: db) else { throw Store.noSuchSite(appointment.siteID) }
            if let refusal = check(appointment, site) { throw refusal }
            try await db.raw("UPDATE appointments SET state = \(bind: state.rawValue) WHERE id = \(bind: id) AND state = 'booked'").run()
            appointment.state = state
            return appointment
        }
    }

    public func appointment(id: String) async throws -> Appointment? {
        try await engine.read { db in
            try await db.raw("SELECT * FROM appointments WHERE id = \(bind: id)").first().map(Store.decodeAppointment)
        }
    }

    // MARK: - Doses

    /// Records a dose for `draft.residentID`: its number follows the doses already given,
    /// `rule` checks the person, the interval and the course, and the appointment (if any,
    /// booked for this resident) becomes attended — all in one transaction.
    public func recordDose(
        _ draft: Dose, localDay: @Sendable (Date) -> LocalDate, rule: @Sendable (Resident, Vaccine, [Dose]) -> CampaignRefusal?
    ) async throws -> Dose {
        try await engine.write { db in
            // Doses of one resident take turns: each is numbered after the ones before it.
            try await db.takeTurns(on: "resident:\(draft.residentID)")
            guard let resident = try await Store.resident(draft.residentID, in: db) else { throw Store.noSuchResident(draft.residentID) }
            guard try await Store.site(draft.siteID, in: db) != nil else { throw Store.noSuchSite(draft.siteID) }
            guard let vaccine = try await db.raw("SELECT * FROM vaccines WHERE code = \(bind: draft.vaccineCode)").first().map(Store.decodeVaccine) else {
                throw CampaignRefusal(.invalid, "unknown_vaccine", "没有这种疫苗 (no such vaccine): \(draft.vaccineCode)")
            }
            if let appointmentID = draft.appointmentID {
                guard let appointment = try await db.raw("SELECT * FROM appointments WHERE id = \(bind: appointmentID)" + db.forUpdate).first().map(Store.decodeAppointment),
                      appointment.residentID == draft.residentID
                else { throw CampaignRefusal(.notFound, "appointment_not_found", "该居民没有这个预约 (no such appointment for the resident): \(appointmentID)") }
                guard appointment.state == .booked else {
                    throw CampaignRefusal(.conflict, "wrong_state", "预约已是 \(appointment.state.rawValue) (the appointment is \(appointment.state.rawValue))")
                }
            }
            let previous = try await Store.doses(of: draft.residentID, in: db)
            if let refusal = rule(resident, vaccine, previous) { throw refusal }
            var dose = draft
            dose.doseNumber = previous.count + 1
            try await db.raw("""
                INSERT INTO doses (id, resident_id, appointment_id, site_id, vaccine_code, lot, dose_number, given_at, given_day,
                    staff_id, staff_name, screening, adverse_reaction)
                VALUES (\(bind: dose.id), \(bind: dose.residentID), \(bind: dose.appointmentID), \(bind: dose.siteID),
                    \(bind: dose.vaccineCode), \(bind: dose.lot), \(bind: dose.doseNumber), \(bind: dose.givenAt.millis),
                    \(bind: localDay(dose.givenAt).description), \(bind: dose.staffID), \(bind: dose.staffName),
                    \(bind: Store.jsonText(dose.screening)), NULL)
                """).run()
            if let appointmentID = dose.appointmentID {
                try await db.raw("UPDATE appointments SET state = 'attended' WHERE id = \(bind: appointmentID)").run()
            }
            return dose
        }
    }

    /// Records an adverse reaction to dose `id`; nil when there is no such dose.
    public func recordReaction(toDose id: String, _ description: String) async throws -> Dose? {
        try await engine.write { db in
            try await db.raw("UPDATE doses SET adverse_reaction = \(bind: description) WHERE id = \(bind: id)").run()
            return try await db.raw("SELECT * FROM doses WHERE id = \(bind: id)").first().map(Store.decodeDose)
        }
    }

    // MARK: - Coverage

    /// Coverage per grid: the roster's population and the doses given up to and including
    /// `day` (every dose when nil). Grids with residents or doses only.
    public func gridCoverage(through day: LocalDate? = nil) async throws -> [Coverage] {
        try await engine.read { db in
            var byGrid: [String: Coverage] = [:]
            for row in try await db.raw("SELECT grid_code, COUNT(*) AS n FROM residents GROUP BY grid_code").all() {
                let code = try row.decode(column: "grid_code", as: String.self)
                byGrid[code] = Coverage(regionCode: code, population: try row.decode(column: "n", as: Int.self))
            }
            let until: SQLQueryString = day.map { "WHERE d.given_day <= \(bind: $0.description)" } ?? ""
            for row in try await db.raw("""
                SELECT r.grid_code, COUNT(*) AS doses,
                    SUM(CASE WHEN d.dose_number = 1 THEN 1 ELSE 0 END) AS first_dose,
                    SUM(CASE WHEN d.dose_number = 2 THEN 1 ELSE 0 END) AS second_dose
                FROM doses d JOIN residents r ON r.id = d.resident_id \(until)
                GROUP BY r.grid_code
                """).all() {
                let code = try row.decode(column: "grid_code", as: String.self)
                var coverage = byGrid[code] ?? Coverage(regionCode: code)
                coverage.doses = try row.decode(column: "doses", as: Int.self)
                coverage.firstDose = try row.decode(column: "first_dose", as: Int.self)
                coverage.secondDose = try row.decode(column: "second_dose", as: Int.self)
                byGrid[code] = coverage
            }
            return byGrid.values.sorted { $0.regionCode < $1.regionCode }
        }
    }

    /// Doses given per local day in regions whose grid codes start with `regionPrefix`.
    public func dosesPerDay(in regionPrefix: String = "") async throws -> [(day: LocalDate, doses: Int)] {
        try await engine.read { db in
            try await db.raw("""
                SELECT d.given_day, COUNT(*) AS n FROM doses d JOIN residents r ON r.id = d.resident_id
                WHERE substr(r.grid_code, 1, \(unsafeRaw: String(regionPrefix.count))) = \(bind: regionPrefix)
                GROUP BY d.given_day ORDER BY d.given_day
                """).all().map { row in
                (day: try Store.localDate(row, "given_day", table: "doses", key: "per-day"), doses: try row.decode(column: "n", as: Int.self))
            }
        }
    }

    // MARK: - Rows

    static func resident(_ id: String, in db: any SQLDatabase) async throws -> Resident? {
        try await db.raw("SELECT * FROM residents WHERE id = \(bind: id)").first().map(Store.decodeResident)
    }

    static func site(_ id: String, in db: any SQLDatabase) async throws -> VaccinationSite? {
        try await db.raw("SELECT * FROM vaccination_sites WHERE id = \(bind: id)").first().map(Store.decodeSite)
    }

    static func doses(of residentID: String, in db: any SQLDatabase) async throws -> [Dose] {
        try await db.raw("SELECT * FROM doses WHERE resident_id = \(bind: residentID) ORDER BY dose_number").all().map(Store.decodeDose)
    }

    static func noSuchResident(_ id: String) -> CampaignRefusal {
        CampaignRefusal(.notFound, "resident_not_found", "台账中没有这个居民 (no such resident): \(id)")
    }

    static func noSuchSite(_ id: String) -> CampaignRefusal {
        CampaignRefusal(.notFound, "site_not_found", "没有这个接种点 (no such site): \(id)")
    }

    static func decodeVaccine(_ row: any SQLRow) throws -> Vaccine {
        Vaccine(
            code: try row.decode(column: "code", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            doses: try row.decode(column: "doses", as: Int.self),
            minimumIntervalDays: try row.decode(column: "minimum_interval_days", as: Int.self)
        )
    }

    static func decodeResident(_ row: any SQLRow) throws -> Resident {
        let id = try row.decode(column: "id", as: String.self)
        let idNumber: ResidentIDNumber
        do {
            idNumber = try ResidentIDNumber(try row.decode(column: "id_number", as: String.self))
        } catch {
            throw StoreError.corruptRow(table: "residents", key: id, reason: "invalid ID number")
        }
        return Resident(
            id: id,
            gridCode: try row.decode(column: "grid_code", as: String.self),
            household: try row.decode(column: "household", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            idNumber: idNumber,
            phone: try row.decode(column: "phone", as: String?.self)
        )
    }

    static func decodeVisit(_ row: any SQLRow) throws -> CanvassVisit {
        let residentID = try row.decode(column: "resident_id", as: String.self)
        guard let result = CanvassVisit.Result(rawValue: try row.decode(column: "result", as: String.self)) else {
            throw StoreError.corruptRow(table: "canvass_visits", key: residentID, reason: "unknown result")
        }
        return CanvassVisit(
            residentID: residentID, result: result,
            note: try row.decode(column: "note", as: String.self),
            visitorID: try row.decode(column: "visitor_id", as: String.self),
            visitorName: try row.decode(column: "visitor_name", as: String.self),
            visitedAt: Date(millis: try row.decode(column: "visited_at", as: Int64.self))
        )
    }

    static func decodeSite(_ row: any SQLRow) throws -> VaccinationSite {
        let id = try row.decode(column: "id", as: String.self)
        guard let kind = VaccinationSite.Kind(rawValue: try row.decode(column: "kind", as: String.self)) else {
            throw StoreError.corruptRow(table: "vaccination_sites", key: id, reason: "unknown kind")
        }
        return VaccinationSite(
            id: id,
            name: try row.decode(column: "name", as: String.self),
            kind: kind,
            communityCode: try row.decode(column: "community_code", as: String.self),
            address: try row.decode(column: "address", as: String.self),
            latitude: try row.decode(column: "latitude", as: Double?.self),
            longitude: try row.decode(column: "longitude", as: Double?.self),
            opensAt: try row.decode(column: "opens_at", as: Int.self),
            closesAt: try row.decode(column: "closes_at", as: Int.self),
            slotMinutes: try row.decode(column: "slot_minutes", as: Int.self),
            capacityPerSlot: try row.decode(column: "capacity_per_slot", as: Int.self)
        )
    }

    static func decodeAppointment(_ row: any SQLRow) throws -> Appointment {
        let id = try row.decode(column: "id", as: String.self)
        guard let state = Appointment.State(rawValue: try row.decode(column: "state", as: String.self)) else {
            throw StoreError.corruptRow(table: "appointments", key: id, reason: "unknown state")
        }
        return Appointment(
            id: id,
            residentID: try row.decode(column: "resident_id", as: String.self),
            siteID: try row.decode(column: "site_id", as: String.self),
            day: try localDate(row, "day", table: "appointments", key: id),
            slotStart: try row.decode(column: "slot_start", as: Int.self),
            vaccineCode: try row.decode(column: "vaccine_code", as: String.self),
            doseNumber: try row.decode(column: "dose_number", as: Int.self),
            state: state,
            bookedBy: try row.decode(column: "booked_by", as: String.self),
            bookedAt: Date(millis: try row.decode(column: "booked_at", as: Int64.self))
        )
    }

    static func decodeDose(_ row: any SQLRow) throws -> Dose {
        let id = try row.decode(column: "id", as: String.self)
        return Dose(
            id: id,
            residentID: try row.decode(column: "resident_id", as: String.self),
            appointmentID: try row.decode(column: "appointment_id", as: String?.self),
            siteID: try row.decode(column: "site_id", as: String.self),
            vaccineCode: try row.decode(column: "vaccine_code", as: String.self),
            lot: try row.decode(column: "lot", as: String.self),
            doseNumber: try row.decode(column: "dose_number", as: Int.self),
            givenAt: Date(millis: try row.decode(column: "given_at", as: Int64.self)),
            staffID: try row.decode(column: "staff_id", as: String.self),
            staffName: try row.decode(column: "staff_name", as: String.self),
            screening: try decodeJSON([String: Bool].self, row, column: "screening", table: "doses", key: id),
            adverseReaction: try row.decode(column: "adverse_reaction", as: String?.self)
        )
    }
}
