/// The public 红黑榜 of shops (`/board/shops`).
enum ShopBoardText: MessageCatalog {
    enum Key: String, CaseIterable {
        case title, intro, month, red, black, shop, score, grade, reason, publishedBy, none, noBoards, repeatOffender, allMonths
    }

    static let table: [Key: (zh: String, en: String)] = [
        .title: ("门前五包红黑榜", "Shopfront red and black lists"),
        .intro: ("各街道每月发布：红榜表扬门前五包落实好的商户，黑榜曝光问题突出和屡查屡犯的商户。", "Published monthly per street: the red list praises shops that keep their five duties, the black list names those with serious or repeated problems."),
        .month: ("月份", "Month"),
        .red: ("红榜", "Red list"),
        .black: ("黑榜", "Black list"),
        .shop: ("商户", "Shop"),
        .score: ("得分", "Score"),
        .grade: ("等级", "Grade"),
        .reason: ("理由", "Reason"),
        .publishedBy: ("发布", "Published"),
        .none: ("本月无", "None this month"),
        .noBoards: ("尚无已发布的红黑榜。", "No list has been published yet."),
        .repeatOffender: ("屡犯", "Repeat"),
        .allMonths: ("全部月份", "All months"),
    ]
}
