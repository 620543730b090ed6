import Xiuhua

/// The console's contract pages (门前五包责任书): drafting, signing and renewing, and the
/// refusals of those acts in the page's language.
enum ContractConsoleText: MessageCatalog {
    enum Key: String, CaseIterable {
        case draft, draftTitle, contractTitle, parties, issuerStreet, issuerCommunity, issuerSquad, shopParty
        case area, lengthMetres, depthMetres, validFrom, validUntil, duties, dutiesHint, submitDraft
        case sign, signedOn, issuerSignatory, shopSignatory, submitSign, signedBy, notSigned
        case renew, renewHint, submitRenew, renews, renewedBy, drafted, signed, renewed, refused
        case backToShop, backToContracts, status, number, print
        case missing, tooLong, invalidMeasure, periodBackwards, periodTooLong, alreadySigned, signedBeforeDraft
        case badDate, futureSigning, notSignedYet, alreadyRenewed, badNumber
    }

    static let table: [Key: (zh: String, en: String)] = [
        .draft: ("起草责任书", "Draft a contract"),
        .draftTitle: ("起草门前五包责任书：{shop}", "Draft a frontage duty contract: {shop}"),
        .contractTitle: ("门前五包责任书 {number}", "Frontage duty contract {number}"),
        .parties: ("甲方（街道、社区、执法中队）", "Party A (street office, community, enforcement squad)"),
        .issuerStreet: ("街道办事处", "Street office"),
        .issuerCommunity: ("社区", "Community"),
        .issuerSquad: ("城管执法中队", "Enforcement squad"),
        .shopParty: ("乙方（商户）", "Party B (the shop)"),
        .area: ("责任区域", "Responsibility area"),
        .lengthMetres: ("门前长度（米）", "Frontage length (m)"),
        .depthMetres: ("进深（米）", "Depth (m)"),
        .validFrom: ("有效期自", "Valid from"),
        .validUntil: ("有效期至", "Valid until"),
        .duties: ("五包责任及检查项", "The five duties and their check items"),
        .dutiesHint: ("与门前五包检查表一致：签订的即是日后检查的。", "As in the 门前五包 checklist: what the shop signs is what it is inspected against."),
        .submitDraft: ("保存责任书草稿", "Save the draft"),
        .sign: ("签订", "Sign"),
        .signedOn: ("签订日期", "Signed on"),
        .issuerSignatory: ("甲方签字人", "Signatory for party A"),
        .shopSignatory: ("乙方签字人", "Signatory for the shop"),
        .submitSign: ("记录签订", "Record the signing"),
        .signedBy: ("{date} 由 {issuer}（甲方）与 {shop}（乙方）签订", "Signed on {date} by {issuer} (party A) and {shop} (the shop)"),
        .notSigned: ("尚未签订", "Not signed yet"),
        .renew: ("续签", "Renew"),
        .renewHint: ("新的有效期从本期结束次日起算；不填截止日则与本期等长。", "The new period starts the day after this one ends; left blank, it runs as long as this one."),
        .submitRenew: ("起草续签责任书", "Draft the renewal"),
        .renews: ("续签自", "Renews"),
        .renewedBy: ("已续签为", "Renewed as"),
        .drafted: ("责任书草稿已保存，请打印后签订。", "The draft is saved; print it to be signed."),
        .signed: ("签订已记录。", "The signing is recorded."),
        .renewed: ("续签责任书草稿已保存。", "The renewal is drafted."),
        .refused: ("未能保存：", "Not saved: "),
        .backToShop: ("返回商户", "Back to the shop"),
        .backToContracts: ("返回责任书列表", "Back to the contracts"),
        .status: ("状态", "Status"),
        .number: ("编号", "Number"),
        .print: ("打印 (A4)", "Print (A4)"),
        .missing: ("请填写“{field}”", "“{field}” is required"),
        .tooLong: ("“{field}”过长", "“{field}” is too long"),
        .invalidMeasure: ("“{field}”应为 0–1000 米", "“{field}” must be 0–1000 metres"),
        .periodBackwards: ("有效期截止日应晚于起始日", "The last day must come after the first"),
        .periodTooLong: ("有效期最长 5 年", "A contract holds for at most 5 years"),
        .alreadySigned: ("责任书已签订", "The contract is already signed"),
        .signedBeforeDraft: ("签订日期不能早于责任书起草日期", "The signing date cannot precede the draft"),
        .badDate: ("“{field}”应为日期 YYYY-MM-DD：{value}", "“{field}” must be a date YYYY-MM-DD: {value}"),
        .futureSigning: ("签订日期不能在将来", "The signing date cannot be in the future"),
        .notSignedYet: ("责任书尚未签订，不能续签", "An unsigned contract cannot be renewed"),
        .alreadyRenewed: ("该责任书已续签：{number}", "Already renewed: {number}"),
        .badNumber: ("“{field}”应为数字：{value}", "“{field}” must be a number: {value}"),
    ]

    /// A contract status as people read it, wherever it is shown (console, print page).
    static func status(_ status: DutyContract.Status, _ language: UILanguage) -> String {
        let key: ShopConsoleText.Key = switch status {
        case .unsigned: .unsigned
        case .pending: .pending
        case .active: .active
        case .expiring: .expiring
        case .expired: .expired
        }
        return ShopConsoleText.text(key, language)
    }

    /// The label of a form field named as the API names it.
    static func field(_ name: String, _ language: UILanguage) -> String {
        let key: Key? = switch name {
        case "issuer.street": .issuerStreet
        case "issuer.community": .issuerCommunity
        case "issuer.squad": .issuerSquad
        case "area": .area
        case "length_metres": .lengthMetres
        case "depth_metres": .depthMetres
        case "valid_from": .validFrom
        case "valid_until": .validUntil
        case "signed_on": .signedOn
        case "issuer_signatory": .issuerSignatory
        case "shop_signatory": .shopSignatory
        default: nil
        }
        return key.map { text($0, language) } ?? name
    }

    /// A domain refusal in the page's language.
    static func problem(_ problem: DutyContract.Problem, _ language: UILanguage) -> String {
        switch problem {
        case .missing(let name): text(.missing, language, ["field": field(name, language)])
        case .tooLong(let name): text(.tooLong, language, ["field": field(name, language)])
        case .invalidMeasure(let name): text(.invalidMeasure, language, ["field": field(name, language)])
        case .periodBackwards: text(.periodBackwards, language)
        case .periodTooLong: text(.periodTooLong, language)
        case .alreadySigned: text(.alreadySigned, language)
        case .signedOutsideCreation: text(.signedBeforeDraft, language)
        }
    }
}
