/// How long each workflow stage may take. Disposal comes from the case's category.
public struct StageLimits: Hashable, Sendable, Codable {
    /// 核实.
    public var verify: TimeLimit
    /// 立案, normal cases.
    public var accept: TimeLimit
    /// 立案, urgent cases.
    public var acceptUrgent: TimeLimit
    /// 派遣, normal cases.
    public var dispatch: TimeLimit
    /// 派遣, urgent cases.
    public var dispatchUrgent: TimeLimit
    /// 核查.
    public var check: TimeLimit
    /// 结案.
    public var close: TimeLimit

    /// Creates a set of stage limits.
    public init(
        verify: TimeLimit,
        accept: TimeLimit,
        acceptUrgent: TimeLimit,
        dispatch: TimeLimit,
        dispatchUrgent: TimeLimit,
        check: TimeLimit,
        close: TimeLimit
    ) {
        self.verify = verify
        self.accept = accept
        self.acceptUrgent = acceptUrgent
        self.dispatch = dispatch
        self.dispatchUrgent = dispatchUrgent
        self.check = check
        self.close = close
    }

    /// Defaults after the Taiyuan norms: 立案 and 派遣 in 30 minutes (10 when urgent),
    /// counted on the wall clock because the centre is staffed around the clock.
    public static let standard = StageLimits(
        verify: .hours(2),
        accept: .minutes(30),
        acceptUrgent: .minutes(10),
        dispatch: .minutes(30),
        dispatchUrgent: .minutes(10),
        check: .hours(2),
        close: .hours(1)
    )

    /// The limit of `stage` for a case of `urgency` whose category allows `disposal`.
    public func limit(for stage: CaseStage, urgency: Urgency, disposal: TimeLimit) -> TimeLimit {
        switch stage {
        case .verify: verify
        case .accept: urgency == .urgent ? acceptUrgent : accept
        case .dispatch: urgency == .urgent ? dispatchUrgent : dispatch
        case .disposal: disposal
        case .check: check
        case .close: close
        }
    }
}
