/// The supervision groups' inspection of a vaccination site (接种点督导检查), scored by the
/// shop-duty checklist engine: five sections of 20 points, each failed item taking its
/// deduction once per finding. Not among `ChecklistTemplate.shipped`, which are the
/// templates a shop may be inspected against.
extension ChecklistTemplate {
    public static let vaccinationSite = ChecklistTemplate(
        code: "jzdd",
        name: "接种点督导检查",
        sections: [
            Section(code: "coldchain", name: "冷链管理", points: 20),
            Section(code: "consent", name: "身份核验与知情同意", points: 20),
            Section(code: "observation", name: "留观区", points: 20),
            Section(code: "emergency", name: "应急处置", points: 20),
            Section(code: "staff", name: "人员资质", points: 20),
        ],
        items: [
            Item(code: "coldchain.records", sectionCode: "coldchain", text: "冷链温度每日两次记录完整", deduction: 10, caseCategory: nil),
            Item(code: "coldchain.storage", sectionCode: "coldchain", text: "疫苗在 2–8℃ 冷藏，按批号分区存放", deduction: 10, caseCategory: nil),
            Item(code: "consent.identity", sectionCode: "consent", text: "逐人核验身份证件", deduction: 10, caseCategory: nil),
            Item(code: "consent.forms", sectionCode: "consent", text: "知情同意书逐人签署并存档", deduction: 10, caseCategory: nil),
            Item(code: "observation.area", sectionCode: "observation", text: "留观区设置规范，有专人值守", deduction: 10, caseCategory: nil),
            Item(code: "observation.time", sectionCode: "observation", text: "留观满 30 分钟后离开", deduction: 10, caseCategory: nil),
            Item(code: "emergency.kit", sectionCode: "emergency", text: "急救药品和设备齐备、在有效期内", deduction: 10, caseCategory: nil),
            Item(code: "emergency.plan", sectionCode: "emergency", text: "有应急预案并与定点医院建立转诊通道", deduction: 10, caseCategory: nil),
            Item(code: "staff.qualified", sectionCode: "staff", text: "接种人员持有效资质证书", deduction: 10, caseCategory: nil),
            Item(code: "staff.trained", sectionCode: "staff", text: "人员经本次接种培训，禁忌核查规范", deduction: 10, caseCategory: nil),
        ]
    )
}
