/// The printable documents of the shop duties (责任书, 通知书): headings and labels.
enum PrintText: MessageCatalog {
    enum Key: String, CaseIterable {
        case contractTitle, number, partyA, partyB, street, community, squad, shopName, creditCode, owner, phone, address
        case place, area, frontage, metres, duties, validity, to, signing, signedOn, signatureA, signatureB, unsigned
        case status, print, renews, clauses, clauseInspection, clauseConsequence
    }

    static let table: [Key: (zh: String, en: String)] = [
        .contractTitle: ("门前五包责任书", "Shopfront five-duty contract"),
        .number: ("编号", "Number"),
        .partyA: ("甲方", "Party A"),
        .partyB: ("乙方", "Party B"),
        .street: ("街道", "Street office"),
        .community: ("社区", "Community"),
        .squad: ("执法中队", "Enforcement squad"),
        .shopName: ("单位（商户）名称", "Shop"),
        .creditCode: ("统一社会信用代码", "Unified social credit code"),
        .owner: ("负责人", "Keeper"),
        .phone: ("联系电话", "Phone"),
        .address: ("地址", "Address"),
        .place: ("所属街道/社区/网格", "Street / community / grid"),
        .area: ("责任区范围", "Responsibility area"),
        .frontage: ("门前长度、进深", "Frontage length and depth"),
        .metres: ("米", "m"),
        .duties: ("责任内容", "Duties"),
        .validity: ("有效期", "Valid"),
        .to: ("至", "to"),
        .signing: ("签订", "Signing"),
        .signedOn: ("签订日期", "Signed on"),
        .signatureA: ("甲方代表（签字）", "For party A (signature)"),
        .signatureB: ("乙方代表（签字）", "For party B (signature)"),
        .unsigned: ("尚未签订", "Not yet signed"),
        .status: ("状态", "Status"),
        .print: ("打印", "Print"),
        .renews: ("续签自", "Renews"),
        .clauses: ("考核与奖惩", "Inspection and consequences"),
        .clauseInspection: ("甲方按门前五包检查表定期检查并按月评分，结果纳入红黑榜。", "Party A inspects against the five-duty checklist and scores the shop monthly; the result enters the red and black lists."),
        .clauseConsequence: ("乙方未履行责任的，甲方予以告诫；经告诫仍未改正的，下达责令整改通知书，逾期不改的移交执法。", "If party B fails its duties it is warned; if it still does not comply it receives a rectification notice, and past the deadline the matter goes to enforcement."),
    ]
}
