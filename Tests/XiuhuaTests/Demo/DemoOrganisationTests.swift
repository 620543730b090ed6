import Testing
import Xiuhua

@Suite("Demo organisation")
struct DemoOrganisationTests {
    let organisation = DemoDistrict.organisation

    @Test("there are 7 sub-commands with distinct codes, names and hotlines")
    func commands() {
        #expect(organisation.commands.count == 7)
        #expect(Set(organisation.commands.map(\.code)).count == 7)
        #expect(Set(organisation.commands.map(\.name)).count == 7)
        #expect(Set(organisation.commands.map(\.hotline)).count == 7)
        #expect(organisation.commands.allSatisfy { $0.name.hasSuffix("分指挥部") && !$0.hotline.isEmpty })
    }

    @Test("there are 20 departments with distinct codes and names")
    func departments() {
        #expect(organisation.departments.count == 20)
        #expect(Set(organisation.departments.map(\.code)).count == 20)
        #expect(Set(organisation.departments.map(\.name)).count == 20)
    }

    @Test("every owner department and sub-command the national catalog names exists in the demo")
    func catalogReferencesResolve() {
        var departmentsUsed = Set<String>()
        var commandsUsed = Set<String>()
        for category in Catalog.national.categories {
            commandsUsed.insert(category.commandCode)
            if case .department(let code) = category.owner { departmentsUsed.insert(code) }
        }
        #expect(!departmentsUsed.isEmpty && !commandsUsed.isEmpty)
        for code in departmentsUsed.sorted() {
            #expect(organisation.department(code) != nil, "catalog owner dept:\(code) is not a demo department")
        }
        for code in commandsUsed.sorted() {
            #expect(organisation.command(code) != nil, "catalog sub-command \(code) is not a demo command")
        }
    }

    @Test("lookups of unknown codes give nil")
    func unknownCodes() {
        #expect(organisation.department("nosuch") == nil)
        #expect(organisation.command("huanwei") == nil, "a department code is not a command code")
    }
}
