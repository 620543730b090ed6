import Foundation

/// Who must hear about a case's new events: a pure function of the case before and after
/// them, so it is tested without a database and replays the same way.
public enum NotificationRules {
    /// The notifications that `events` cause, in event order. `after` is the case with the
    /// events applied.
    public static func notifications(for events: [CaseEvent], after: CaseSnapshot) -> [CaseNotification] {
        events.flatMap { notifications(for: $0, after: after) }
    }

    /// The notifications one event causes.
    public static func notifications(for event: CaseEvent, after snapshot: CaseSnapshot) -> [CaseNotification] {
        let number = snapshot.number
        func make(_ kind: CaseNotification.Kind, _ recipient: CaseNotification.Recipient, _ text: String) -> CaseNotification {
            CaseNotification(kind: kind, recipient: recipient, caseNumber: number, ticketCode: snapshot.ticketCode, text: text)
        }
        let citizen = citizenPhone(snapshot).map { CaseNotification.Recipient.citizen(phone: $0) }
        switch event.change {
        case .dispatched(let owner, _):
            return [make(.assigned, .owner(owner), "案件 \(number) 已派遣给你单位，请按时处置：\(snapshot.description)")]
        case .reworked(let owner, let count):
            return [make(.assigned, .owner(owner), "案件 \(number) 核查未通过，第 \(count) 次返工，请重新处置")]
        case .reopened(let owner?, _):
            return [make(.assigned, .owner(owner), "案件 \(number) 市民评价未解决，已重新交你单位处置")]
        case .markedOverdue(let stage, _):
            if let owner = snapshot.currentOwner, CaseState.owned.contains(snapshot.state) {
                return [make(.overdue, .owner(owner), "案件 \(number) 已超过\(stage.label)期限")]
            }
            return [make(.overdue, .role(.dispatcher), "案件 \(number) 已超过\(stage.label)期限")]
        case .urged:
            // The overdue scheduler urges right after marking; the overdue message says it already.
            guard event.actorRole != .system, let owner = snapshot.currentOwner, CaseState.owned.contains(snapshot.state) else { return [] }
            return [make(.urged, .owner(owner), "案件 \(number) 被催办\(event.note.map { "：\($0)" } ?? "")")]
        case .supervised(let level, let order):
            guard let owner = snapshot.currentOwner else { return [] }
            return [make(.supervised, .owner(owner), "案件 \(number) \(level) 级督办：\(order)")]
        case .returned(let owner, let reason):
            return [make(.returned, .role(.dispatcher), "案件 \(number) 被\(owner.code)回退：\(reason)，请重新派遣")]
        case .whistled(_, let kind, let departments, let deadline, _, let reason):
            let text = "案件 \(number) \(kind.label)吹哨：请于 \(clockTime(deadline)) 前到场报到。\(reason)"
            return departments.map { make(.summoned, .owner(CaseOwner(kind: .department, code: $0)), text) }
        case .checkInMissed(_, let department, let deadline):
            let text = "案件 \(number) 吹哨后 \(department) 未在 \(clockTime(deadline)) 前报到"
            return [
                make(.checkInMissed, .owner(CaseOwner(kind: .department, code: department)), text),
                make(.checkInMissed, .role(.dutyChief), text),
            ]
        case .accepted:
            guard let citizen else { return [] }
            return [make(.citizenAccepted, citizen, "您反映的问题已立案，工单号 \(snapshot.ticketCode)，可凭工单号查询进度。")]
        case .closed:
            // Reporters of cases merged into this one are asked too, each by their own ticket.
            var told: [CaseNotification] = []
            if let citizen {
                told.append(make(.citizenClosed, citizen, "您反映的问题已办结，工单号 \(snapshot.ticketCode)。请凭工单号对处理结果进行评价。"))
            }
            for follower in snapshot.followerList {
                guard follower.source.isPublic, let phone = follower.reporterPhone?.trimmingCharacters(in: .whitespaces), !phone.isEmpty else {
                    continue
                }
                told.append(CaseNotification(
                    kind: .citizenClosed, recipient: .citizen(phone: phone), caseNumber: number, ticketCode: follower.ticketCode,
                    text: "您反映的问题已与同一问题合并办理并已办结，工单号 \(follower.ticketCode)。请凭工单号对处理结果进行评价。"
                ))
            }
            return told
        default:
            return []
        }
    }

    /// `MM-dd HH:mm` in China Standard Time, the time the summoned read on their clocks.
    static func clockTime(_ instant: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = WorkCalendar.chinaStandardTime
        let c = calendar.dateComponents([.month, .day, .hour, .minute], from: instant)
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "??" }
        return "\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute))"
    }

    /// The reporter's phone when the report came from the public and left one.
    static func citizenPhone(_ snapshot: CaseSnapshot) -> String? {
        guard snapshot.source.isPublic, let phone = snapshot.reporterPhone?.trimmingCharacters(in: .whitespaces), !phone.isEmpty else {
            return nil
        }
        return phone
    }
}
