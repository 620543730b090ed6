import Foundation
import Hummingbird
import Testing
import Xiuhua
import XiuhuaServer
import XiuhuaStore

/// The vaccination drive over HTTP against a real server on the demo district.
@Suite("Vaccination over HTTP")
struct VaccinationAPITests {
    /// Residents of 红旗里's first grid, born 1950–1989, put on the roster through the store.
    static func roster(_ api: DemoAPI, count: Int, grid: String = Demo.hongqiliGrid) async throws -> [Resident] {
        let residents = (0..<count).map { index in
            Resident(
                id: "rs-\(grid.suffix(6))-\(index)", gridCode: grid, household: "红旗街 \(index / 3 + 1) 号", name: "居民\(index)",
                idNumber: .synthetic(area: "140213", birth: LocalDate(year: 1950 + index % 40, month: 3, day: 1 + index % 28)!, sequence: index),
                phone: "1381234\(String(format: "%04d", index))"
            )
        }
        try await api.services.store.addResidents(residents, at: api.clock.now)
        return residents
    }

    static func site(_ api: DemoAPI, capacity: Int, kind: String = "fixed") async throws -> String {
        let response = try await api.post("/api/v1/vaccination/sites", as: "health", [
            "name": "红旗里社区卫生服务站", "kind": kind, "community_code": Demo.hongqili, "address": "红旗街 1 号",
            "opens_at": "08:00", "closes_at": "12:00", "slot_minutes": 30, "capacity_per_slot": capacity,
        ])
        try #require(response.status == .created, "\(response.text)")
        return try #require(response["site"]?["id"]?.stringValue)
    }

    static func booking(_ resident: String, site: String, day: String = "2026-12-01", slot: String = "09:00") -> [String: Any] {
        ["resident_id": resident, "site_id": site, "day": day, "slot": slot, "vaccine_code": "inactivated-vero"]
    }

    static let clearScreening: [String: Bool] = Dictionary(uniqueKeysWithValues: Screening.questions.map { ($0.key, false) })

    @Test("the last three seats of a slot, booked by twenty people at once over HTTP: three 201s, seventeen 409 slot_full, never overbooked")
    func lastSeatsUnderConcurrency() async throws {
        try await DemoServerFixture.withServer { api in
            let residents = try await Self.roster(api, count: 30)
            let site = try await Self.site(api, capacity: 10)
            for resident in residents.prefix(7) {
                let booked = try await api.post("/api/v1/vaccination/appointments", as: "gridworker", Self.booking(resident.id, site: site))
                try #require(booked.status == .created, "\(booked.text)")
            }
            let racers = residents.dropFirst(7).prefix(20)
            let responses = try await CaseConcurrencyTests.race(api, racers.map { resident in
                (username: "health", path: "/api/v1/vaccination/appointments", body: DemoAPI.jsonText(Self.booking(resident.id, site: site)))
            })
            #expect(responses.filter { $0.status == .created }.count == 3, "\(responses.map(\.text))")
            #expect(responses.filter { $0.status == .conflict && $0.error == "slot_full" }.count == 17)
            let slots = try await api.get("/api/v1/vaccination/sites/\(site)/slots?day=2026-12-01", as: "supervisor")
            let nine = slots["slots"]?.arrayValue?.first { $0["start"]?.stringValue == "09:00" }
            #expect(nine?["booked"]?.intValue == 10 && nine?["free"]?.intValue == 0, "\(slots.text)")

            // A cancellation frees exactly one seat.
            let cancelled = try await api.post("/api/v1/vaccination/appointments/\(try #require(responses.first { $0.status == .created }?["id"]?.stringValue))/cancel", as: "health", [:])
            #expect(cancelled["state"]?.stringValue == "cancelled", "\(cancelled.text)")
            let late = try await api.post("/api/v1/vaccination/appointments", as: "health", Self.booking(residents[29].id, site: site))
            #expect(late.status == .created, "\(late.text)")
            let full = try await api.post("/api/v1/vaccination/appointments", as: "health", Self.booking(residents[28].id, site: site))
            try full.expectError(.conflict, "slot_full")
        }
    }

    @Test("a dose after identity, consent and screening; observation ends 30 minutes later; the second dose waits 21 days")
    func doseAndInterval() async throws {
        try await DemoServerFixture.withServer { api in
            let resident = try await Self.roster(api, count: 1)[0]
            let site = try await Self.site(api, capacity: 5)
            let booked = try await api.post("/api/v1/vaccination/appointments", as: "gridworker", Self.booking(resident.id, site: site, day: "2026-11-30", slot: "09:00"))
            let appointment = try #require(booked["id"]?.stringValue, "\(booked.text)")
            var dose: [String: Any] = [
                "resident_id": resident.id, "appointment_id": appointment, "site_id": site, "vaccine_code": "inactivated-vero",
                "lot": "202611A", "identity_checked": true, "consent_signed": true, "screening": Self.clearScreening,
            ]
            let byGridWorker = try await api.post("/api/v1/vaccination/doses", as: "gridworker", dose)
            try byGridWorker.expectError(.forbidden, "forbidden_role")
            dose["consent_signed"] = false
            try await api.post("/api/v1/vaccination/doses", as: "health", dose).expectError(.badRequest, "consent_missing")
            dose["consent_signed"] = true
            var fever = Self.clearScreening
            fever["fever"] = true
            dose["screening"] = fever
            try await api.post("/api/v1/vaccination/doses", as: "health", dose).expectError(.conflict, "contraindicated")
            dose["screening"] = Self.clearScreening
            let given = try await api.post("/api/v1/vaccination/doses", as: "health", dose)
            #expect(given.status == .created, "\(given.text)")
            #expect(given["dose"]?["dose_number"]?.intValue == 1)
            #expect(given["dose"]?["given_at"]?.stringValue == "2026-11-30T09:00:00+08:00")
            #expect(given["observation_ends_at"]?.stringValue == "2026-11-30T09:30:00+08:00")
            let doseID = try #require(given["dose"]?["id"]?.stringValue)
            let reaction = try await api.post("/api/v1/vaccination/doses/\(doseID)/reaction", as: "health", ["description": "接种部位轻微红肿，留观后缓解"])
            #expect(reaction["dose"]?["adverse_reaction"]?.stringValue == "接种部位轻微红肿，留观后缓解")

            let tooSoon = try await api.post("/api/v1/vaccination/appointments", as: "gridworker", Self.booking(resident.id, site: site, day: "2026-12-20"))
            try tooSoon.expectError(.conflict, "interval_not_reached")
            #expect(tooSoon.text.contains("2026-12-21"))
            let due = try await api.post("/api/v1/vaccination/appointments", as: "gridworker", Self.booking(resident.id, site: site, day: "2026-12-21"))
            #expect(due.status == .created && due["dose_number"]?.intValue == 2, "\(due.text)")

            // The interval is configurable per vaccine.
            let longer = try await api.send(.put, "/api/v1/vaccination/vaccines/inactivated-vero", as: "admin", body: #"{"minimum_interval_days": 28}"#)
            #expect(longer["minimum_interval_days"]?.intValue == 28, "\(longer.text)")
            let dueID = try #require(due["id"]?.stringValue)
            _ = try await api.post("/api/v1/vaccination/appointments/\(dueID)/cancel", as: "gridworker", [:])
            let nowTooSoon = try await api.post("/api/v1/vaccination/appointments", as: "gridworker", Self.booking(resident.id, site: site, day: "2026-12-21"))
            try nowTooSoon.expectError(.conflict, "interval_not_reached")
        }
    }

    @Test("personal data: the health and grid roles read it, others read it masked, anonymous callers nothing")
    func personalData() async throws {
        try await DemoServerFixture.withServer { api in
            let registered = try await api.post("/api/v1/vaccination/residents", as: "gridworker", [
                "grid_code": Demo.hongqiliGrid, "household": "红旗街 12 号 3 单元 201", "name": "王建明",
                "id_number": "11010519491231002X", "birth_date": "1949-12-31", "phone": "13812345678",
            ])
            #expect(registered.status == .created, "\(registered.text)")
            let id = try #require(registered["id"]?.stringValue)
            for username in ["health", "gridworker"] {
                let view = try await api.get("/api/v1/vaccination/residents/\(id)", as: username)
                #expect(view["resident"]?["name"]?.stringValue == "王建明")
                #expect(view["resident"]?["id_number"]?.stringValue == "11010519491231002X")
                #expect(view["age"]?.intValue == 76 && view["eligible"]?.boolValue == true)
            }
            for username in ["supervisor", "admin", "dispatcher", "yongtai"] {
                let view = try await api.get("/api/v1/vaccination/residents/\(id)", as: username)
                #expect(view.status == .ok)
                for secret in ["王建明", "11010519491231002X", "13812345678", "1949-12-31"] {
                    #expect(!view.text.contains(secret), "\(username) sees \(secret)")
                }
                let list = try await api.get("/api/v1/vaccination/residents?region=\(Demo.hongqili)", as: username)
                #expect(!list.text.contains("王建明") && list.text.contains("110105********002X"), "\(list.text)")
            }
            try await api.get("/api/v1/vaccination/residents/\(id)", as: nil).expectError(.unauthorized, "unauthenticated")

            let outside = try await api.post("/api/v1/vaccination/residents", as: "gridworker", [
                "grid_code": Demo.wenyinghuGrid, "household": "1 号", "name": "李四", "id_number": ResidentIDNumber.synthetic(area: "140213", birth: LocalDate(year: 1970, month: 1, day: 1)!, sequence: 1).text,
            ])
            try outside.expectError(.forbidden, "out_of_scope")
            let badChecksum = try await api.post("/api/v1/vaccination/residents", as: "health", [
                "grid_code": Demo.hongqiliGrid, "household": "1 号", "name": "李四", "id_number": "110105194912310021",
            ])
            try badChecksum.expectError(.badRequest, "invalid_id_number")
            let mismatch = try await api.post("/api/v1/vaccination/residents", as: "health", [
                "grid_code": Demo.hongqiliGrid, "household": "1 号", "name": "李四", "id_number": "11010519491231002X", "birth_date": "1950-01-01",
            ])
            try mismatch.expectError(.badRequest, "birth_date_mismatch")
            let duplicate = try await api.post("/api/v1/vaccination/residents", as: "health", [
                "grid_code": Demo.hongqiliGrid, "household": "1 号", "name": "王建明", "id_number": "11010519491231002X",
            ])
            try duplicate.expectError(.conflict, "duplicate_id_number")
            let bySupervisor = try await api.post("/api/v1/vaccination/residents/\(id)/visits", as: "supervisor", ["result": "refused"])
            try bySupervisor.expectError(.forbidden, "forbidden_role")
            let visit = try await api.post("/api/v1/vaccination/residents/\(id)/visits", as: "gridworker", ["result": "away", "note": "在外地务工"])
            #expect(visit.status == .created && visit["result"]?.stringValue == "away", "\(visit.text)")
            let badResult = try await api.post("/api/v1/vaccination/residents/\(id)/visits", as: "gridworker", ["result": "maybe"])
            try badResult.expectError(.badRequest, "invalid_body")
        }
    }

    @Test("eligibility: under 18 cannot book until the age limit is lowered")
    func eligibility() async throws {
        try await DemoServerFixture.withServer { api in
            let young = Resident(
                id: "rs-young", gridCode: Demo.hongqiliGrid, household: "红旗街 3 号", name: "少年",
                idNumber: .synthetic(area: "140213", birth: LocalDate(year: 2012, month: 5, day: 1)!, sequence: 3)
            )
            try await api.services.store.addResident(young, at: api.clock.now)
            let site = try await Self.site(api, capacity: 5)
            try await api.post("/api/v1/vaccination/appointments", as: "health", Self.booking(young.id, site: site)).expectError(.conflict, "not_eligible")
            try await api.post("/api/v1/vaccination/doses", as: "health", [
                "resident_id": young.id, "site_id": site, "vaccine_code": "inactivated-vero", "lot": "202611A",
                "identity_checked": true, "consent_signed": true, "screening": Self.clearScreening,
            ]).expectError(.conflict, "not_eligible")
            try await api.send(.put, "/api/v1/vaccination/eligibility", as: "gridworker", body: #"{"minimum_age": 12}"#).expectError(.forbidden, "forbidden_role")
            let lowered = try await api.send(.put, "/api/v1/vaccination/eligibility", as: "health", body: #"{"minimum_age": 12}"#)
            #expect(lowered["minimum_age"]?.intValue == 12)
            #expect(try await api.post("/api/v1/vaccination/appointments", as: "health", Self.booking(young.id, site: site)).status == .created)
        }
    }

    @Test("no-shows only after the slot; coverage and the daily report count doses per 100 people")
    func noShowAndCoverage() async throws {
        try await DemoServerFixture.withServer { api in
            let residents = try await Self.roster(api, count: 4)
            let site = try await Self.site(api, capacity: 5)
            let booked = try await api.post("/api/v1/vaccination/appointments", as: "health", Self.booking(residents[0].id, site: site, day: "2026-11-30", slot: "10:00"))
            let id = try #require(booked["id"]?.stringValue, "\(booked.text)")
            try await api.post("/api/v1/vaccination/appointments/\(id)/no-show", as: "health", [:]).expectError(.conflict, "slot_not_over")
            api.clock.set("2026-11-30T10:31:00+08:00")
            #expect(try await api.post("/api/v1/vaccination/appointments/\(id)/no-show", as: "health", [:])["state"]?.stringValue == "noShow")

            for resident in residents.prefix(3) {
                let given = try await api.post("/api/v1/vaccination/doses", as: "health", [
                    "resident_id": resident.id, "site_id": site, "vaccine_code": "inactivated-vero", "lot": "202611A",
                    "identity_checked": true, "consent_signed": true, "screening": Self.clearScreening,
                ])
                #expect(given.status == .created, "\(given.text)")
            }
            let coverage = try await api.get("/api/v1/vaccination/coverage?level=community&day=2026-11-30", as: "supervisor")
            let row = coverage["rows"]?.arrayValue?.first { $0["code"]?.stringValue == Demo.hongqili }
            #expect(row?["population"]?.intValue == 4 && row?["doses"]?.intValue == 3 && row?["first_dose"]?.intValue == 3, "\(coverage.text)")
            #expect(row?["doses_per100"]?.numberValue == 75)
            #expect(coverage["total"]?["doses"]?.intValue == 3)
            let before = try await api.get("/api/v1/vaccination/coverage?level=district&day=2026-11-29", as: "supervisor")
            #expect(before["total"]?["doses"]?.intValue == 0)
            try await api.get("/api/v1/vaccination/coverage?level=planet", as: "supervisor").expectError(.badRequest, "invalid_level")

            let page = try await api.get("/vaccination/report?day=2026-11-30&level=community", as: "supervisor")
            #expect(page.status == .ok && page.contentType?.hasPrefix("text/html") == true)
            #expect(page.text.contains("疫苗接种进度日报") && page.text.contains("红旗里") && page.text.contains("75.00"), "\(page.text)")
            #expect(page.text.contains("<svg class=\"coverage-map\"") && page.text.contains("fill=\"#fcc5c0\""), "the 75-per-100 grid is drawn in its colour")
            let english = try await api.get("/vaccination/report?day=2026-11-30&level=community&lang=en", as: "supervisor")
            #expect(english.text.contains("Vaccination daily report") && english.text.contains("Doses per 100 people"))
        }
    }

    @Test("the demo drive seeds once, quickly, and fills the report, its map and the campaign list")
    func demoSeeding() async throws {
        try await DemoServerFixture.withServer { api in
            let clock = ContinuousClock()
            let started = clock.now
            #expect(try await VaccinationDemo.seedIfNeeded(api.services.store, calendar: .chinaDefault, now: api.clock.now))
            let took = clock.now - started
            #expect(took < .seconds(10), "seeding took \(took)")
            #expect(try await VaccinationDemo.seedIfNeeded(api.services.store, calendar: .chinaDefault, now: api.clock.now) == false)

            let coverage = try await api.get("/api/v1/vaccination/coverage?level=street", as: "supervisor")
            let yongtai = coverage["rows"]?.arrayValue?.first { $0["code"]?.stringValue == Demo.yongtai }
            #expect(yongtai?["population"]?.intValue == 108, "\(coverage.text)")
            #expect((yongtai?["doses"]?.intValue ?? 0) > 50)
            #expect((yongtai?["second_dose"]?.intValue ?? 0) > 0)
            let page = try await api.get("/vaccination/report?level=grid", as: "supervisor")
            #expect(page.text.components(separatedBy: "<path ").count - 1 == 9, "nine grids on the map")
            let campaigns = try await api.get("/api/v1/campaigns?kind=vaccination&state=running", as: "supervisor")
            #expect(campaigns["items"]?.arrayValue?.count == 1)
            let residents = try await api.get("/api/v1/vaccination/residents?region=\(Demo.yongtai)", as: "health")
            #expect(residents["items"]?.arrayValue?.count == 108)
        }
    }

    @Test("supervision groups: formed by a supervisor, inspections by members of assigned sites only, scored against the checklist")
    func supervision() async throws {
        try await DemoServerFixture.withServer { api in
            let site = try await Self.site(api, capacity: 5)
            let other = try await Self.site(api, capacity: 5, kind: "cabin")
            try await api.post("/api/v1/vaccination/supervision-groups", as: "health", ["name": "第一督导组", "members": ["supervisor"], "site_ids": [site]])
                .expectError(.forbidden, "forbidden_role")
            try await api.post("/api/v1/vaccination/supervision-groups", as: "supervisor", ["name": "第一督导组", "members": ["nobody"], "site_ids": [site]])
                .expectError(.badRequest, "unknown_member")
            try await api.post("/api/v1/vaccination/supervision-groups", as: "supervisor", ["name": "第一督导组", "members": ["supervisor"], "site_ids": ["vs-none"]])
                .expectError(.notFound, "site_not_found")
            let created = try await api.post("/api/v1/vaccination/supervision-groups", as: "supervisor", [
                "name": "第一督导组", "members": ["supervisor", "admin"], "site_ids": [site],
            ])
            #expect(created.status == .created, "\(created.text)")
            let group = try #require(created["group"]?["id"]?.stringValue)

            var answers: [String: Bool] = Dictionary(uniqueKeysWithValues: SiteChecklist.items.map { ($0.key, true) })
            answers["cold_chain_logged"] = false
            let path = "/api/v1/vaccination/supervision-groups/\(group)/inspections"
            try await api.post(path, as: "dispatcher", ["site_id": site, "answers": answers]).expectError(.forbidden, "not_member")
            try await api.post(path, as: "supervisor", ["site_id": other, "answers": answers]).expectError(.conflict, "site_not_assigned")
            try await api.post(path, as: "supervisor", ["site_id": site, "answers": ["identity_checked": true]]).expectError(.badRequest, "checklist_incomplete")
            let inspected = try await api.post(path, as: "supervisor", ["site_id": site, "answers": answers, "note": "冷链记录缺 11 月 29 日"])
            #expect(inspected.status == .created, "\(inspected.text)")
            #expect(inspected["score"]?.intValue == 88)
            #expect(inspected["findings"]?.arrayValue?.compactMap(\.stringValue) == ["cold_chain_logged"])
            let read = try await api.get("/api/v1/vaccination/supervision-groups/\(group)", as: "health")
            #expect(read["inspections"]?.arrayValue?.count == 1)
            #expect(read["group"]?["member_ids"]?.arrayValue?.count == 2, "\(read.text)")
        }
    }
}
