import Testing
import Xiuhua

@Suite("Access policy: territories by role and register")
struct AccessPolicyTests {
    static func actor(_ role: Role, streets: [String] = [], grids: [String] = [], department: String? = nil) -> Actor {
        Actor(id: "a", name: "某人", role: role, departmentCode: department, streetCodes: streets, gridCodes: grids)
    }

    @Test("a scoped role without its list gets nothing, never the district", arguments: AccessPolicy.Register.allCases)
    func emptyScopeIsNothing(register: AccessPolicy.Register) {
        #expect(AccessPolicy.territory(of: Self.actor(.gridWorker), in: register) == .nothing)
        #expect(AccessPolicy.territory(of: Self.actor(.streetOfficer), in: register) == .nothing)
        #expect(AccessPolicy.territory(of: Self.actor(.departmentHandler), in: register) == .nothing)
        #expect(AccessPolicy.territory(of: Self.actor(.citizen), in: register) == .nothing)
    }

    @Test("the roster is closed to departments and client systems; shops to health workers")
    func registersByRole() {
        let department = Self.actor(.departmentHandler, department: "huanwei")
        #expect(AccessPolicy.territory(of: department, in: .residents) == .nothing)
        #expect(AccessPolicy.territory(of: department, in: .shops) == .district)
        #expect(AccessPolicy.territory(of: Self.actor(.system), in: .residents) == .nothing)
        #expect(AccessPolicy.territory(of: Self.actor(.healthWorker), in: .residents) == .district)
        #expect(AccessPolicy.territory(of: Self.actor(.healthWorker), in: .shops) == .nothing)
        #expect(AccessPolicy.territory(of: Self.actor(.gridWorker, grids: ["G1"]), in: .shops) == .grids(["G1"]))
        #expect(AccessPolicy.territory(of: Self.actor(.streetOfficer, streets: ["S1"]), in: .residents) == .streets(["S1"]))
    }

    @Test("a territory holds a place by grid or by street, and a thing without a grid is outside every grid territory")
    func contains() {
        #expect(Territory.grids(["G1"]).contains(gridCode: "G1", streetCode: "S1"))
        #expect(!Territory.grids(["G1"]).contains(gridCode: "G2", streetCode: "S1"))
        #expect(!Territory.grids(["G1"]).contains(gridCode: nil, streetCode: "S1"))
        #expect(Territory.streets(["S1"]).contains(gridCode: "G9", streetCode: "S1"))
        #expect(!Territory.streets(["S1"]).contains(gridCode: "G1", streetCode: nil))
        #expect(!Territory.nothing.contains(gridCode: "G1", streetCode: "S1"))
        #expect(Territory.district.contains(gridCode: nil, streetCode: nil))
    }

    @Test("health data for health workers and the resident's own grid worker only")
    func healthData() throws {
        let resident = Resident(
            id: "r", gridCode: "G1", household: "1 号", name: "居民",
            idNumber: .synthetic(area: "140213", birth: try #require(LocalDate(year: 1960, month: 1, day: 1)), sequence: 1), phone: nil
        )
        #expect(AccessPolicy.seesHealthData(of: resident, Self.actor(.healthWorker)))
        #expect(AccessPolicy.seesHealthData(of: resident, Self.actor(.gridWorker, grids: ["G1"])))
        #expect(!AccessPolicy.seesHealthData(of: resident, Self.actor(.gridWorker, grids: ["G2"])))
        #expect(!AccessPolicy.seesHealthData(of: resident, Self.actor(.admin)))
        #expect(!AccessPolicy.seesHealthData(of: resident, Self.actor(.streetOfficer, streets: ["S1"])))
    }
}
