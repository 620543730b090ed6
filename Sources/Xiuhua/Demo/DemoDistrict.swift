import XiuhuaGeo

/// 平城区, the demo district, modelled on the article: 18 streets, 6 communities or villages
/// each, and 9,720 grid cells of about 100 m × 100 m that tile the whole district.
///
/// The geometry is synthetic but consistent: the cells share their vertices, so every point
/// inside the district lies in exactly one cell. Streets are laid out 6 across and 3 down;
/// each street is 20 × 27 cells, split into 2 × 3 communities of 10 × 9 cells. Grid
/// sequence numbers run west to east, then north to south, as the standard asks.
public enum DemoDistrict {
    public static let code = "140213"
    public static let name = "平城区"
    /// Case numbers read PC2026112900001: 平城, date, daily sequence.
    public static let casePrefix = "PC"
    /// The centre of the district.
    public static let centre = Coordinate(lon: 113.30, lat: 40.09)
    public static let cellSizeMetres = 100.0

    static let streetColumns = 6
    static let streetRows = 3
    static let communityColumns = 2
    static let communityRows = 3
    static let cellsPerCommunityColumn = 10
    static let cellsPerCommunityRow = 9

    /// The street names; the first four are the ones the article names.
    public static let streetNames = [
        "文瀛湖街道", "小南头街道", "永泰街道", "清远街道", "南关街道", "北关街道",
        "东关街道", "西关街道", "新建南路街道", "新建北路街道", "老平旺街道", "新华街街道",
        "大庆路街道", "南街街道", "北街街道", "向阳里街道", "新平旺街道", "马军营街道",
    ]

    /// Six communities or villages per street, in street order. The article's 富力社区,
    /// 红旗里社区 and 宋庄村 are among them; 红旗里社区 is in 永泰街道, where the story's
    /// former armed-police guesthouse on 红旗街 stands.
    public static let communityNames: [[String]] = [
        ["富力社区", "文瀛社区", "湖东社区", "御东社区", "宋庄村", "曹夫楼村"],
        ["小南头社区", "南头村", "新开里社区", "古城社区", "七里村", "安家小村"],
        ["红旗里社区", "永泰里社区", "永泰南社区", "红旗街社区", "和平社区", "幸福里社区"],
        ["清远社区", "清远东社区", "九龙社区", "柳航里社区", "开源社区", "东信社区"],
        ["南关社区", "南关南社区", "永和社区", "鼓楼社区", "善化社区", "南门社区"],
        ["北关社区", "北关东社区", "操场城社区", "北门社区", "华严社区", "新北社区"],
        ["东关社区", "东关北社区", "和阳社区", "东门社区", "兴云社区", "迎宾社区"],
        ["西关社区", "西关南社区", "西门社区", "武定社区", "云中社区", "平城社区"],
        ["新建南路社区", "站东社区", "铁路社区", "建南社区", "东风里社区", "光明社区"],
        ["新建北路社区", "建北社区", "站北社区", "电厂社区", "机车社区", "车站社区"],
        ["老平旺社区", "平旺里社区", "柳港社区", "同煤社区", "矿区社区", "口泉村"],
        ["新华街社区", "新华里社区", "文化社区", "书院社区", "华林社区", "新华南社区"],
        ["大庆路社区", "大庆西社区", "红旗广场社区", "新开北社区", "南郊社区", "友谊社区"],
        ["南街社区", "南街东社区", "代王府社区", "华严寺社区", "清真寺社区", "钟楼社区"],
        ["北街社区", "北街西社区", "帅府社区", "魁星楼社区", "关帝庙社区", "四牌楼社区"],
        ["向阳里社区", "向阳东社区", "向阳西社区", "团结社区", "振华社区", "兴华社区"],
        ["新平旺社区", "平旺东社区", "平旺西社区", "安康社区", "建设社区", "朝阳社区"],
        ["马军营社区", "马军营村", "水泊寺村", "陈庄村", "西韩岭村", "东韩岭村"],
    ]

    /// The district's regions with outlines: streets and communities carry none (they are
    /// the union of their cells), grid cells carry their polygon.
    public static func regions() -> [RegionFeature] {
        let cellColumns = streetColumns * communityColumns * cellsPerCommunityColumn
        let cellRows = streetRows * communityRows * cellsPerCommunityRow
        let grid = SyntheticGrid(
            origin: centre, columns: cellColumns, rows: cellRows,
            cellSizeMetres: cellSizeMetres, jitter: 0.25, seed: 20_261_130
        )
        var features = [RegionFeature(region: Region(code: code, name: name, level: .district, parentCode: nil), geometry: nil)]
        for streetIndex in 0..<(streetColumns * streetRows) {
            let streetCode = code + threeDigits(streetIndex + 1)
            features.append(RegionFeature(
                region: Region(code: streetCode, name: streetNames[streetIndex], level: .street, parentCode: code),
                geometry: nil
            ))
            for communityIndex in 0..<(communityColumns * communityRows) {
                let communityCode = streetCode + threeDigits(communityIndex + 1)
                features.append(RegionFeature(
                    region: Region(
                        code: communityCode, name: communityNames[streetIndex][communityIndex],
                        level: .community, parentCode: streetCode
                    ),
                    geometry: nil
                ))
                let firstColumn = (streetIndex % streetColumns) * communityColumns * cellsPerCommunityColumn
                    + (communityIndex % communityColumns) * cellsPerCommunityColumn
                let firstRow = (streetIndex / streetColumns) * communityRows * cellsPerCommunityRow
                    + (communityIndex / communityColumns) * cellsPerCommunityRow
                var sequence = 0
                for row in firstRow..<(firstRow + cellsPerCommunityRow) {
                    for column in firstColumn..<(firstColumn + cellsPerCommunityColumn) {
                        sequence += 1
                        features.append(RegionFeature(
                            region: Region(
                                code: communityCode + threeDigits(sequence),
                                name: "\(communityNames[streetIndex][communityIndex])\(sequence)号网格",
                                level: .grid, parentCode: communityCode
                            ),
                            geometry: grid.cell(row: row, column: column)
                        ))
                    }
                }
            }
        }
        return features
    }

    /// The seven thematic sub-commands of the article, each with its public hotline.
    public static let commands: [Command] = [
        Command(code: "shirong", name: "市容秩序分指挥部", hotline: "0352-2051201"),
        Command(code: "shengtai", name: "生态环境分指挥部", hotline: "0352-2051202"),
        Command(code: "chaiwei", name: "征收拆违分指挥部", hotline: "0352-2051203"),
        Command(code: "nongcun", name: "农村环境分指挥部", hotline: "0352-2051204"),
        Command(code: "lvhua", name: "绿化美化分指挥部", hotline: "0352-2051205"),
        Command(code: "xuanchuan", name: "宣传引导分指挥部", hotline: "0352-2051206"),
        Command(code: "dudao", name: "督导检查分指挥部", hotline: "0352-2051207"),
    ]

    /// The departments that handle dispatched cases; codes match the catalog's owners.
    public static let departments: [Department] = [
        ("huanwei", "区环境卫生服务中心（环卫处）"), ("chengguan", "区城市管理综合行政执法局"),
        ("shichang", "区市场监督管理局"), ("zhujian", "区住房和城乡建设局"), ("yuanlin", "区园林局"),
        ("jiaojing", "公安交警大队"), ("shengtaiju", "市生态环境局平城分局"), ("weijian", "区卫生健康局"),
        ("shizheng", "区市政设施管理处"), ("ziran", "市自然资源局平城分局"), ("shuiwu", "区水务局"),
        ("gongan", "公安平城分局"), ("xiaofang", "平城区消防救援大队"), ("gongshui", "供水公司平城营业所"),
        ("gongdian", "供电公司平城供电部"), ("ranqi", "燃气公司平城分公司"), ("tongxin", "区通信管理办公室"),
        ("jiaotong", "区交通运输局"), ("wenlv", "区文化和旅游局"), ("nongye", "区农业农村局"),
    ].map { Department(code: $0.0, name: $0.1) }

    public static var organisation: Organisation { Organisation(commands: commands, departments: departments) }

    static func threeDigits(_ n: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: 3 - digits.count) + digits
    }
}
