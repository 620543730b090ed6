/// The console's inspection pages (门前五包 and market safety checks).
enum InspectionConsoleText: MessageCatalog {
    enum Key: String, CaseIterable {
        case start, title, item, result, pass, fail, findings, note, submit, refused, badFindings, score, section, deduction
        case openCase, opened, noCategory, caseLink, recorded, backToShop, inspection, officer, when
    }

    static let table: [Key: (zh: String, en: String)] = [
        .start: ("开始检查：{template}", "Inspect: {template}"),
        .title: ("{template} · {shop}", "{template} · {shop}"),
        .item: ("检查项", "Item"),
        .result: ("结果", "Result"),
        .pass: ("合格", "Pass"),
        .fail: ("不合格", "Fail"),
        .findings: ("问题处数", "Findings"),
        .note: ("备注", "Note"),
        .submit: ("提交检查结果", "Submit the inspection"),
        .refused: ("未能提交：", "Not submitted: "),
        .badFindings: ("问题处数应为 1–20 的整数 (findings must be a whole number 1–20): {item}", "Findings must be a whole number 1–20: {item}"),
        .score: ("得分 {score} / {maximum}", "Score {score} / {maximum}"),
        .section: ("分项", "Section"),
        .deduction: ("扣分", "Deducted"),
        .openCase: ("立案", "Open a case"),
        .opened: ("已立案：", "Case opened: "),
        .noCategory: ("无对应案件分类，请以整改通知处理", "No case category; use a rectification notice"),
        .caseLink: ("案件 {number}", "Case {number}"),
        .recorded: ("检查结果已保存。", "The inspection is saved."),
        .backToShop: ("返回商户", "Back to the shop"),
        .inspection: ("检查记录", "Inspection"),
        .officer: ("检查人", "Officer"),
        .when: ("时间", "When"),
    ]
}
