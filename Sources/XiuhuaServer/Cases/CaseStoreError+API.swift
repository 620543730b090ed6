import Foundation
import Hummingbird
import Xiuhua
import XiuhuaStore

extension APIError {
    /// How the store's refusals reach the caller: a wrong role or scope is 403, a case
    /// that moved on (wrong state, someone else acted first) is 409 with its current state,
    /// bad input is 400.
    static func from(_ error: CaseStoreError) -> APIError {
        switch error {
        case .notFound(let number):
            return .notFound("case_not_found", "没有编号为 \(number) 的案件 (no such case)")
        case .refused(let refusal, let current):
            let status: HTTPResponse.Status = switch refusal.code {
            case .forbiddenRole, .outOfScope: .forbidden
            case .wrongState, .notOverdue, .alreadyRecorded, .summonsOutstanding: .conflict
            case .invalidInput: .badRequest
            }
            return APIError(status, code: refusal.code.rawValue, message: refusal.message, current: current.map(CurrentState.init))
        case .versionConflict(let expected, let current):
            return APIError(
                .conflict, code: "version_conflict",
                message: "案件已被他人更新（您看到的是第 \(expected) 版，现为第 \(current.version) 版，状态：\(current.state.label)），请刷新后再操作 (the case changed since you read it)",
                current: CurrentState(current)
            )
        case .corrupt(let number, _):
            return APIError(.internalServerError, code: "corrupt_case", message: "案件 \(number) 的记录无法读取，请运行 xiuhua audit verify (stored case unreadable)")
        }
    }
}

/// The state of a case as a conflict reports it, so the caller can refresh and decide.
struct CurrentState: Codable, Sendable {
    let state: String
    let stateLabel: String
    let version: Int

    init(_ snapshot: CaseSnapshot) {
        state = snapshot.state.rawValue
        stateLabel = snapshot.state.label
        version = snapshot.version
    }
}
