import Testing
import Xiuhua

@Suite("Catalog lookup and search")
struct CatalogLookupTests {
    let catalog = Catalog.national

    @Test("resolve accepts a current 事项 code or a legacy code written 04-06")
    func resolve() {
        #expect(catalog.resolve(code: "04-06")?.code == "09006")
        #expect(catalog.resolve(code: "04-06")?.name == "占道经营")
        #expect(catalog.resolve(code: " 09006 ")?.name == "占道经营")
        #expect(catalog.resolve(code: "01-10")?.code == "06010")
        #expect(catalog.resolve(code: "01001")?.kind == .matter)
        #expect(catalog.resolve(code: "99-99") == nil)
        #expect(catalog.resolve(code: "0406") == nil)
    }

    @Test("filter by text finds names containing it")
    func filterByName() {
        let names = catalog.filter(text: "占道").map(\.name)
        #expect(names.contains("占道经营"))
        #expect(names.contains("施工占道"))
        #expect(names.allSatisfy { $0.contains("占道") })
    }

    @Test("filter by text matches a code prefix")
    func filterByCodePrefix() {
        let found = catalog.filter(kind: .matter, text: "0900")
        #expect(found.map(\.code) == ["09001", "09002", "09003", "09004", "09005", "09006", "09008", "09009"])
    }

    @Test("filter by text ignores case")
    func filterIgnoresCase() {
        #expect(catalog.filter(kind: .component, text: "sos").map(\.code) == ["01066"])
    }

    @Test("filter by kind and big class narrows to that class")
    func filterByBigClass() {
        let streetOrder = catalog.filter(kind: .matter, bigClass: "09")
        #expect(streetOrder.count == 21)
        #expect(streetOrder.allSatisfy { $0.bigClass == "街面秩序类" })
        #expect(catalog.filter(kind: .component, bigClass: "04").count == 14)
    }

    @Test("big classes list five 部件 classes and ten 事项 classes in code order")
    func bigClasses() {
        let classes = catalog.bigClasses
        #expect(classes.filter { $0.kind == .component }.map(\.code) == ["01", "02", "03", "04", "05"])
        #expect(classes.filter { $0.kind == .matter }.map(\.code) == ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10"])
        #expect(classes.contains(BigClass(kind: .matter, code: "06", name: "市容环境类")))
    }
}
