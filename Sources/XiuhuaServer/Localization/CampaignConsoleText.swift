/// The staff console's campaign desk (专项行动办理): the list, the campaign page and its forms.
enum CampaignConsoleText: MessageCatalog {
    enum Key: String, CaseIterable {
        case title, none, colName, colKind, colState, colPeriod, colArea, colOwner
        case planTitle, name, kind, category, categoryHint, areas, areasHint, startsOn, endsOn
        case targets, targetsHint, resources, resourcesHint, plan
        case period, area, owner, progress, reports, reportsNone, day, note, reporter, cases, casesNone, summary
        case startTitle, start, finishTitle, finish, reportTitle, report
        case done, refused, badDate, badTargetLine, badResourceLine, badProgress, badKind
        case linkTitle, caseNumber, link
    }

    static let table: [Key: (zh: String, en: String)] = [
        .title: ("专项行动办理", "Campaign desk"),
        .none: ("暂无专项行动。", "No campaigns yet."),
        .colName: ("名称", "Name"),
        .colKind: ("类型", "Kind"),
        .colState: ("状态", "State"),
        .colPeriod: ("时间", "Period"),
        .colArea: ("范围", "Area"),
        .colOwner: ("负责人", "Owner"),
        .planTitle: ("发起专项行动", "Plan a campaign"),
        .name: ("名称", "Name"),
        .kind: ("类型", "Kind"),
        .category: ("事项类别代码（仅专项整治）", "Category code (rectification only)"),
        .categoryHint: ("例如 06010 占道经营", "e.g. 06010 for street vending"),
        .areas: ("范围（街道、社区或网格代码）", "Area (street, community or grid codes)"),
        .areasHint: ("多个代码用空格或逗号分隔", "Separate several codes with spaces or commas"),
        .startsOn: ("开始日期", "Starts on"),
        .endsOn: ("结束日期", "Ends on"),
        .targets: ("目标（每行：名称 数量）", "Targets (one per line: name amount)"),
        .targetsHint: ("例如：清理摊点 40", "e.g. Stalls cleared 40"),
        .resources: ("投入力量（每行：人员/机械/车辆 名称 数量）", "Resources (one per line: people/machines/vehicles name count)"),
        .resourcesHint: ("例如：人员 执法队员 30", "e.g. people Enforcement officers 30"),
        .plan: ("发起", "Plan"),
        .period: ("时间", "Period"),
        .area: ("范围", "Area"),
        .owner: ("负责人", "Owner"),
        .progress: ("目标与进度", "Targets and progress"),
        .reports: ("每日进展", "Daily reports"),
        .reportsNone: ("尚无进展填报。", "No reports yet."),
        .day: ("日期", "Day"),
        .note: ("说明", "Note"),
        .reporter: ("填报人", "Reported by"),
        .cases: ("关联案件", "Linked cases"),
        .casesNone: ("暂无关联案件。", "No linked cases."),
        .summary: ("成效总结", "Result"),
        .startTitle: ("启动行动", "Start the campaign"),
        .start: ("启动", "Start"),
        .finishTitle: ("结束行动", "Finish the campaign"),
        .finish: ("结束并提交总结", "Finish with this summary"),
        .reportTitle: ("填报当日进展", "File a day's progress"),
        .report: ("提交进展", "File progress"),
        .linkTitle: ("关联案件", "Link a case"),
        .caseNumber: ("案件编号", "Case number"),
        .link: ("关联", "Link"),
        .done: ("已完成：{action}", "Done: {action}"),
        .refused: ("未执行：", "Not done: "),
        .badDate: ("日期格式应为 年-月-日：{field}", "Dates are year-month-day: {field}"),
        .badTargetLine: ("目标每行应为“名称 数量”，数量为正整数：{line}", "Each target line is \"name amount\" with a whole amount: {line}"),
        .badResourceLine: ("投入力量每行应为“人员/机械/车辆 名称 数量”：{line}", "Each resource line is \"people/machines/vehicles name count\": {line}"),
        .badProgress: ("进展数应为整数：{target}", "Progress amounts are whole numbers: {target}"),
        .badKind: ("请选择行动类型", "Choose the kind of campaign"),
    ]
}
