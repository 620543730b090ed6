import Foundation
import Xiuhua
import XiuhuaGeo
import XiuhuaStore

/// A case as staff see it through the API. The reporter's name and phone are masked for
/// roles that do not need them (个人信息保护法).
struct CaseView: Codable {
    struct Named: Codable {
        let code: String
        let name: String
    }

    struct Place: Codable {
        let lat: Double?
        let lon: Double?
        let address: String
        let grid: Named?
        let community: Named?
        let street: Named?
    }

    struct Reporter: Codable {
        let name: String?
        let phone: String?
        let masked: Bool
    }

    struct Owner: Codable {
        let kind: String
        let code: String
        let name: String
    }

    struct Stage: Codable {
        let stage: String
        let label: String
        let startedAt: Date
        let deadline: Date
        let limit: String
        let light: String?
        let lightLabel: String?
        let overdue: Bool
    }

    let number: String
    // No ticket code: it is the citizen's credential (to follow and to rate the case), and
    // staff never receive it.
    let state: String
    let stateLabel: String
    let source: String
    let sourceLabel: String
    let category: Named
    let urgency: String
    let command: Named?
    let location: Place
    let description: String
    let photos: [String]
    /// Our attachments on the case, as API addresses: the problem (report, verification)
    /// and the fix (handling, check). Without the history only the report's are known.
    let beforePhotos: [String]
    let afterPhotos: [String]
    let reporter: Reporter
    let owner: Owner?
    let suggestedOwner: Owner?
    let stage: Stage?
    let dispatchCount: Int
    let reworkCount: Int
    let extensionCount: Int
    let reopenedCount: Int
    let urgeCount: Int
    let rating: String?
    let createdAt: Date
    let acceptedAt: Date?
    let dispatchedAt: Date?
    let handledAt: Date?
    let closedAt: Date?
    let lastEventAt: Date
    let version: Int
    /// 吹哨报到: each whistle with its summoned departments and where they stand.
    let whistles: [WhistleView]
    /// Summoned departments that did not check in on time (counted in evaluation).
    let missedCheckIns: Int
    /// Dispatch accuracy: owners that returned the case, and re-dispatches to a new owner.
    let returnedBy: [Owner]
    let redispatchCount: Int?
    /// 合并: the case this one was merged into, and the cases merged into this one.
    let mergedInto: String?
    let mergedCases: [String]
    let allowedActions: [String]?
    let events: [EventView]?

    init(_ s: CaseSnapshot, for actor: Actor, services: XiuhuaServices, events: [StoredCaseEvent]? = nil) {
        let now = services.now()
        let tree = services.regions
        func named(_ code: String?) -> Named? {
            guard let code else { return nil }
            return Named(code: code, name: tree?[code]?.name ?? code)
        }
        number = s.number
        state = s.state.rawValue
        stateLabel = s.state.label
        source = s.source.rawValue
        sourceLabel = s.source.label
        category = Named(code: s.categoryCode, name: services.catalog.matter(code: s.categoryCode)?.name ?? s.categoryCode)
        urgency = s.urgency.label
        command = s.subCommandCode.map { Named(code: $0, name: services.organisation.command($0)?.name ?? $0) }
        location = Place(
            lat: s.location.latitude, lon: s.location.longitude, address: s.location.address,
            grid: named(s.location.gridCode), community: named(s.location.communityCode), street: named(s.location.streetCode)
        )
        description = s.description
        photos = s.photos
        let casePhotos = CasePhotos(s, events: events)
        beforePhotos = casePhotos.before.map(PhotoRules.apiURL)
        afterPhotos = casePhotos.after.map(PhotoRules.apiURL)
        let sees = actor.role.seesReporterIdentity
        reporter = Reporter(
            name: sees ? s.reporterName : s.reporterName.map(NameMask.mask),
            phone: sees ? s.reporterPhone : s.reporterPhone.map(PhoneMask.mask),
            masked: !sees
        )
        owner = s.currentOwner.map { Self.owner($0, services) }
        suggestedOwner = s.suggestedOwner.map { Self.owner($0, services) }
        if let clock = s.stageClock, s.state.isOpen {
            let light = s.isSuspended ? nil : TrafficLight(for: s, at: now, clock: services.calendar)
            stage = Stage(
                stage: clock.stage.rawValue, label: clock.stage.label, startedAt: clock.startedAt, deadline: clock.deadline,
                limit: clock.limit.chineseText, light: light?.rawValue, lightLabel: light?.label, overdue: s.isOverdue(at: now)
            )
        } else {
            stage = nil
        }
        dispatchCount = s.dispatchCount
        reworkCount = s.reworkCount
        extensionCount = s.extensionCount
        reopenedCount = s.reopenedCount
        urgeCount = s.urgeCount
        rating = s.rating?.satisfaction.rawValue
        createdAt = s.createdAt
        acceptedAt = s.acceptedAt
        dispatchedAt = s.dispatchedAt
        handledAt = s.handledAt
        closedAt = s.closedAt
        lastEventAt = s.lastEventAt
        version = s.version
        whistles = s.whistleList.map { WhistleView($0, at: now, services: services) }
        missedCheckIns = s.missedCheckInCount
        mergedInto = s.mergedInto
        mergedCases = s.followerList.map(\.number)
        returnedBy = s.previousOwners.map { Self.owner($0, services) }
        redispatchCount = events.map { events in
            events.filter { if case .dispatched(_, true) = $0.event.change { true } else { false } }.count
        }
        if let events {
            allowedActions = Workflow.allowedActions(for: s, by: actor, at: now).map(\.rawValue)
            self.events = events.map { EventView($0, showsIdentity: sees, services: services) }
        } else {
            allowedActions = nil
            self.events = nil
        }
    }

    static func owner(_ owner: CaseOwner, _ services: XiuhuaServices) -> Owner {
        let name = switch owner.kind {
        case .department: services.organisation.department(owner.code)?.name
        case .street: services.regions?[owner.code]?.name
        }
        return Owner(kind: owner.kind.rawValue, code: owner.code, name: name ?? owner.code)
    }
}

/// A whistle on a case and its summoned departments.
struct WhistleView: Codable {
    struct SummonsView: Codable {
        let department: CaseView.Owner
        let status: String
        let checkedInAt: Date?
        let checkedInLate: Bool
        let checkInMissed: Bool
        let reportedAt: Date?
        let report: String?
        let releasedAt: Date?
        let releaseReason: String?
        let rating: String?
        let ratingLabel: String?
    }

    let id: String
    let kind: String
    let kindLabel: String
    let reason: String
    let calledAt: Date
    let checkInDeadline: Date
    let jointCases: [String]
    let summons: [SummonsView]

    init(_ w: Whistle, at now: Date, services: XiuhuaServices) {
        id = w.id
        kind = w.kind.rawValue
        kindLabel = w.kind.label
        reason = w.reason
        calledAt = w.calledAt
        checkInDeadline = w.checkInDeadline
        jointCases = w.jointCases
        summons = w.summons.map { s in
            SummonsView(
                department: CaseView.owner(.department(s.departmentCode), services),
                status: s.statusLabel(deadline: w.checkInDeadline, at: now),
                checkedInAt: s.checkedInAt,
                checkedInLate: s.checkedInAt.map { $0 > w.checkInDeadline } ?? false,
                checkInMissed: s.checkInMissed,
                reportedAt: s.reportedAt, report: s.report, releasedAt: s.releasedAt, releaseReason: s.releaseReason,
                rating: s.rating?.rawValue, ratingLabel: s.rating?.label
            )
        }
    }
}

/// One event of a case's history, for staff.
struct EventView: Codable {
    let seq: Int
    let kind: String
    let label: String
    let at: Date
    let actorId: String?
    let actorName: String?
    let actorRole: String?
    let note: String?
    let attachments: [String]
    let detail: [String: String]
    let hash: String

    init(_ stored: StoredCaseEvent, showsIdentity: Bool, services: XiuhuaServices) {
        let event = stored.event
        seq = stored.seq
        kind = event.kind.rawValue
        label = event.kind.label
        at = event.at
        actorId = event.actorID
        actorName = event.actorName
        actorRole = event.actorRole?.label
        note = event.note
        attachments = event.attachments
        hash = stored.hash
        var detail: [String: String] = [:]
        switch event.change {
        case .reported(let intake, let initialState):
            detail["initial_state"] = initialState.label
            detail["category"] = intake.categoryCode
        case .verified(let real): detail["real"] = real ? "属实" : "不属实"
        case .rejected(let reason), .cancelRequested(let reason), .cancelled(let reason), .suspensionRequested(let reason):
            detail["reason"] = reason
        case .dispatched(let owner, let isRedispatch):
            detail["owner"] = CaseView.owner(owner, services).name
            if isRedispatch { detail["redispatch"] = "改派" }
        case .returned(let owner, let reason):
            detail["owner"] = CaseView.owner(owner, services).name
            detail["reason"] = reason
        case .checked(let passed): detail["passed"] = passed ? "通过" : "未通过"
        case .reworked(let owner, let count):
            detail["owner"] = CaseView.owner(owner, services).name
            detail["rework_count"] = String(count)
        case .rated(let rating):
            detail["satisfaction"] = rating.satisfaction.label
            detail["fixed"] = rating.fixed ? "已解决" : "未解决"
        case .reopened(let owner, let count):
            detail["owner"] = owner.map { CaseView.owner($0, services).name } ?? "派遣队列"
            detail["reopened_count"] = String(count)
        case .extensionRequested(let ext, let reason):
            detail["limit"] = ext.limit.chineseText
            detail["reason"] = reason
        case .extensionApproved(let ext): detail["limit"] = ext.limit.chineseText
        case .supervised(let level, let order):
            detail["level"] = String(level)
            detail["order"] = order
        case .supervisionReplied(_, let reply): detail["reply"] = reply
        case .markedOverdue(let stage, let deadline):
            detail["stage"] = stage.label
            detail["deadline"] = ISO8601Instant.format(deadline, in: services.calendar.timeZone)
        case .whistled(let id, let kind, let departments, let deadline, let jointCases, let reason):
            detail["whistle_id"] = id
            detail["kind"] = kind.label
            detail["departments"] = departments.map { CaseView.owner(.department($0), services).name }.joined(separator: "、")
            detail["check_in_deadline"] = ISO8601Instant.format(deadline, in: services.calendar.timeZone)
            detail["reason"] = reason
            if !jointCases.isEmpty { detail["joint_cases"] = jointCases.joined(separator: ",") }
        case .checkedIn(let id, let department, let late):
            detail["whistle_id"] = id
            detail["department"] = CaseView.owner(.department(department), services).name
            if late { detail["late"] = "迟到" }
        case .whistleReported(let id, let department, let report):
            detail["whistle_id"] = id
            detail["department"] = CaseView.owner(.department(department), services).name
            detail["report"] = report
        case .summonsReleased(let id, let department, let reason):
            detail["whistle_id"] = id
            detail["department"] = CaseView.owner(.department(department), services).name
            detail["reason"] = reason
        case .summonsRated(let id, let department, let satisfaction):
            detail["whistle_id"] = id
            detail["department"] = CaseView.owner(.department(department), services).name
            detail["satisfaction"] = satisfaction.label
        case .checkInMissed(let id, let department, let deadline):
            detail["whistle_id"] = id
            detail["department"] = CaseView.owner(.department(department), services).name
            detail["deadline"] = ISO8601Instant.format(deadline, in: services.calendar.timeZone)
        default: break
        }
        if let clock = event.stage {
            detail["stage_deadline"] = ISO8601Instant.format(clock.deadline, in: services.calendar.timeZone)
        }
        self.detail = detail
    }
}

/// What a citizen sees of a case through the ticket code: progress, nothing internal.
struct TicketView: Codable {
    struct Step: Codable {
        let at: Date
        let message: String
    }

    let number: String
    let category: String
    let status: String
    let address: String
    let createdAt: Date
    let closedAt: Date?
    let canRate: Bool
    let rating: String?
    let timeline: [Step]
    /// The photos of the problem and of the fix, which the public may see; the citizen's
    /// name, phone and the staff's notes never appear here.
    let beforePhotos: [String]
    let afterPhotos: [String]

    init(_ s: CaseSnapshot, events: [StoredCaseEvent], services: XiuhuaServices) {
        number = s.number
        category = services.catalog.matter(code: s.categoryCode)?.name ?? s.categoryCode
        status = s.state.publicLabel
        address = s.location.address
        createdAt = s.createdAt
        closedAt = s.closedAt
        canRate = s.state == .closed
        rating = s.rating?.satisfaction.label
        timeline = events.compactMap { stored in
            stored.event.kind.publicMessage.map { Step(at: stored.event.at, message: $0) }
        }
        let casePhotos = CasePhotos(s, events: events)
        beforePhotos = casePhotos.before.map(PhotoRules.apiURL)
        afterPhotos = casePhotos.after.map(PhotoRules.apiURL)
    }
}

extension CaseState {
    /// The state as a citizen is told it: fewer, plainer words than the staff's.
    var publicLabel: String {
        switch self {
        case .reported, .awaitingAcceptance, .selfHandledReview, .cancelRequested: "受理中"
        case .awaitingDispatch: "已立案，待派遣"
        case .dispatched, .extensionRequested, .suspensionRequested, .handled, .checkPassed: "处理中"
        case .suspended: "已列入计划"
        case .closed: "已办结，待评价"
        case .rated: "已办结"
        case .rejected: "不予受理"
        case .cancelled: "已作废"
        case .merged: "已合并办理"
        }
    }
}
