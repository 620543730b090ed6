import Testing
import Xiuhua

@Suite("Catalog TSV parsing")
struct CatalogTSVTests {
    static let header = "kind\tcode\tbig_class\tname\tlimit\turgency\tcommand\towner\tfiling\tclosing\tlegacy\tlocal"

    static func row(
        kind: String = "事项", code: String = "06010", bigClass: String = "市容环境类", name: String = "暴露垃圾",
        limit: String = "4h", urgency: String = "一般", command: String = "shirong", owner: String = "dept:huanwei",
        legacy: String = "01-10", local: String = "0"
    ) -> String {
        [kind, code, bigClass, name, limit, urgency, command, owner, "有散落垃圾", "已清理", legacy, local]
            .joined(separator: "\t")
    }

    static func text(_ rows: String...) -> String {
        ([header] + rows).joined(separator: "\n")
    }

    func parseError(_ text: String) -> CatalogError? {
        do {
            _ = try Catalog(parsingTSV: text)
            return nil
        } catch {
            return error
        }
    }

    @Test("a well-formed text becomes categories, skipping blank and comment lines")
    func parsesRows() throws {
        let text = "# local catalog\n" + Self.text(
            "", Self.row(), Self.row(kind: "部件", code: "01001", bigClass: "市政公用设施", name: "供水井盖",
                                   limit: "120m", urgency: "紧急", owner: "dept:gongshui", legacy: ""))
        let catalog = try Catalog(parsingTSV: text)
        #expect(catalog.count == 2)
        #expect(catalog.component(code: "01001")?.disposalLimit == .minutes(120))
        #expect(catalog.component(code: "01001")?.urgency == .urgent)
        #expect(catalog.matter(code: "06010")?.owner == .department("huanwei"))
        #expect(catalog.resolve(code: "01-10")?.name == "暴露垃圾")
    }

    @Test("Windows line endings parse like Unix ones")
    func crlf() throws {
        let catalog = try Catalog(parsingTSV: Self.text(Self.row(owner: "street")).replacingOccurrences(of: "\n", with: "\r\n") + "\r\n")
        #expect(catalog.matter(code: "06010")?.owner == .street)
    }

    @Test("a bad value is refused with its line and column")
    func badValue() {
        let error = parseError(Self.text(Self.row(), Self.row(code: "06011", limit: "4x", legacy: "")))
        #expect(error?.line == 3)
        #expect(error?.column == "limit")
        #expect(error?.description == "line 3, column limit: \"4x\" is not a time limit like 120m, 2nh, 4h or 2d")
    }

    @Test("bad kind, code, urgency and owner name their columns", arguments: [
        (CatalogTSVTests.row(kind: "事件"), "kind"),
        (CatalogTSVTests.row(code: "6010"), "code"),
        (CatalogTSVTests.row(urgency: "急"), "urgency"),
        (CatalogTSVTests.row(owner: "huanwei"), "owner"),
        (CatalogTSVTests.row(command: "市容"), "command"),
        (CatalogTSVTests.row(legacy: "0110"), "legacy"),
        (CatalogTSVTests.row(local: "yes"), "local"),
        (CatalogTSVTests.row(name: " "), "name"),
    ])
    func badColumns(row: String, column: String) {
        let error = parseError(Self.text(row))
        #expect(error?.line == 2)
        #expect(error?.column == column)
    }

    @Test("a line with a missing field is refused with its line")
    func wrongFieldCount() {
        let error = parseError(Self.text(Self.row(), "事项\t06011\t市容环境类"))
        #expect(error == CatalogError(line: 3, problem: .wrongFieldCount(expected: 12, found: 3)))
    }

    @Test("a header with a wrong column is refused naming that column")
    func badHeader() {
        let error = parseError(Self.header.replacingOccurrences(of: "limit", with: "deadline") + "\n" + Self.row())
        #expect(error?.line == 1)
        #expect(error?.column == "limit")
    }

    @Test("an empty text has no header")
    func emptyText() {
        #expect(parseError("")?.problem == .missingHeader)
    }

    @Test("a repeated kind and code is refused at the second line")
    func duplicateCode() {
        let error = parseError(Self.text(Self.row(), Self.row(name: "又一个", legacy: "")))
        #expect(error == CatalogError(line: 3, column: "code", problem: .duplicateCategory(.matter, "06010")))
    }

    @Test("a big class code used with two names is refused")
    func conflictingBigClass() {
        let error = parseError(Self.text(Self.row(), Self.row(code: "06011", bigClass: "市容类", legacy: "")))
        #expect(error?.line == 3)
        #expect(error?.column == "big_class")
    }

    @Test("a legacy code on a 部件 is refused")
    func legacyOnComponent() {
        let error = parseError(Self.text(Self.row(kind: "部件")))
        #expect(error?.column == "legacy")
    }
}
