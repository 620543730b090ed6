import Testing
import Xiuhua

@Suite("Catalog overrides")
struct CatalogOverridesTests {
    let catalog = Catalog.national

    func overrideError(_ text: String) -> CatalogError? {
        do {
            _ = try catalog.applying(overridesText: text)
            return nil
        } catch {
            return error
        }
    }

    @Test("an override line changes limit, urgency, owner and sub-command of a 事项")
    func changesMatter() throws {
        let changed = try catalog.applying(overridesText: """
            # 本区暴露垃圾从严
            06010 limit=2h urgency=紧急 owner=street command=dudao
            """)
        let rubbish = try #require(changed.matter(code: "06010"))
        #expect(rubbish.disposalLimit == .workingHours(2))
        #expect(rubbish.urgency == .urgent)
        #expect(rubbish.owner == .street)
        #expect(rubbish.commandCode == "dudao")
        #expect(rubbish.filingCondition == catalog.matter(code: "06010")?.filingCondition)
        #expect(changed.count == catalog.count)
    }

    @Test("a 部件 is targeted as 部件:code and leaves the 事项 of the same code alone")
    func changesComponent() throws {
        let changed = try catalog.applying(overridesText: "部件:01037 owner=dept:gongdian limit=2nh")
        #expect(changed.component(code: "01037")?.owner == .department("gongdian"))
        #expect(changed.component(code: "01037")?.disposalLimit == .hours(2))
        #expect(changed.matter(code: "01037")?.owner == .department("shizheng"))
    }

    @Test("quoted values keep their spaces")
    func quotedValue() throws {
        let changed = try catalog.applying(overridesText: #"06012 filing="路面积水 深度超过 5 厘米""#)
        #expect(changed.matter(code: "06012")?.filingCondition == "路面积水 深度超过 5 厘米")
    }

    @Test("an add line creates a local extension in its big class, and later lines may change it")
    func addsLocalExtension() throws {
        let changed = try catalog.applying(overridesText: """
            add 事项 06902 name=夜间施工噪声 limit=4h owner=dept:zhujian command=shengtai filing=夜间施工噪声扰民 closing=已停止夜间施工
            06902 urgency=紧急 limit=60m
            """)
        let added = try #require(changed.matter(code: "06902"))
        #expect(added.isLocalExtension)
        #expect(added.bigClass == "市容环境类")
        #expect(added.disposalLimit == .minutes(60))
        #expect(added.urgency == .urgent)
        #expect(changed.filter(kind: .matter, text: "夜间").map(\.code) == ["06902"])
        #expect(changed.count == catalog.count + 1)
    }

    @Test("an add line for a new big class needs its name")
    func addsNewBigClass() throws {
        let line = "add 事项 11001 name=无人机违规飞行 limit=2h owner=dept:gongan command=shirong filing=违规飞行 closing=已制止"
        #expect(overrideError(line) == CatalogError(line: 1, column: "class", problem: .missingField("class")))
        let changed = try catalog.applying(overridesText: line + " class=其他扩展类")
        #expect(changed.bigClasses.last == BigClass(kind: .matter, code: "11", name: "其他扩展类"))
    }

    @Test("bad override lines are refused naming the line", arguments: [
        ("06010 limit=4h\n99999 limit=4h", 2, nil as String?, CatalogError.Problem.unknownCategory("99999")),
        ("\n06010 limit=4x", 2, "limit", .invalidValue("4x", expected: "a time limit like 120m, 2nh, 4h or 2d")),
        ("06010 deadline=4h", 1, "deadline", .unknownField("deadline")),
        ("06010 name=垃圾", 1, "name", .fieldOnlyForAdd("name")),
        ("06010 limit=4h limit=2h", 1, "limit", .repeatedField("limit")),
        ("06010", 1, nil, .nothingToChange),
        ("06010 owner=huanwei", 1, "owner", .invalidValue("huanwei", expected: "dept:<code> or street")),
        (#"06010 filing="未闭合"#, 1, nil, .unterminatedQuote),
        ("add 事项 06010 name=暴露垃圾 limit=4h owner=street command=shirong filing=a closing=b", 1, "code",
         .duplicateCategory(.matter, "06010")),
        ("add 事项 06903 name=乱挂 limit=4h owner=street command=shirong filing=a", 1, "closing", .missingField("closing")),
        ("add 事件 06903 name=乱挂", 1, "kind", .invalidValue("事件", expected: "部件 or 事项")),
    ])
    func badLines(text: String, line: Int, column: String?, problem: CatalogError.Problem) {
        #expect(overrideError(text) == CatalogError(line: line, column: column, problem: problem))
    }

    @Test("an error message names the line and field")
    func errorMessage() {
        #expect(overrideError("06010 deadline=4h")?.description == "line 1, column deadline: unknown field \"deadline\"")
    }
}
