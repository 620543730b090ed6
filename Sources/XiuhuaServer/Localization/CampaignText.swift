/// The campaigns page (专项行动一览).
enum CampaignText: MessageCatalog {
    enum Key: String, CaseIterable {
        case title, none, period, area, owner, targets, resources, cases, summary, progress, switchLanguage
        case planned, running, finished, cleanUp, rectification, vaccination, people, machines, vehicles
    }

    static let table: [Key: (zh: String, en: String)] = [
        .title: ("专项行动", "Campaigns"),
        .none: ("暂无专项行动。", "No campaigns yet."),
        .period: ("时间", "Period"),
        .area: ("范围", "Area"),
        .owner: ("负责人", "Owner"),
        .targets: ("目标", "Targets"),
        .resources: ("投入力量", "Resources"),
        .cases: ("关联案件", "Linked cases"),
        .summary: ("成效总结", "Result"),
        .progress: ("完成", "done"),
        .switchLanguage: ("English", "中文"),
        .planned: ("计划中", "Planned"),
        .running: ("进行中", "Running"),
        .finished: ("已结束", "Finished"),
        .cleanUp: ("环境整治", "Clean-up"),
        .rectification: ("专项整治", "Rectification"),
        .vaccination: ("疫苗接种", "Vaccination"),
        .people: ("人员", "people"),
        .machines: ("机械", "machines"),
        .vehicles: ("车辆", "vehicles"),
    ]
}
