import Foundation
import Xiuhua

/// The A4 page of a rectification notice: number, party, time and place, facts, the rule
/// broken, requirements and deadline, the two officers, and the receipt.
struct NoticeSheet {
    let notice: RectificationNotice
    let shop: Shop
    let language: UILanguage
    let timeZone: TimeZone

    func t(_ key: NoticeText.Key) -> String { NoticeText.text(key, language) }

    func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    var markup: Markup {
        func row(_ key: NoticeText.Key, _ value: String) -> Markup { "<tr><th scope=\"row\">\(t(key))</th><td>\(value)</td></tr>" }
        let ruleText = notice.ruleText
        var state = NoticeConsoleText.state(notice.state, language)
        if let escalation = notice.escalation {
            state += "（\(NoticeConsoleText.target(escalation, language))\(notice.caseNumber.map { " \($0)" } ?? "")）"
        }
        let officers = notice.officers.map { Markup("<div>\(t(.officer))：\($0.name)<br>\(t(.certificate))：\($0.certificate)</div>") }
        let receipt: Markup = notice.receivedAt.map { at in
            "<p id=\"receipt\">\(t(.receivedAt))：\(time(at))　\(t(.signer))：\(notice.receivedBy ?? "")</p>"
        } ?? "<p id=\"receipt\">\(t(.receivedAt))：______年____月____日____时　\(t(.signer))：__________</p>"
        return """
        <h1>\(t(.title))</h1>
        <p class="doc-number" id="notice-number">\(notice.documentNumber)</p>
        <p class="status" id="notice-state">\(t(.state))：\(state)</p>
        <table class="fields">
        \(row(.party, notice.partyName))\(row(.creditCode, notice.partyCreditCode))\(row(.address, shop.details.address))\
        \(row(.foundAt, time(notice.foundAt)))\(row(.place, notice.place))
        </table>
        <h2>\(t(.facts))</h2>
        <p id="facts">\(notice.facts)</p>
        <h2>\(t(.rule))</h2>
        <p id="rule">\(t(.ruleLead))\(ruleText)\(t(.ruleTail))</p>
        <h2>\(t(.requirements))</h2>
        <p id="requirements">\(notice.requirements)</p>
        <p id="deadline"><strong>\(t(.deadline))：\(time(notice.deadline))</strong></p>
        <p>\(t(.warning))</p>
        <div class="signatures">\(officers)</div>
        <p>\(t(.issuedAt))：\(time(notice.issuedAt))</p>
        <h2>\(t(.receipt))</h2>
        \(receipt)
        """
    }
}

/// The printed rectification notice.
enum NoticeText: MessageCatalog {
    enum Key: String, CaseIterable {
        case title, state, party, creditCode, address, foundAt, place, facts, rule, ruleLead, ruleTail, requirements
        case deadline, warning, officer, certificate, issuedAt, receipt, receivedAt, signer
    }

    static let table: [Key: (zh: String, en: String)] = [
        .title: ("责令整改通知书", "Rectification notice"),
        .state: ("状态", "Status"),
        .party: ("当事人", "Party"),
        .creditCode: ("统一社会信用代码", "Unified social credit code"),
        .address: ("地址", "Address"),
        .foundAt: ("检查时间", "Found at"),
        .place: ("地点", "Place"),
        .facts: ("违法事实", "Facts"),
        .rule: ("违反规定", "Rule broken"),
        .ruleLead: ("上述行为违反了", "The above breaches "),
        .ruleTail: ("的规定。", "."),
        .requirements: ("整改要求", "Requirements"),
        .deadline: ("整改期限", "Deadline"),
        .warning: ("逾期不整改的，将依法移交处罚并列入黑榜。", "Failing rectification by the deadline, the matter is handed over for a penalty and the party enters the black list."),
        .officer: ("执法人员", "Officer"),
        .certificate: ("执法证号", "Certificate"),
        .issuedAt: ("下达时间", "Issued at"),
        .receipt: ("送达回执", "Receipt"),
        .receivedAt: ("签收时间", "Received at"),
        .signer: ("签收人", "Signed by"),
    ]
}
