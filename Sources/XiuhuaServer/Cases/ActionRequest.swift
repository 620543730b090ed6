import Xiuhua

/// The body of `POST /api/v1/cases/{number}/actions`: `{"action": "dispatch", "owner":
/// "dept:huanwei", …}`. Which other fields are needed depends on the action.
public struct ActionRequest: Decodable, Sendable {
    let action: String
    let note: String?
    let reason: String?
    let photos: [String]?
    let owner: String?
    let real: Bool?
    let passed: Bool?
    let satisfaction: String?
    let fixed: Bool?
    let limit: String?
    let extension_: String?
    let level: Int?
    let order: String?
    let reply: String?
    let expectedVersion: Int?
    // Fields added with 吹哨报到: optional in the memberwise form, so older callers still build.
    var kind: String? = nil
    var departments: [String]? = nil
    var department: String? = nil
    var whistleID: String? = nil
    var report: String? = nil
    /// merge: the number of the surviving case.
    var into: String? = nil

    private enum CodingKeys: String, CodingKey {
        case action, note, reason, photos, owner, real, passed, satisfaction, fixed, limit, level, order, reply
        case kind, departments, department, report, into
        case whistleID = "whistle_id"
        case extension_ = "extension"
        case expectedVersion = "expected_version"
    }

    /// The workflow action this request asks for, or a 400 naming what is missing or wrong.
    func caseAction() throws -> CaseAction {
        guard let kind = CaseActionKind(rawValue: action) else {
            let known = CaseActionKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw APIError.badRequest("unknown_action", "未知的操作 action (unknown action): \(action) — one of: \(known)")
        }
        let photos = self.photos ?? []
        switch kind {
        case .verify: return .verify(real: try required(real, "real"), note: note, photos: photos)
        case .accept: return .accept(note: note)
        case .reject: return .reject(reason: try required(reason, "reason"))
        case .requestCancel: return .requestCancel(reason: try required(reason, "reason"))
        case .approveCancel: return .approveCancel(reason: reason)
        case .denyCancel: return .denyCancel(note: note)
        case .dispatch: return .dispatch(to: try parsedOwner(), note: note)
        case .return: return .return(reason: try required(reason, "reason"))
        case .handle: return .handle(note: try required(note, "note"), photos: photos)
        case .check: return .check(passed: try required(passed, "passed"), note: note, photos: photos)
        case .close: return .close(note: note)
        case .rate: return .rate(try Self.rating(satisfaction: satisfaction, fixed: fixed), note: note)
        case .requestExtension:
            let text = try required(limit, "limit")
            guard let parsed = TimeLimit(catalogNotation: text) else {
                throw APIError.badRequest("invalid_limit", "时限 limit 格式应如 4h（工作时）、2d（工作日）、120m（分钟）(bad limit): \(text)")
            }
            let deadlineExtension: DeadlineExtension = switch extension_ {
            case "new_limit": .newLimit(parsed)
            case nil, "extra_time": .extraTime(parsed)
            default: throw APIError.badRequest("invalid_extension", "extension 应为 extra_time 或 new_limit (got \(extension_ ?? ""))")
            }
            return .requestExtension(deadlineExtension, reason: try required(reason, "reason"))
        case .approveExtension: return .approveExtension(note: note)
        case .denyExtension: return .denyExtension(note: note)
        case .requestSuspension: return .requestSuspension(reason: try required(reason, "reason"))
        case .approveSuspension: return .approveSuspension(note: note)
        case .denySuspension: return .denySuspension(note: note)
        case .resume: return .resume(note: note)
        case .urge: return .urge(note: note)
        case .supervise:
            let level = try required(level, "level")
            guard (1...3).contains(level) else {
                throw APIError.badRequest("invalid_level", "督办级别 level 应为 1、2 或 3 (level must be 1–3), got \(level)")
            }
            return .supervise(level: level, order: try required(order, "order"))
        case .replySupervision: return .replySupervision(reply: try required(reply, "reply"))
        case .approveSelfHandling: return .approveSelfHandling(note: note)
        case .rejectSelfHandling: return .rejectSelfHandling(note: note)
        case .markOverdue: return .markOverdue
        case .whistle:
            // A single case's whistle gets its own id; a joint one comes through /api/v1/whistles.
            return .whistle(
                id: whistleID ?? WhistleRoutes.newWhistleID(), kind: try whistleKind(), departments: try required(departments, "departments"),
                reason: try required(reason, "reason")
            )
        case .checkIn: return .checkIn(whistleID: whistleID, note: note)
        case .reportWhistle: return .reportWhistle(report: try required(report ?? note, "report"), whistleID: whistleID, photos: photos)
        case .releaseSummons: return .releaseSummons(department: try required(department, "department"), reason: try required(reason, "reason"))
        case .rateSummons:
            guard let text = satisfaction, let value = Rating.Satisfaction(rawValue: text) else {
                throw APIError.badRequest(
                    "invalid_satisfaction", "满意度 satisfaction 应为 satisfied、basicallySatisfied 或 unsatisfied (got \(satisfaction ?? "nothing"))"
                )
            }
            return .rateSummons(department: try required(department, "department"), satisfaction: value, note: note)
        case .markMissedCheckIn: return .markMissedCheckIn
        case .merge: return .merge(into: try required(into, "into"), note: note)
        case .publishText: return .publishText(note: note)
        }
    }

    func whistleKind() throws -> WhistleKind {
        guard let text = kind, let value = WhistleKind(rawValue: text) else {
            throw APIError.badRequest(
                "invalid_whistle_kind", "吹哨类型 kind 应为 publicDemand（群众诉求）、enforcement（综合执法）或 emergency（应急处置）(got \(kind ?? "nothing"))"
            )
        }
        return value
    }

    private func required<T>(_ value: T?, _ field: String) throws -> T {
        if let text = value as? String, text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw APIError.badRequest("missing_field", "操作 \(action) 需要填写 \(field) (\(field) is required for \(action))")
        }
        guard let value else {
            throw APIError.badRequest("missing_field", "操作 \(action) 需要填写 \(field) (\(field) is required for \(action))")
        }
        return value
    }

    private func parsedOwner() throws -> CaseOwner {
        let text = try required(owner, "owner")
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[1].isEmpty else {
            throw APIError.badRequest("invalid_owner", "责任单位 owner 应写作 dept:部门编码 或 street:街道编码 (got \(text))")
        }
        switch parts[0] {
        case "dept", "department": return .department(parts[1])
        case "street": return .street(parts[1])
        default: throw APIError.badRequest("invalid_owner", "责任单位 owner 应写作 dept:部门编码 或 street:街道编码 (got \(text))")
        }
    }

    static func rating(satisfaction: String?, fixed: Bool?) throws -> Rating {
        guard let text = satisfaction, let value = Rating.Satisfaction(rawValue: text) else {
            throw APIError.badRequest(
                "invalid_satisfaction",
                "满意度 satisfaction 应为 satisfied、basicallySatisfied 或 unsatisfied (got \(satisfaction ?? "nothing"))"
            )
        }
        return Rating(satisfaction: value, fixed: fixed ?? (value != .unsatisfied))
    }
}
