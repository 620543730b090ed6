import Xiuhua

/// Why a case operation did not happen. Nothing was written in any of these cases.
public enum CaseStoreError: Error, Sendable {
    case notFound(number: String)
    /// The workflow refused the action; `current` is the case as it stands.
    case refused(WorkflowRefusal, current: CaseSnapshot?)
    /// The caller acted on an older version than the stored one (someone else acted first).
    case versionConflict(expected: Int, current: CaseSnapshot)
    /// A stored row cannot be read back (the audit names such cases).
    case corrupt(number: String, reason: String)
}
