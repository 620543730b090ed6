/// The console's shop pages (商户管理): the list, a shop's page and the register form.
enum ShopConsoleText: MessageCatalog {
    enum Key: String, CaseIterable {
        case title, search, searchHint, street, allStreets, find, none, total, register, registerTitle
        case name, creditCode, licence, owner, phone, address, lat, lon, position, positionHint, grid, community, masked
        case contracts, inspections, notices, noneYet, number, status, validity, print, when, template, score, officer
        case failedItems, openCase, state, deadline, overdue, registered, refused, badNumber, notAllowed, back
        case unsigned, pending, active, expiring, expired
        case contractsTitle, noticesTitle, all, shop, noContracts, noNotices, records
    }

    static let table: [Key: (zh: String, en: String)] = [
        .title: ("商户管理", "Shops"),
        .search: ("名称或统一社会信用代码", "Name or credit code"),
        .searchHint: ("输入名称或代码的一部分", "Part of the name or the code"),
        .street: ("街道", "Street"),
        .allStreets: ("全部街道", "All streets"),
        .find: ("查找", "Find"),
        .none: ("没有符合条件的商户。", "No shops match."),
        .total: ("共 {n} 家", "{n} in all"),
        .register: ("登记商户", "Register a shop"),
        .registerTitle: ("登记新商户", "Register a new shop"),
        .name: ("名称", "Name"),
        .creditCode: ("统一社会信用代码", "Unified social credit code"),
        .licence: ("许可证号", "Licence number"),
        .owner: ("负责人", "Keeper"),
        .phone: ("联系电话", "Phone"),
        .address: ("地址", "Address"),
        .lat: ("纬度", "Latitude"),
        .lon: ("经度", "Longitude"),
        .position: ("位置", "Position"),
        .positionHint: ("WGS-84 经纬度，决定所属网格、社区和街道", "WGS-84 latitude and longitude; they decide the grid cell, community and street"),
        .grid: ("网格", "Grid cell"),
        .community: ("社区", "Community"),
        .masked: ("（已脱敏）", " (masked)"),
        .contracts: ("门前五包责任书", "Frontage duty contracts"),
        .inspections: ("检查记录", "Inspections"),
        .notices: ("整改通知书", "Rectification notices"),
        .noneYet: ("暂无。", "None yet."),
        .number: ("编号", "Number"),
        .status: ("状态", "Status"),
        .validity: ("有效期", "Valid"),
        .print: ("打印", "Print"),
        .when: ("时间", "When"),
        .template: ("检查表", "Checklist"),
        .score: ("得分", "Score"),
        .officer: ("检查人", "Officer"),
        .failedItems: ("不合格项", "Failed items"),
        .openCase: ("案件", "Case"),
        .state: ("状态", "State"),
        .deadline: ("整改期限", "Deadline"),
        .overdue: ("逾期", "overdue"),
        .registered: ("商户已登记。", "The shop is registered."),
        .refused: ("未能登记：", "Not registered: "),
        .badNumber: ("{field} 应为数字 ({field} must be a number): {value}", "{field} must be a number: {value}"),
        .notAllowed: ("您的角色不能登记商户。", "Your role may not register shops."),
        .back: ("返回商户列表", "Back to the shops"),
        .unsigned: ("未签订", "Unsigned"),
        .pending: ("未生效", "Not yet valid"),
        .active: ("有效", "Valid"),
        .expiring: ("即将到期", "Expiring"),
        .expired: ("已过期", "Expired"),
        .contractsTitle: ("门前五包责任书", "Frontage duty contracts"),
        .noticesTitle: ("整改通知书", "Rectification notices"),
        .all: ("全部", "All"),
        .shop: ("商户", "Shop"),
        .noContracts: ("没有符合条件的责任书。", "No contracts match."),
        .noNotices: ("没有符合条件的整改通知书。", "No notices match."),
        .records: ("台账", "Records"),
    ]
}
