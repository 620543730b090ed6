/// The vaccination drive's daily coverage report (接种进度日报).
enum CoverageText: MessageCatalog {
    enum Key: String, CaseIterable {
        case title, reportDay, totals, population, doses, firstDose, secondDose, per100, byRegion, name, perDay, day
        case noData, map, formula, levelGrid, levelCommunity, levelStreet, levelDistrict, switchLanguage, level
    }

    static let table: [Key: (zh: String, en: String)] = [
        .title: ("疫苗接种进度日报", "Vaccination daily report"),
        .reportDay: ("统计截至 {day}", "Up to and including {day}"),
        .totals: ("一、全区总体", "1. District totals"),
        .population: ("台账人口", "Population on the roster"),
        .doses: ("累计接种剂次", "Doses given"),
        .firstDose: ("第一剂人数", "People with a first dose"),
        .secondDose: ("第二剂人数", "People with a second dose"),
        .per100: ("百人覆盖率", "Doses per 100 people"),
        .byRegion: ("二、分{level}情况", "2. By {level}"),
        .name: ("名称", "Name"),
        .perDay: ("三、每日接种剂次", "3. Doses per day"),
        .day: ("日期", "Day"),
        .noData: ("暂无数据。", "No data yet."),
        .map: ("四、网格覆盖率地图（每百人接种剂次）", "4. Coverage by grid (doses per 100 people)"),
        .formula: ("百人覆盖率 = 接种剂次 ÷ 台账人口 × 100，保留两位小数。", "Doses per 100 people = doses ÷ population on the roster × 100, two decimals."),
        .levelGrid: ("网格", "grid"),
        .levelCommunity: ("社区", "community"),
        .levelStreet: ("街道", "street"),
        .levelDistrict: ("全区", "district"),
        .switchLanguage: ("English", "中文"),
        .level: ("统计层级", "Level"),
    ]
}
