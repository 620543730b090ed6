/// A checklist an inspector fills in on site: sections worth some points, and items that
/// each take a fixed deduction per finding when they fail. The same engine scores the
/// 门前五包 inspection of a shop front and the safety inspection of a market stall.
public struct ChecklistTemplate: Hashable, Sendable {
    public struct Section: Hashable, Sendable {
        public let code: String
        public let name: String
        public let points: Int
    }

    public struct Item: Hashable, Sendable {
        public let code: String
        public let sectionCode: String
        public let text: String
        /// Points taken per finding; a section never goes below zero.
        public let deduction: Int
        /// The catalog category a failure is reported as (09005 店外经营 …); nil when a
        /// failure is a matter for the score and a notice, not a case.
        public let caseCategory: String?
    }

    public let code: String
    public let name: String
    public let sections: [Section]
    public let items: [Item]

    public var totalPoints: Int { sections.reduce(0) { $0 + $1.points } }

    public func item(_ code: String) -> Item? { items.first { $0.code == code } }

    /// The shipped templates, by code.
    public static let shipped: [ChecklistTemplate] = [.shopFrontage, .marketSafety]

    public static func shipped(_ code: String) -> ChecklistTemplate? { shipped.first { $0.code == code } }
}

extension ChecklistTemplate {
    /// 门前五包: 100 points, 20 for each of the five duties, items per reference §8.1.
    public static let shopFrontage = ChecklistTemplate(
        code: "mqwb",
        name: "门前五包检查",
        sections: [
            Section(code: "jinghua", name: "包净化", points: 20),
            Section(code: "lvhua", name: "包绿化", points: 20),
            Section(code: "lianghua", name: "包亮化", points: 20),
            Section(code: "meihua", name: "包美化", points: 20),
            Section(code: "zhixu", name: "包秩序", points: 20),
        ],
        items: [
            Item(code: "jinghua.litter", sectionCode: "jinghua", text: "门前无垃圾、灰尘、污水、痰迹、油污", deduction: 5, caseCategory: "06012"),
            Item(code: "jinghua.refuse", sectionCode: "jinghua", text: "垃圾分类并定时定点投放，无暴露垃圾、垃圾外溢", deduction: 5, caseCategory: "06010"),
            Item(code: "jinghua.snow", sectionCode: "jinghua", text: "冰雪及时清除", deduction: 3, caseCategory: nil),
            Item(code: "lvhua.trees", sectionCode: "lvhua", text: "爱护树木绿地，不在树上挂物", deduction: 5, caseCategory: "06019"),
            Item(code: "lvhua.green", sectionCode: "lvhua", text: "不占用绿地，树池清洁", deduction: 5, caseCategory: "06045"),
            Item(code: "lianghua.sign", sectionCode: "lianghua", text: "招牌、门头灯完好，按时开启，无有灯不开、开而不全", deduction: 5, caseCategory: nil),
            Item(code: "lianghua.repair", sectionCode: "lianghua", text: "损坏灯具及时修复", deduction: 5, caseCategory: nil),
            Item(code: "meihua.facade", sectionCode: "meihua", text: "门面、橱窗、招牌干净完好", deduction: 5, caseCategory: "07006"),
            Item(code: "meihua.posters", sectionCode: "meihua", text: "无乱贴乱画乱挂、无未经批准的横幅标语", deduction: 5, caseCategory: "07007"),
            Item(code: "meihua.awning", sectionCode: "meihua", text: "遮阳篷完好", deduction: 3, caseCategory: "06043"),
            Item(code: "zhixu.outside", sectionCode: "zhixu", text: "无店外经营、占道经营", deduction: 5, caseCategory: "09005"),
            Item(code: "zhixu.piling", sectionCode: "zhixu", text: "无乱堆物料", deduction: 5, caseCategory: "06036"),
            Item(code: "zhixu.parking", sectionCode: "zhixu", text: "车辆停放有序", deduction: 3, caseCategory: "09010"),
            Item(code: "zhixu.carwash", sectionCode: "zhixu", text: "无门前修车、洗车", deduction: 5, caseCategory: "09021"),
        ]
    )

    /// 市场安全检查: permits, health certificates, purchase records, disinfection, rapid tests.
    public static let marketSafety = ChecklistTemplate(
        code: "scaq",
        name: "市场安全检查",
        sections: [
            Section(code: "permits", name: "证照", points: 20),
            Section(code: "health", name: "健康证明", points: 20),
            Section(code: "purchase", name: "进货查验与供货者记录", points: 20),
            Section(code: "tableware", name: "餐用具消毒", points: 20),
            Section(code: "rapid", name: "食品快检", points: 20),
        ],
        items: [
            Item(code: "permits.licence", sectionCode: "permits", text: "营业执照、食品经营许可证齐全有效并公示", deduction: 10, caseCategory: "09015"),
            Item(code: "permits.scope", sectionCode: "permits", text: "按许可范围经营", deduction: 10, caseCategory: nil),
            Item(code: "health.certificates", sectionCode: "health", text: "从业人员持有效健康证明", deduction: 5, caseCategory: nil),
            Item(code: "health.hygiene", sectionCode: "health", text: "从业人员个人卫生符合要求", deduction: 5, caseCategory: nil),
            Item(code: "purchase.inspection", sectionCode: "purchase", text: "进货查验，索证索票", deduction: 10, caseCategory: nil),
            Item(code: "purchase.records", sectionCode: "purchase", text: "供货者名录及进货台账完整", deduction: 10, caseCategory: nil),
            Item(code: "tableware.disinfection", sectionCode: "tableware", text: "餐用具清洗消毒并保洁存放", deduction: 10, caseCategory: nil),
            Item(code: "tableware.records", sectionCode: "tableware", text: "消毒记录完整", deduction: 5, caseCategory: nil),
            Item(code: "rapid.tests", sectionCode: "rapid", text: "按规定开展食品快速检测", deduction: 10, caseCategory: nil),
            Item(code: "rapid.results", sectionCode: "rapid", text: "快检结果公示，不合格食品下架", deduction: 10, caseCategory: "09020"),
        ]
    )
}
