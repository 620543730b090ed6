/// What a person (or the scheduler) does in the case workflow.
public enum Role: String, Hashable, Sendable, Codable, CaseIterable {
    case `operator`
    case gridWorker
    case dutyChief
    case dispatcher
    case streetOfficer
    case departmentHandler
    case supervisor
    case admin
    case citizen
    case system
    /// A health worker (卫健人员) of the vaccination drive: reads and records residents'
    /// personal data; sees no cases.
    case healthWorker

    /// True when the role needs the reporter's real name and phone (to call back, to
    /// judge or to route); everyone else sees them masked (个人信息保护法).
    public var seesReporterIdentity: Bool {
        switch self {
        case .operator, .dutyChief, .dispatcher, .admin: true
        case .gridWorker, .streetOfficer, .departmentHandler, .supervisor, .citizen, .system, .healthWorker: false
        }
    }
}
