import Testing
import Xiuhua

@Suite("Account rules: the password rule and the scope a role needs")
struct AccountRulesTests {
    @Test("the demo's published password meets the rule for every demo account")
    func demoPassword() {
        for entry in DemoAccounts.entries {
            #expect(PasswordRule.problem(DemoAccounts.password, username: entry.username) == nil, "\(entry.username)")
        }
    }

    @Test(
        "a password that is short, long, without a digit, without a letter or the username itself is refused, naming the rule",
        arguments: ["abc123", "abcdefgh", "12345678", "zhangsan1", String(repeating: "a1", count: 33), String(repeating: "密码", count: 13) + "a1"]
    )
    func weak(password: String) {
        let problem = PasswordRule.problem(password, username: "ZhangSan1")
        #expect(problem == PasswordRule.statement)
        #expect(problem?.hasPrefix("密码须为 8–64 个字符") == true, "Chinese first")
        #expect(problem?.contains("(a password needs 8–64 characters") == true)
    }

    @Test("passwords of 8 and 64 characters with a letter and a digit pass; Chinese letters count as letters")
    func strong() {
        #expect(PasswordRule.problem("abcdefg1", username: "u") == nil)
        #expect(PasswordRule.problem(String(repeating: "a", count: 63) + "1", username: "u") == nil)
        #expect(PasswordRule.problem("绣花功夫2026", username: "u") == nil)
    }

    static func tree() throws -> RegionTree {
        let district = Region(code: "140213", name: "平城区", level: .district, parentCode: nil)
        let street = Region(code: "140213003", name: "永泰街道", level: .street, parentCode: "140213")
        let community = Region(code: "140213003001", name: "红旗里社区", level: .community, parentCode: "140213003")
        let grid = Region(code: "140213003001001", name: "网格1", level: .grid, parentCode: "140213003001")
        return try RegionTree([district, street, community, grid])
    }

    func account(_ role: Role, department: String? = nil, streets: [String] = [], grids: [String] = []) -> Account {
        Account(id: "a", username: "u", name: "n", role: role, departmentCode: department, streetCodes: streets, gridCodes: grids, passwordHash: "")
    }

    @Test("a grid worker needs grids, a street officer streets, a department handler a department")
    func scopeRequired() throws {
        let tree = try Self.tree()
        let departments: Set<String> = ["huanwei"]
        #expect(AccountScope.problem(of: account(.gridWorker), regions: tree, departments: departments)?.contains("--grids") == true)
        #expect(AccountScope.problem(of: account(.streetOfficer), regions: tree, departments: departments)?.contains("--streets") == true)
        #expect(AccountScope.problem(of: account(.departmentHandler), regions: tree, departments: departments)?.contains("--department") == true)
        #expect(AccountScope.problem(of: account(.departmentHandler, department: ""), regions: nil, departments: nil) != nil)
        #expect(AccountScope.problem(of: account(.dispatcher), regions: tree, departments: departments) == nil, "an unscoped role needs nothing")
    }

    @Test("scope codes must name a grid, a street and a department of the district; a street is not a grid")
    func scopeCodes() throws {
        let tree = try Self.tree()
        let departments: Set<String> = ["huanwei"]
        #expect(AccountScope.problem(of: account(.gridWorker, grids: ["140213003001001"]), regions: tree, departments: departments) == nil)
        #expect(AccountScope.problem(of: account(.gridWorker, grids: ["140213003"]), regions: tree, departments: departments)
            == "没有这个网格 (no such grid): 140213003")
        #expect(AccountScope.problem(of: account(.streetOfficer, streets: ["140213003"]), regions: tree, departments: departments) == nil)
        #expect(AccountScope.problem(of: account(.streetOfficer, streets: ["140213999"]), regions: tree, departments: departments) != nil)
        #expect(AccountScope.problem(of: account(.departmentHandler, department: "huanwei"), regions: tree, departments: departments) == nil)
        #expect(AccountScope.problem(of: account(.departmentHandler, department: "nosuch"), regions: tree, departments: departments)
            == "没有这个部门 (no such department): nosuch")
        #expect(AccountScope.problem(of: account(.gridWorker, grids: ["anything"]), regions: nil, departments: nil) == nil, "no district imported: codes unchecked")
    }

    @Test("usernames: letters, digits, dot, dash, underscore, 1–64 characters")
    func usernames() {
        #expect(UsernameRule.problem("wang.li-2_x") == nil)
        #expect(UsernameRule.problem("") != nil)
        #expect(UsernameRule.problem("王丽") != nil)
        #expect(UsernameRule.problem("a b") != nil)
        #expect(UsernameRule.problem(String(repeating: "a", count: 65)) != nil)
    }
}
