import Foundation

/// A rectification notice (责令整改通知书): a written order to a party to put right a
/// breach of a named rule by a deadline, signed by two officers with their certificates.
///
/// Life: issued → served (the party signs the receipt) → re-inspected: rectified, or
/// still not right. Past the deadline without rectification it is overdue (the scheduler
/// marks it) and then escalated — handed to enforcement for a penalty, or to the black list.
public struct RectificationNotice: Hashable, Sendable, Codable {
    public struct Rule: Hashable, Sendable, Codable {
        /// 《城市市容和环境卫生管理条例》…
        public let law: String
        public let article: String
        public let clause: String?

        public init(law: String, article: String, clause: String?) {
            self.law = law
            self.article = article
            self.clause = clause
        }
    }

    public struct Officer: Hashable, Sendable, Codable {
        public let name: String
        /// 执法证号.
        public let certificate: String

        public init(name: String, certificate: String) {
            self.name = name
            self.certificate = certificate
        }
    }

    public enum State: String, Hashable, Sendable, Codable, CaseIterable {
        case issued, served, rectified, overdue, escalated

        public var label: String {
            switch self {
            case .issued: "已下达"
            case .served: "已送达"
            case .rectified: "已整改"
            case .overdue: "逾期未改"
            case .escalated: "已移交"
            }
        }
    }

    public enum Escalation: String, Hashable, Sendable, Codable {
        /// 移交执法 for a penalty case.
        case penalty
        /// 列入黑榜.
        case blackList
    }

    public struct Event: Hashable, Sendable, Codable {
        public enum Kind: String, Hashable, Sendable, Codable {
            case issued, served, reinspected, rectified, overdue, escalated
        }

        public let kind: Kind
        public let at: Date
        public let by: String
        public let note: String?
    }

    /// The id in addresses: ZG-2026-0001.
    public let number: String
    /// The number printed on the notice, in the district's format: 平城区城管责改〔2026〕第0001号.
    public let documentNumber: String
    public let shopID: String
    /// The party as named on the notice when it was issued.
    public let partyName: String
    public let partyCreditCode: String
    /// When and where the breach was found.
    public let foundAt: Date
    public let place: String
    public let facts: String
    public let rule: Rule
    public let requirements: String
    public let deadline: Date
    public let officers: [Officer]
    public let issuedAt: Date
    public private(set) var state: State
    public private(set) var receivedAt: Date?
    public private(set) var receivedBy: String?
    public private(set) var escalation: Escalation?
    /// The penalty case an escalation to `penalty` opened; nil otherwise.
    public private(set) var caseNumber: String?
    /// The 红黑榜 month whose black list an escalation to `blackList` put the party on.
    public private(set) var boardMonth: String?
    public private(set) var events: [Event]

    public enum Problem: Error, Hashable, Sendable {
        case missing(String)
        case tooLong(String)
        case officers
        case foundInFuture
        case wrongState(State, action: String)
        case receiptBeforeIssue
        case notYetDue

        public var message: String {
            switch self {
            case .missing(let field): "缺少 \(field) (\(field) is required)"
            case .tooLong(let field): "\(field) 过长 (\(field) is too long)"
            case .officers: "应有两名执法人员，各有不同的执法证号 (two officers with different certificate numbers are required)"
            case .foundInFuture: "发现时间不能在将来 (found_at cannot be in the future)"
            case .wrongState(let state, let action): "通知书当前为“\(state.label)”，不能\(action) (the notice is \(state.rawValue))"
            case .receiptBeforeIssue: "签收时间不能早于下达时间或在将来 (the receipt must lie between issue and now)"
            case .notYetDue: "整改期限未到 (the deadline has not passed)"
            }
        }
    }

    /// A new notice, checked: every text given and not too long, two officers with distinct
    /// certificates, the finding not in the future.
    public init(
        number: String, documentNumber: String, shopID: String, partyName: String, partyCreditCode: String, foundAt: Date, place: String, facts: String,
        rule: Rule, requirements: String, deadline: Date, officers: [Officer], issuedAt: Date, issuedBy: String
    ) throws(Problem) {
        func text(_ value: String, _ field: String, max: Int) throws(Problem) -> String {
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { throw .missing(field) }
            if trimmed.count > max { throw .tooLong(field) }
            return trimmed
        }
        self.number = number
        self.documentNumber = documentNumber
        self.shopID = shopID
        self.partyName = partyName
        self.partyCreditCode = partyCreditCode
        self.place = try text(place, "place", max: 200)
        self.facts = try text(facts, "facts", max: 2000)
        var clause: String?
        if let given = rule.clause, !given.trimmingCharacters(in: .whitespaces).isEmpty {
            clause = try text(given, "rule.clause", max: 50)
        }
        self.rule = Rule(law: try text(rule.law, "rule.law", max: 100), article: try text(rule.article, "rule.article", max: 50), clause: clause)
        self.requirements = try text(requirements, "requirements", max: 2000)
        var checked: [Officer] = []
        for officer in officers {
            checked.append(Officer(name: try text(officer.name, "officers.name", max: 50), certificate: try text(officer.certificate, "officers.certificate", max: 30)))
        }
        guard checked.count == 2, checked[0].certificate != checked[1].certificate else { throw .officers }
        guard foundAt <= issuedAt else { throw .foundInFuture }
        self.officers = checked
        self.foundAt = foundAt
        self.deadline = deadline
        self.issuedAt = issuedAt
        state = .issued
        events = [Event(kind: .issued, at: issuedAt, by: issuedBy, note: nil)]
    }

    /// The party signed the receipt at `receivedAt`.
    public mutating func serve(receivedAt: Date, signer: String, by officer: String, now: Date) throws(Problem) {
        guard state == .issued else { throw .wrongState(state, action: "送达") }
        let name = signer.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { throw .missing("signer") }
        if name.count > 50 { throw .tooLong("signer") }
        // A receipt is written to the minute, as the notice prints its times: one signed in
        // the minute the notice was issued is not before it.
        let issuedMinute = Date(timeIntervalSince1970: (issuedAt.timeIntervalSince1970 / 60).rounded(.down) * 60)
        guard receivedAt >= issuedMinute, receivedAt <= now else { throw .receiptBeforeIssue }
        state = .served
        self.receivedAt = receivedAt
        receivedBy = name
        events.append(Event(kind: .served, at: now, by: officer, note: "签收人：\(name)"))
    }

    /// A re-inspection: rectified when `passed`; otherwise the notice stays open (and
    /// becomes overdue when its deadline passes).
    public mutating func reinspect(passed: Bool, note: String?, by officer: String, now: Date) throws(Problem) {
        guard state == .served || state == .overdue else { throw .wrongState(state, action: "复查") }
        events.append(Event(kind: .reinspected, at: now, by: officer, note: (passed ? "复查合格" : "复查不合格") + (note.map { "：\($0)" } ?? "")))
        if passed {
            state = .rectified
            events.append(Event(kind: .rectified, at: now, by: officer, note: nil))
        } else if now > deadline {
            markOverdue(at: now)
        }
    }

    /// True when the scheduler should mark it: open and past its deadline.
    public func isDue(at now: Date) -> Bool {
        (state == .issued || state == .served) && now > deadline
    }

    public mutating func markOverdue(at now: Date) {
        guard state == .issued || state == .served else { return }
        state = .overdue
        events.append(Event(kind: .overdue, at: now, by: "逾期监控", note: nil))
    }

    /// Hands an overdue notice on: to enforcement for a penalty, or to the black list.
    public mutating func escalate(to target: Escalation, note: String?, by officer: String, now: Date) throws(Problem) {
        guard state == .overdue else {
            if (state == .issued || state == .served) && now <= deadline { throw .notYetDue }
            throw .wrongState(state, action: "移交")
        }
        state = .escalated
        escalation = target
        events.append(Event(kind: .escalated, at: now, by: officer, note: (target == .penalty ? "移交执法立案处罚" : "列入黑榜") + (note.map { "：\($0)" } ?? "")))
    }

    /// Records what the escalation did: the case it opened (`penalty`), or the month of the
    /// black list the party was put on (`blackList`). Only an escalated notice has either,
    /// and each is recorded once.
    public mutating func recordOutcome(caseNumber: String? = nil, boardMonth: String? = nil) {
        guard state == .escalated else { return }
        if escalation == .penalty, self.caseNumber == nil, let caseNumber { self.caseNumber = caseNumber }
        if escalation == .blackList, self.boardMonth == nil, let boardMonth { self.boardMonth = boardMonth }
    }

    /// The rule broken, as one phrase: 《城市市容和环境卫生管理条例》第十四条第一款.
    public var ruleText: String { "\(rule.law)\(rule.article)\(rule.clause ?? "")" }

    /// The reason a black list gives for a party put on it by this notice, in words.
    public var blackListReason: String {
        "逾期未按\(documentNumber)整改（违反\(ruleText)），移交列入黑榜"
    }
}
