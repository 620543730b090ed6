/// The command-centre wall screen.
enum DashboardText: MessageCatalog {
    enum Key: String, CaseIterable {
        case title, openCases, byState, lights, intakeToday, byChannel, byCommand, overdueList, topCategories, districtMap
        case updated, live, offline, none, casesUnit, overdueBy, colNumber, colCategory, colStreet, colStage, colDeadline
        case suspended, total, thisMonth, noCommand, legendFew, legendMany
        case whistles, awaitingCheckIn, checkInLate, missedThisMonth
    }

    static let table: [Key: (zh: String, en: String)] = [
        .title: ("城市管理指挥中心", "City management command centre"),
        .openCases: ("在办案件", "Open cases"),
        .byState: ("各环节案件", "Cases by stage"),
        .lights: ("时限亮灯", "Deadline lights"),
        .intakeToday: ("今日受理", "Taken in today"),
        .byChannel: ("按来源", "By channel"),
        .byCommand: ("按分指挥部", "By sub-command"),
        .overdueList: ("超期案件", "Overdue cases"),
        .topCategories: ("本月高发问题", "Most reported this month"),
        .districtMap: ("辖区在办案件分布", "Open cases across the district"),
        .updated: ("更新于", "Updated"),
        .live: ("实时", "Live"),
        .offline: ("连接中断，正在重连…", "Connection lost; reconnecting…"),
        .none: ("暂无", "None"),
        .casesUnit: ("件", "cases"),
        .overdueBy: ("超期", "overdue"),
        .colNumber: ("编号", "Case"),
        .colCategory: ("类别", "Category"),
        .colStreet: ("街道", "Street"),
        .colStage: ("环节", "Stage"),
        .colDeadline: ("时限", "Deadline"),
        .suspended: ("已挂账", "Suspended"),
        .total: ("合计", "Total"),
        .thisMonth: ("本月", "This month"),
        .noCommand: ("未归口", "Unassigned"),
        .legendFew: ("少", "few"),
        .legendMany: ("多", "many"),
        .whistles: ("吹哨报到", "Whistles (吹哨报到)"),
        .awaitingCheckIn: ("待报到案件", "Awaiting check-in"),
        .checkInLate: ("已过报到时限", "Past the check-in deadline"),
        .missedThisMonth: ("本月未按时报到", "Missed check-ins this month"),
    ]
}

/// The public board: this month's rankings and recently closed cases.
enum BoardText: MessageCatalog {
    enum Key: String, CaseIterable {
        case title, intro, streetRanking, departmentRanking, rank, name, cases, closed, closingRate, onTimeRate
        case score, grade, sample, onTimeDisposalRate, reworkRate
        case recentlyClosed, before, after, noPhoto, closedOn, noData, definition, month
    }

    static let table: [Key: (zh: String, en: String)] = [
        .title: ("城市管理公示榜", "City management public board"),
        .intro: ("每月公布各街道、各部门办理市民反映问题的情况，接受社会监督。", "Every month we publish how each street and department handled the problems people reported."),
        .streetRanking: ("街道排名", "Streets"),
        .departmentRanking: ("部门排名", "Departments"),
        .rank: ("名次", "Rank"),
        .name: ("名称", "Name"),
        .cases: ("派遣案件", "Dispatched"),
        .closed: ("已结案", "Closed"),
        .closingRate: ("结案率", "Closing rate"),
        .onTimeRate: ("按期结案率", "On-time rate"),
        .score: ("综合得分", "Score"),
        .grade: ("等级", "Grade"),
        .sample: ("样本量", "Sample"),
        .onTimeDisposalRate: ("按期处置率", "On-time disposal"),
        .reworkRate: ("返工率", "Rework rate"),
        .recentlyClosed: ("最近办结", "Recently resolved"),
        .before: ("处置前", "Before"),
        .after: ("处置后", "After"),
        .noPhoto: ("无照片", "No photo"),
        .closedOn: ("办结于", "Resolved"),
        .noData: ("本月暂无数据。", "No data this month yet."),
        .definition: ("按本月综合评价排名（与月度考核通报同一口径）：各项比率取 95% 威尔逊置信下限后按权重合成综合得分，样本少的单位不会因偶然而居前；等级 A ≥ 90，B ≥ 75，C ≥ 60，D ≥ 40，E < 40。街道看结案率、按期结案率等；部门看按期处置率、返工率等。本月尚无可评价案件的单位不列入。", "Ranked by this month's evaluation (the same figures as the monthly report): each rate is taken at its 95% Wilson lower bound and weighted into a composite score, so a unit with few cases cannot lead by chance; grades A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, E < 40. Streets are judged on closing and on-time closing among others; departments on on-time disposal and rework. Units with nothing to evaluate this month are not listed."),
        .month: ("统计月份", "Month"),
    ]
}
