/// One demo account for every role, so the whole loop can be tried by hand. They share
/// one published password: this is a demo, never a production setup.
public enum DemoAccounts {
    public static let password = "xiuhua2026"

    public struct Entry: Sendable {
        public let username: String
        public let name: String
        public let role: Role
        public let departmentCode: String?
        public let streetCodes: [String]
        public let gridCodes: [String]
    }

    /// 永泰街道 and its 红旗里社区, where the article's story happens.
    public static let yongtaiStreet = DemoDistrict.code + "003"
    public static let hongqiliCommunity = yongtaiStreet + "001"

    public static let entries: [Entry] = [
        Entry(username: "operator", name: "王丽（受理员）", role: .operator, departmentCode: nil, streetCodes: [], gridCodes: []),
        Entry(
            username: "gridworker", name: "李强（网格员）", role: .gridWorker, departmentCode: nil, streetCodes: [],
            gridCodes: (1...90).map { hongqiliCommunity + DemoDistrict.threeDigits($0) }
        ),
        Entry(username: "dutychief", name: "张伟（值班长）", role: .dutyChief, departmentCode: nil, streetCodes: [], gridCodes: []),
        Entry(username: "dispatcher", name: "刘洋（派遣员）", role: .dispatcher, departmentCode: nil, streetCodes: [], gridCodes: []),
        Entry(username: "yongtai", name: "陈静（永泰街道）", role: .streetOfficer, departmentCode: nil, streetCodes: [yongtaiStreet], gridCodes: []),
        Entry(username: "huanwei", name: "赵磊（环卫处）", role: .departmentHandler, departmentCode: "huanwei", streetCodes: [], gridCodes: []),
        Entry(username: "supervisor", name: "孙敏（督导组）", role: .supervisor, departmentCode: nil, streetCodes: [], gridCodes: []),
        Entry(username: "admin", name: "系统管理员", role: .admin, departmentCode: nil, streetCodes: [], gridCodes: []),
        Entry(username: "health", name: "何芳（卫健）", role: .healthWorker, departmentCode: nil, streetCodes: [], gridCodes: []),
        Entry(username: "api12345", name: "12345热线平台（接口）", role: .system, departmentCode: nil, streetCodes: [], gridCodes: []),
    ]
}
