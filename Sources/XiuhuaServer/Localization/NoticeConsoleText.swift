import Xiuhua

/// The console's rectification-notice pages (责令整改通知书): the issue form, a notice's page
/// with its serve, re-inspect and escalate forms, and the words for states, escalation
/// targets, event kinds and the domain's refusals.
enum NoticeConsoleText: MessageCatalog {
    enum Key: String, CaseIterable {
        // States, targets, event kinds.
        case issued, served, rectified, overdue, escalated
        case penalty, blackList
        case eventIssued, eventServed, eventReinspected, eventRectified, eventOverdue, eventEscalated
        // Pages and forms.
        case issueTitle, issueLink, party, foundAt, foundAtHint, place, placeHint, facts, law, article, clause, requirements
        case deadlineDays, officer, officerName, certificate, issue, state, deadline, rule, officers, number, print, backToList, backToShop
        case serveTitle, receivedAt, signer, serve, reinspectTitle, passed, failed, result, note, reinspect
        case escalateTitle, target, category, categoryHint, escalate, events, when, by, kind, noActions
        case caseOpened, boardListed, receipt, notServed
        case doneIssued, doneServed, doneReinspected, doneEscalated, refused, notAllowed
        // Refusals.
        case missing, tooLong, officersRule, foundInFuture, wrongState, receiptBeforeIssue, notYetDue
        case badTime, badDeadline, badTarget, noResult
        // Field names in refusals.
        case fieldSigner, fieldClause, fieldArticle
        // Actions named in a wrong-state refusal.
        case actionServe, actionReinspect, actionEscalate
    }

    static let table: [Key: (zh: String, en: String)] = [
        .issued: ("已下达", "Issued"),
        .served: ("已送达", "Served"),
        .rectified: ("已整改", "Rectified"),
        .overdue: ("逾期未改", "Overdue"),
        .escalated: ("已移交", "Escalated"),
        .penalty: ("移交执法立案处罚", "Handed over for a penalty case"),
        .blackList: ("列入黑榜", "Put on the black list"),
        .eventIssued: ("下达", "Issued"),
        .eventServed: ("送达", "Served"),
        .eventReinspected: ("复查", "Re-inspected"),
        .eventRectified: ("整改完成", "Rectified"),
        .eventOverdue: ("逾期", "Overdue"),
        .eventEscalated: ("移交", "Escalated"),
        .issueTitle: ("下达整改通知书 · {shop}", "Issue a rectification notice · {shop}"),
        .issueLink: ("下达整改通知书", "Issue a rectification notice"),
        .party: ("当事人", "Party"),
        .foundAt: ("检查时间", "Found at"),
        .foundAtHint: ("留空为现在", "Empty: now"),
        .place: ("地点", "Place"),
        .placeHint: ("留空为商户登记地址", "Empty: the shop's registered address"),
        .facts: ("违法事实", "Facts"),
        .law: ("违反的法律法规", "Law or regulation broken"),
        .article: ("条文（如：第十四条）", "Article (e.g. 第十四条)"),
        .clause: ("款、项（可不填）", "Clause (optional)"),
        .requirements: ("整改要求", "Requirements"),
        .deadlineDays: ("整改期限（工作日，1–60）", "Deadline (working days, 1–60)"),
        .officer: ("执法人员{n}", "Officer {n}"),
        .officerName: ("姓名", "Name"),
        .certificate: ("执法证号", "Certificate number"),
        .issue: ("下达通知书", "Issue the notice"),
        .state: ("状态", "State"),
        .deadline: ("整改期限", "Deadline"),
        .rule: ("违反规定", "Rule broken"),
        .officers: ("执法人员", "Officers"),
        .number: ("文号", "Number"),
        .print: ("打印通知书", "Print the notice"),
        .backToList: ("返回通知书列表", "Back to the notices"),
        .backToShop: ("返回商户", "Back to the shop"),
        .serveTitle: ("送达", "Serve"),
        .receivedAt: ("签收时间", "Received at"),
        .signer: ("签收人", "Signed by"),
        .serve: ("登记送达", "Record the receipt"),
        .reinspectTitle: ("复查", "Re-inspect"),
        .passed: ("合格，已整改", "Passed: rectified"),
        .failed: ("不合格", "Failed"),
        .result: ("复查结果", "Result"),
        .note: ("备注", "Note"),
        .reinspect: ("登记复查", "Record the re-inspection"),
        .escalateTitle: ("移交", "Escalate"),
        .target: ("移交方式", "Escalate to"),
        .category: ("处罚案件的事项代码", "Catalog code of the penalty case"),
        .categoryHint: ("留空为 09005 店外经营", "Empty: 09005 trading outside the shop"),
        .escalate: ("移交", "Escalate"),
        .events: ("办理记录", "History"),
        .when: ("时间", "When"),
        .by: ("办理人", "By"),
        .kind: ("环节", "Step"),
        .noActions: ("该通知书当前没有您可办理的环节。", "There is nothing for you to do on this notice now."),
        .caseOpened: ("处罚案件", "Penalty case"),
        .boardListed: ("已列入 {month} 黑榜", "On the {month} black list"),
        .receipt: ("送达回执", "Receipt"),
        .notServed: ("尚未送达", "Not yet served"),
        .doneIssued: ("通知书已下达。", "The notice is issued."),
        .doneServed: ("已登记送达。", "The receipt is recorded."),
        .doneReinspected: ("已登记复查。", "The re-inspection is recorded."),
        .doneEscalated: ("已移交。", "The notice is escalated."),
        .refused: ("未能办理：", "Not done: "),
        .notAllowed: ("{role}不能{what}。", "A {role} may not {what}."),
        .missing: ("请填写{field}。", "{field} is required."),
        .tooLong: ("{field}过长。", "{field} is too long."),
        .officersRule: ("应有两名执法人员，各有不同的执法证号。", "Two officers with different certificate numbers are required."),
        .foundInFuture: ("检查时间不能在将来。", "The time found cannot be in the future."),
        .wrongState: ("通知书当前为“{state}”，不能{action}。", "The notice is {state}; it cannot be {action}."),
        .receiptBeforeIssue: ("签收时间不能早于下达时间，也不能在将来。", "The receipt must lie between the issue and now."),
        .notYetDue: ("整改期限未到，不能移交。", "The deadline has not passed; it cannot be escalated yet."),
        .badTime: ("{field}应为日期和时间，如 2026-11-30 10:00。", "{field} must be a date and time, like 2026-11-30 10:00."),
        .badDeadline: ("整改期限应为 1–60 个工作日。", "The deadline must be 1–60 working days."),
        .badTarget: ("请选择移交方式。", "Choose where to escalate to."),
        .noResult: ("请选择复查结果。", "Choose the result of the re-inspection."),
        .fieldSigner: ("签收人", "Signed by"),
        .fieldClause: ("款、项", "Clause"),
        .fieldArticle: ("条文", "Article"),
        .actionServe: ("送达", "served"),
        .actionReinspect: ("复查", "re-inspected"),
        .actionEscalate: ("移交", "escalated"),
    ]

    static func state(_ state: RectificationNotice.State, _ language: UILanguage) -> String {
        let key: Key = switch state {
        case .issued: .issued
        case .served: .served
        case .rectified: .rectified
        case .overdue: .overdue
        case .escalated: .escalated
        }
        return text(key, language)
    }

    static func target(_ target: RectificationNotice.Escalation, _ language: UILanguage) -> String {
        text(target == .penalty ? .penalty : .blackList, language)
    }

    static func event(_ kind: RectificationNotice.Event.Kind, _ language: UILanguage) -> String {
        let key: Key = switch kind {
        case .issued: .eventIssued
        case .served: .eventServed
        case .reinspected: .eventReinspected
        case .rectified: .eventRectified
        case .overdue: .eventOverdue
        case .escalated: .eventEscalated
        }
        return text(key, language)
    }

    /// The domain's refusal in words for the form, naming the field as the form labels it.
    static func problem(_ problem: RectificationNotice.Problem, _ language: UILanguage) -> String {
        func field(_ name: String) -> String {
            let key: Key = switch name {
            case "place": .place
            case "facts": .facts
            case "rule.law": .law
            case "rule.article": .fieldArticle
            case "rule.clause": .fieldClause
            case "requirements": .requirements
            case "officers.name": .officerName
            case "officers.certificate": .certificate
            default: .fieldSigner
            }
            return text(key, language)
        }
        switch problem {
        case .missing(let name): return text(.missing, language, ["field": field(name)])
        case .tooLong(let name): return text(.tooLong, language, ["field": field(name)])
        case .officers: return text(.officersRule, language)
        case .foundInFuture: return text(.foundInFuture, language)
        case .receiptBeforeIssue: return text(.receiptBeforeIssue, language)
        case .notYetDue: return text(.notYetDue, language)
        case .wrongState(let state, let action):
            let verb: Key = switch action {
            case "送达": .actionServe
            case "复查": .actionReinspect
            default: .actionEscalate
            }
            return text(.wrongState, language, ["state": Self.state(state, language), "action": text(verb, language)])
        }
    }
}
