import Foundation

/// The district's ordered routing rules and the catalog fallback: the owner suggested to
/// the dispatcher for a new case.
///
/// The text format, one rule per line, fields separated by blanks, `*` for "any",
/// `#` starts a comment:
///
/// ```
/// # category  region      time         days     owner            sub-command
/// 09006       140213003   08:00-20:00  mon-fri  dept:chengguan   shirong
/// 0901        *           22:00-06:00  *        dept:gongan
/// 06          140213005   *            sat,sun  street
/// ```
///
/// `category` is a code prefix; `region` a street, community or grid code; `time` a local
/// window (it may wrap midnight); `days` a list or range of mon…sun; `owner` is
/// `dept:CODE`, `street:CODE` or `street` (the street the case lies in); the sub-command
/// is optional.
public struct RoutingRules: Hashable, Sendable, Codable {
    public var rules: [RoutingRule]

    public init(_ rules: [RoutingRule] = []) {
        self.rules = rules
    }

    /// What routing decided for a case.
    public struct Decision: Hashable, Sendable {
        public var owner: CaseOwner?
        public var subCommandCode: String?
        /// The 1-based position of the rule that matched; nil when the catalog decided.
        public var ruleNumber: Int?
    }

    /// The first matching rule's owner, else the catalog's default owner.
    public func route(category: Category, location: CaseLocation, at instant: Date, timeZone: TimeZone) -> Decision {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.weekday, .hour, .minute], from: instant)
        // Foundation counts Sunday = 1; ISO counts Monday = 1.
        let weekday = Weekday(rawValue: ((parts.weekday ?? 1) + 5) % 7 + 1) ?? .monday
        let minute = (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
        for (index, rule) in rules.enumerated()
        where rule.matches(categoryCode: category.code, location: location, weekday: weekday, minute: minute) {
            let owner: CaseOwner? = switch rule.target {
            case .owner(let owner): owner
            case .territorialStreet: location.streetCode.map(CaseOwner.street)
            }
            return Decision(owner: owner, subCommandCode: rule.subCommandCode ?? category.commandCode, ruleNumber: index + 1)
        }
        return Decision(
            owner: IntakeRouting.suggestedOwner(for: category, streetCode: location.streetCode),
            subCommandCode: category.commandCode, ruleNumber: nil
        )
    }
}

/// A routing rules text that cannot be read, naming the line.
public struct RoutingRulesError: Error, Hashable, Sendable, CustomStringConvertible {
    public let line: Int
    public let problem: String

    public init(line: Int, problem: String) {
        self.line = line
        self.problem = problem
    }

    public var description: String { "路由规则第 \(line) 行 (routing rules line \(line)): \(problem)" }
}

extension RoutingRules {
    /// Reads the text format described on the type.
    public init(parsing text: String) throws(RoutingRulesError) {
        var rules: [RoutingRule] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if fields.isEmpty { continue }
            rules.append(try Self.rule(fields, line: index + 1))
        }
        self.init(rules)
    }

    /// The rules in the text format, one per line; `RoutingRules(parsing:)` reads it back.
    public var text: String {
        rules.map { rule in
            let window = rule.window.map { "\(Self.clock($0.start))-\(Self.clock($0.end))" } ?? "*"
            let days = rule.weekdays.isEmpty ? "*" : rule.weekdays.sorted().map(\.abbreviation).joined(separator: ",")
            let owner = switch rule.target {
            case .territorialStreet: "street"
            case .owner(let owner): owner.kind == .department ? "dept:\(owner.code)" : "street:\(owner.code)"
            }
            return [rule.categoryPrefix.isEmpty ? "*" : rule.categoryPrefix, rule.regionCode ?? "*", window, days, owner, rule.subCommandCode]
                .compactMap { $0 }.joined(separator: "\t")
        }.joined(separator: "\n") + (rules.isEmpty ? "" : "\n")
    }

    private static func rule(_ fields: [String], line: Int) throws(RoutingRulesError) -> RoutingRule {
        guard (5...6).contains(fields.count) else {
            throw RoutingRulesError(line: line, problem: "需要 5 或 6 个字段：事项 区域 时段 星期 责任单位 [分指挥部] (expected 5 or 6 fields, got \(fields.count))")
        }
        let category = fields[0] == "*" ? "" : fields[0]
        guard category.allSatisfy(\.isASCII), category.allSatisfy(\.isNumber), category.count <= 5 else {
            throw RoutingRulesError(line: line, problem: "事项应为编码前缀，如 09 或 09006 (category must be a code prefix): \(fields[0])")
        }
        let region = fields[1] == "*" ? nil : fields[1]
        if let region, !(region.allSatisfy(\.isNumber) && region.allSatisfy(\.isASCII)) {
            throw RoutingRulesError(line: line, problem: "区域应为街道、社区或网格编码 (region must be a region code): \(region)")
        }
        let window = try fields[2] == "*" ? nil : Self.window(fields[2], line: line)
        let days = try fields[3] == "*" ? [] : Self.days(fields[3], line: line)
        let target: RoutingRule.Target
        switch fields[4] {
        case "street": target = .territorialStreet
        case let owner where owner.hasPrefix("dept:") && owner.count > 5: target = .owner(.department(String(owner.dropFirst(5))))
        case let owner where owner.hasPrefix("street:") && owner.count > 7: target = .owner(.street(String(owner.dropFirst(7))))
        default:
            throw RoutingRulesError(line: line, problem: "责任单位应为 dept:编码、street:编码 或 street (owner must be dept:CODE, street:CODE or street): \(fields[4])")
        }
        return RoutingRule(
            categoryPrefix: category, regionCode: region, window: window, weekdays: days, target: target,
            subCommandCode: fields.count == 6 ? fields[5] : nil
        )
    }

    private static func window(_ text: String, line: Int) throws(RoutingRulesError) -> RoutingRule.TimeWindow {
        let parts = text.split(separator: "-").map(String.init)
        guard parts.count == 2, let start = minute(parts[0]), let end = minute(parts[1]), start != end else {
            throw RoutingRulesError(line: line, problem: "时段应写作 08:00-20:00 (time must be HH:MM-HH:MM): \(text)")
        }
        return RoutingRule.TimeWindow(start: start, end: end)
    }

    private static func minute(_ text: String) -> Int? {
        let parts = text.split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2, (0...24).contains(parts[0]), (0...59).contains(parts[1]) else { return nil }
        let minute = parts[0] * 60 + parts[1]
        return minute <= 24 * 60 ? minute : nil
    }

    private static func days(_ text: String, line: Int) throws(RoutingRulesError) -> Set<Weekday> {
        var days: Set<Weekday> = []
        for item in text.split(separator: ",").map(String.init) {
            let ends = item.split(separator: "-").map { Weekday(abbreviation: String($0)) }
            switch ends.count {
            case 1 where ends[0] != nil: days.insert(ends[0]!)
            case 2 where ends[0] != nil && ends[1] != nil && ends[0]! <= ends[1]!:
                for raw in ends[0]!.rawValue...ends[1]!.rawValue { days.insert(Weekday(rawValue: raw)!) }
            default:
                throw RoutingRulesError(line: line, problem: "星期应写作 mon-fri 或 sat,sun (days must be like mon-fri or sat,sun): \(text)")
            }
        }
        return days
    }

    private static func clock(_ minute: Int) -> String {
        String(format: "%02d:%02d", minute / 60, minute % 60)
    }
}
