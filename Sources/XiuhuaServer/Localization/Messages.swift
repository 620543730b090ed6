/// The text of the web pages, zh-CN first and English second. Every string a page shows
/// comes from here, so a translation is one file.
enum Messages {
    enum Key: String, CaseIterable {
        case appName, tagline, intro, whatItDoes, loopSteps, districtSection, streets, communities, grids
        case commandsSection, hotline, apiSection, apiLocate, apiRegions, apiCategories, apiHealth
        case noDistrict, switchLanguage, footer, pagesSection
    }

    static func text(_ key: Key, _ language: UILanguage) -> String {
        let pair = table[key] ?? (key.rawValue, key.rawValue)
        return language == .zh ? pair.zh : pair.en
    }

    private static let table: [Key: (zh: String, en: String)] = [
        .appName: ("绣花 · 城市精细化管理平台", "Xiuhua · Fine-grained City Management"),
        .tagline: ("拿出“绣花”功夫管理城市", "Managing the city with embroidery-needle care"),
        .intro: (
            "绣花受理区内每一件城市管理问题——市民热线、网格员巡查、网页上报、其他系统接口——按网格、社区、街道和分指挥部派给责任单位，按工作时限督办，现场核查，回访市民，并据此考评每个街道和部门。",
            "Xiuhua takes in every urban problem in the district — hotline calls, grid patrols, web reports, other systems' API calls — routes it by grid, community, street and sub-command to the unit that must fix it, holds that unit to a working-time deadline, checks the fix on site, follows up with the citizen, and ranks every street and department on the results."
        ),
        .whatItDoes: ("闭环流程", "The closed loop"),
        .loopSteps: ("上报 → 核实 → 立案 → 派遣 → 处置 → 核查 → 结案 → 回访", "report → verify → accept → dispatch → handle → check → close → rate"),
        .districtSection: ("辖区", "District"),
        .streets: ("街道", "streets"),
        .communities: ("社区/村", "communities"),
        .grids: ("单元网格", "grid cells"),
        .commandsSection: ("分指挥部与热线", "Sub-commands and hotlines"),
        .hotline: ("热线", "hotline"),
        .apiSection: ("接口", "API"),
        .apiLocate: ("坐标定位到网格、社区、街道", "locate a point: grid, community, street"),
        .apiRegions: ("辖区区域树", "the region tree"),
        .apiCategories: ("部件事件分类目录（GB/T 47678.5-2026）", "the national category catalog (GB/T 47678.5-2026)"),
        .apiHealth: ("服务状态", "service health"),
        .noDistrict: ("尚未导入辖区。用 xiuhua import regions FILE.geojson 导入，或以 xiuhua serve --demo 启动示范区。", "No district imported yet. Import one with xiuhua import regions FILE.geojson, or start the demo with xiuhua serve --demo."),
        .switchLanguage: ("English", "中文"),
        .pagesSection: ("页面", "Pages"),
        .footer: ("绣花 Xiuhua — 开源城市管理平台", "Xiuhua — open-source city management"),
    ]
}
