// zh-CN text of the case workflow: every label and every refusal message lives here, so
// that wording is reviewed in one place and another language can follow the same shape.

import Foundation

extension CaseState {
    /// Chinese name of the state.
    public var label: String {
        switch self {
        case .reported: "待核实"
        case .selfHandledReview: "自处理待审核"
        case .awaitingAcceptance: "待立案"
        case .awaitingDispatch: "待派遣"
        case .dispatched: "待处置"
        case .extensionRequested: "延期待审批"
        case .suspensionRequested: "挂账待审批"
        case .suspended: "已挂账"
        case .cancelRequested: "作废待审批"
        case .handled: "待核查"
        case .checkPassed: "待结案"
        case .closed: "已结案"
        case .rated: "已回访"
        case .rejected: "不予受理"
        case .cancelled: "已作废"
        case .merged: "已合并"
        }
    }
}

extension Role {
    /// Chinese name of the role.
    public var label: String {
        switch self {
        case .operator: "受理员"
        case .gridWorker: "网格员"
        case .dutyChief: "值班长"
        case .dispatcher: "派遣员"
        case .streetOfficer: "街道处置人员"
        case .departmentHandler: "部门处置人员"
        case .supervisor: "督导人员"
        case .admin: "管理员"
        case .citizen: "市民"
        case .system: "系统"
        case .healthWorker: "卫健人员"
        }
    }
}

extension CaseActionKind {
    /// Chinese name of the action, as a menu shows it.
    public var label: String {
        switch self {
        case .verify: "核实"
        case .accept: "立案"
        case .reject: "不予受理"
        case .requestCancel: "申请作废"
        case .approveCancel: "作废"
        case .denyCancel: "驳回作废申请"
        case .dispatch: "派遣"
        case .return: "回退"
        case .handle: "处置反馈"
        case .check: "核查"
        case .close: "结案"
        case .rate: "回访评价"
        case .requestExtension: "申请延期"
        case .approveExtension: "批准延期"
        case .denyExtension: "驳回延期"
        case .requestSuspension: "申请挂账"
        case .approveSuspension: "批准挂账"
        case .denySuspension: "驳回挂账"
        case .resume: "挂账恢复"
        case .urge: "催办"
        case .supervise: "督办"
        case .replySupervision: "督办回复"
        case .approveSelfHandling: "自处理审核通过"
        case .rejectSelfHandling: "自处理审核不通过"
        case .markOverdue: "超期记录"
        case .whistle: "吹哨"
        case .checkIn: "报到"
        case .reportWhistle: "报到反馈"
        case .releaseSummons: "解除召集"
        case .rateSummons: "评价部门"
        case .markMissedCheckIn: "未按时报到记录"
        case .merge: "合并"
        case .publishText: "公开原文"
        }
    }

    /// What the case must be like for the action, completing "…需要…".
    var requirement: String {
        switch self {
        case .verify: "案件待核实"
        case .accept: "案件待立案"
        case .reject: "案件尚未立案"
        case .requestCancel: "案件尚未处置反馈"
        case .approveCancel: "案件尚未处置反馈或有作废申请"
        case .denyCancel: "有待审批的作废申请"
        case .dispatch: "案件已立案待派遣"
        case .return, .handle, .requestExtension, .requestSuspension: "案件已派遣待处置"
        case .check: "案件已处置反馈"
        case .close: "核查通过"
        case .rate: "案件已结案"
        case .approveExtension, .denyExtension: "有待审批的延期申请"
        case .approveSuspension, .denySuspension: "有待审批的挂账申请"
        case .resume: "案件已挂账"
        case .urge, .supervise: "案件尚未办结"
        case .replySupervision: "案件在责任单位手中"
        case .approveSelfHandling, .rejectSelfHandling: "自处理案件待审核"
        case .markOverdue: "案件在计时环节中且未挂账"
        case .whistle: "案件由本街道处置中"
        case .checkIn, .reportWhistle: "本部门被召集且案件尚未办结"
        case .releaseSummons: "案件尚未办结"
        case .rateSummons: "案件未被作废或不予受理"
        case .markMissedCheckIn: "案件尚未办结"
        case .merge: "案件尚未办结"
        case .publishText: "案件未被作废、不予受理或合并"
        }
    }
}

extension CaseSource {
    /// Chinese name of the channel.
    public var label: String {
        switch self {
        case .hotline: "热线"
        case .patrol: "巡查"
        case .web: "网站"
        case .api: "接口"
        }
    }
}

extension CaseStage {
    /// Chinese name of the stage (环节).
    public var label: String {
        switch self {
        case .verify: "核实"
        case .accept: "立案"
        case .dispatch: "派遣"
        case .disposal: "处置"
        case .check: "核查"
        case .close: "结案"
        }
    }
}

extension WhistleKind {
    /// Chinese name of the kind of whistle.
    public var label: String {
        switch self {
        case .publicDemand: "群众诉求"
        case .enforcement: "综合执法"
        case .emergency: "应急处置"
        }
    }
}

extension Summons {
    /// Where a summoned department stands, in words: 待报到, 已报到, 已反馈 …
    public func statusLabel(deadline: Date, at now: Date) -> String {
        if releasedAt != nil { return "已解除" }
        if reportedAt != nil { return "已反馈" }
        if let checkedInAt { return checkedInAt > deadline ? "已报到（迟到）" : "已报到" }
        return checkInMissed || now > deadline ? "未按时报到" : "待报到"
    }
}

extension Urgency {
    /// Chinese name of the urgency.
    public var label: String {
        switch self {
        case .normal: "一般"
        case .urgent: "紧急"
        }
    }
}

extension Rating.Satisfaction {
    /// Chinese name of the satisfaction level.
    public var label: String {
        switch self {
        case .satisfied: "满意"
        case .basicallySatisfied: "基本满意"
        case .unsatisfied: "不满意"
        }
    }
}

extension TrafficLight {
    /// Chinese name of the light.
    public var label: String {
        switch self {
        case .green: "绿灯"
        case .yellow: "黄灯"
        case .red: "红灯"
        }
    }
}

extension CaseOwner {
    /// Chinese description, e.g. "部门 D01".
    public var label: String {
        switch kind {
        case .department: "部门 \(code)"
        case .street: "街道 \(code)"
        }
    }
}

extension WorkflowRefusal {
    static func wrongState(_ action: CaseActionKind, _ state: CaseState) -> WorkflowRefusal {
        WorkflowRefusal(
            code: .wrongState,
            message: "\(action.label)需要\(action.requirement)，当前状态：\(state.label)",
            action: action,
            state: state
        )
    }

    static func forbiddenRole(_ action: CaseActionKind, _ role: Role, _ state: CaseState) -> WorkflowRefusal {
        WorkflowRefusal(
            code: .forbiddenRole,
            message: "\(role.label)无权\(action.label)，需要：\(roleList(action.rule.roles))",
            action: action,
            state: state
        )
    }

    static func outsideGrid(_ action: CaseActionKind, grid: String?, _ state: CaseState) -> WorkflowRefusal {
        WorkflowRefusal(
            code: .outOfScope,
            message: "\(action.label)限本网格的网格员，案件所在网格：\(grid ?? "未定位")",
            action: action,
            state: state
        )
    }

    static func notOwner(_ action: CaseActionKind, owner: CaseOwner?, _ state: CaseState) -> WorkflowRefusal {
        WorkflowRefusal(
            code: .outOfScope,
            message: "\(action.label)限责任单位的处置人员，案件责任单位：\(owner?.label ?? "无")",
            action: action,
            state: state
        )
    }

    static func missing(_ action: CaseActionKind, _ field: String, _ state: CaseState) -> WorkflowRefusal {
        WorkflowRefusal(code: .invalidInput, message: "\(action.label)需要填写\(field)", action: action, state: state)
    }

    static func missingOwner(_ state: CaseState) -> WorkflowRefusal {
        WorkflowRefusal(code: .invalidInput, message: "派遣需要指定责任单位编码", action: .dispatch, state: state)
    }

    static func badExtension(_ state: CaseState) -> WorkflowRefusal {
        WorkflowRefusal(code: .invalidInput, message: "申请延期需要大于零的时限", action: .requestExtension, state: state)
    }

    static func badSupervisionLevel(_ level: Int, _ state: CaseState) -> WorkflowRefusal {
        WorkflowRefusal(
            code: .invalidInput,
            message: "督办级别应为\(Supervision.levels.lowerBound)至\(Supervision.levels.upperBound)级，收到：\(level)",
            action: .supervise,
            state: state
        )
    }

    static func noOpenSupervision(_ state: CaseState) -> WorkflowRefusal {
        WorkflowRefusal(code: .wrongState, message: "督办回复需要有待回复的督办，当前没有", action: .replySupervision, state: state)
    }

    static func notOverdue(_ stage: CaseStage, _ state: CaseState) -> WorkflowRefusal {
        WorkflowRefusal(code: .notOverdue, message: "\(stage.label)环节尚未超期", action: .markOverdue, state: state)
    }

    static func overdueAlreadyMarked(_ stage: CaseStage, _ state: CaseState) -> WorkflowRefusal {
        WorkflowRefusal(code: .alreadyRecorded, message: "\(stage.label)环节的本次超期已记录", action: .markOverdue, state: state)
    }

    static func reporterRole(_ source: CaseSource, _ role: Role?) -> WorkflowRefusal {
        let needed: String = switch source {
        case .hotline: Role.operator.label
        case .patrol: Role.gridWorker.label
        case .web: "\(Role.citizen.label)或匿名"
        case .api: Role.system.label
        }
        return WorkflowRefusal(
            code: .forbiddenRole,
            message: "\(role?.label ?? "匿名用户")不能从\(source.label)上报，需要：\(needed)"
        )
    }

    static func reportMissing(_ field: String) -> WorkflowRefusal {
        WorkflowRefusal(code: .invalidInput, message: "上报需要填写\(field)")
    }

    static let patrolNeedsEvidence = WorkflowRefusal(code: .invalidInput, message: "巡查上报需要定位和至少一张照片")

    static let nonPositiveDisposalLimit = WorkflowRefusal(code: .invalidInput, message: "上报需要大于零的处置时限")

    static let coordinatesOutOfRange = WorkflowRefusal(code: .invalidInput, message: "坐标超出范围：纬度应在±90之间，经度应在±180之间")

    static let directAcceptanceOnlyHotline = WorkflowRefusal(code: .invalidInput, message: "直接送立案仅限受理员的热线受理")

    static func notSummoned(_ action: CaseActionKind, _ state: CaseState) -> WorkflowRefusal {
        WorkflowRefusal(code: .outOfScope, message: "\(action.label)限被吹哨召集且尚未完成的部门", action: action, state: state)
    }

    static func summonsOutstanding(_ state: CaseState) -> WorkflowRefusal {
        WorkflowRefusal(
            code: .summonsOutstanding, message: "结案需要被召集的部门均已反馈或解除召集（事不完，人不撤）", action: .close, state: state
        )
    }

    static func alreadyCheckedIn(_ state: CaseState) -> WorkflowRefusal {
        WorkflowRefusal(code: .alreadyRecorded, message: "本部门已报到，无需重复报到", action: .checkIn, state: state)
    }

    static func notCheckedIn(_ state: CaseState) -> WorkflowRefusal {
        WorkflowRefusal(code: .wrongState, message: "报到反馈需要先到场报到", action: .reportWhistle, state: state)
    }

    static func noSummons(_ action: CaseActionKind, _ state: CaseState) -> WorkflowRefusal {
        let needed = action == .rateSummons ? "已反馈且未评价的被召集部门" : "尚未完成的被召集部门"
        return WorkflowRefusal(code: .wrongState, message: "\(action.label)需要\(needed)", action: action, state: state)
    }

    static func noMissedCheckIn(_ state: CaseState) -> WorkflowRefusal {
        WorkflowRefusal(code: .notOverdue, message: "没有超过报到时限未报到的部门", action: .markMissedCheckIn, state: state)
    }

    static func noDepartments(_ state: CaseState) -> WorkflowRefusal {
        WorkflowRefusal(code: .invalidInput, message: "吹哨需要至少指定一个被召集部门", action: .whistle, state: state)
    }

    static func whistleAlreadyBlown(_ id: String, _ state: CaseState) -> WorkflowRefusal {
        WorkflowRefusal(code: .alreadyRecorded, message: "该案件已在本次吹哨中：\(id)", action: .whistle, state: state)
    }

    static func textNotWithheld(_ source: CaseSource, _ state: CaseState) -> WorkflowRefusal {
        WorkflowRefusal(code: .alreadyRecorded, message: "\(source.label)案件的原文已公开，只有热线案件的原文需要公开", action: .publishText, state: state)
    }

    static func mergeTargetMissing(_ state: CaseState) -> WorkflowRefusal {
        WorkflowRefusal(code: .invalidInput, message: "合并需要填写存在的目标案件编号 into", action: .merge, state: state)
    }

    static func mergeIntoItself(_ state: CaseState) -> WorkflowRefusal {
        WorkflowRefusal(code: .invalidInput, message: "案件不能合并到自身", action: .merge, state: state)
    }

    static func mergeTargetMerged(_ number: String, into: String, _ state: CaseState) -> WorkflowRefusal {
        WorkflowRefusal(
            code: .wrongState, message: "目标案件 \(number) 已合并到 \(into)，请合并到 \(into)（不能形成循环合并）", action: .merge, state: state
        )
    }

    static func mergeTargetClosed(_ number: String, _ target: CaseState, _ state: CaseState) -> WorkflowRefusal {
        WorkflowRefusal(code: .wrongState, message: "目标案件 \(number) 已\(target.label)，只能合并到尚未办结的案件", action: .merge, state: state)
    }

    static func mergeSummonsOutstanding(_ state: CaseState) -> WorkflowRefusal {
        WorkflowRefusal(code: .summonsOutstanding, message: "合并需要被召集的部门均已反馈或解除召集", action: .merge, state: state)
    }

    static let selfHandlingOnlyPatrol = WorkflowRefusal(code: .invalidInput, message: "自处理仅限网格员巡查上报")

    private static func roleList(_ roles: Set<Role>) -> String {
        Role.allCases.filter(roles.contains).map(\.label).joined(separator: "、")
    }
}

/// Names of fields in refusal messages.
enum FieldName {
    static let reason = "原因"
    static let note = "说明"
    static let order = "督办意见"
    static let reply = "回复内容"
    static let number = "案件编号"
    static let ticketCode = "查询码"
    static let categoryCode = "事项类别"
    static let description = "问题描述"
    static let address = "地址"
    static let whistleID = "吹哨编号"
    static let report = "处置情况"
}

extension CaseEventKind {
    /// Chinese name of the event, as staff read it in a case's history.
    public var label: String {
        switch self {
        case .reported: "上报"
        case .verified: "核实"
        case .accepted: "立案"
        case .rejected: "不予受理"
        case .cancelRequested: "申请作废"
        case .cancelled: "作废"
        case .cancelDenied: "作废未批准"
        case .dispatched: "派遣"
        case .returned: "回退"
        case .handled: "处置反馈"
        case .checked: "核查"
        case .reworked: "返工"
        case .closed: "结案"
        case .rated: "回访评价"
        case .reopened: "重新办理"
        case .extensionRequested: "申请延期"
        case .extensionApproved: "延期批准"
        case .extensionDenied: "延期未批准"
        case .suspensionRequested: "申请挂账"
        case .suspensionApproved: "挂账批准"
        case .suspensionDenied: "挂账未批准"
        case .resumed: "恢复办理"
        case .urged: "催办"
        case .supervised: "督办"
        case .supervisionReplied: "督办回复"
        case .selfHandlingApproved: "自处理审核通过"
        case .selfHandlingRejected: "自处理审核未通过"
        case .markedOverdue: "超期"
        case .whistled: "吹哨"
        case .checkedIn: "部门报到"
        case .whistleReported: "报到反馈"
        case .summonsReleased: "解除召集"
        case .summonsRated: "部门评价"
        case .checkInMissed: "未按时报到"
        case .merged: "合并至他案"
        case .absorbed: "合并他案"
        case .textPublished: "公开原文"
        }
    }

    /// What a citizen following the ticket is told about this event, or nil when the
    /// event is internal (notes, approvals, supervision and reminders stay inside).
    public var publicMessage: String? {
        switch self {
        case .reported: "您的反映已收到"
        case .verified: "网格员已到现场核实"
        case .accepted: "已立案"
        case .rejected: "不予受理"
        case .cancelled: "案件已作废"
        case .dispatched: "已派遣至责任单位处置"
        case .handled: "责任单位已处置完毕，等待现场核查"
        case .reworked: "核查未通过，责任单位重新处置"
        case .closed: "已办结，请您评价"
        case .rated: "感谢您的评价"
        case .reopened: "您反映问题未解决，已重新办理"
        case .suspensionApproved: "问题需较长时间解决，已列入计划"
        case .resumed: "已恢复办理"
        case .selfHandlingApproved: "已现场处置并办结"
        case .whistled: "街道已召集相关部门联合处置"
        case .merged: "与同一问题的其他反映合并办理"
        default: nil
        }
    }
}
