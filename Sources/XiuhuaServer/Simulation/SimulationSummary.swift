import Foundation
import Xiuhua

/// What a simulation run produced; equal for two runs with the same seed and options.
public struct SimulationSummary: Sendable, Equatable {
    public var cases = 0
    public var events = 0
    public var byState: [CaseState: Int] = [:]
    public var bySource: [CaseSource: Int] = [:]
    public var overdueMarks = 0
    /// Cases marked overdue at least once, at any stage.
    public var overdueCases = 0
    public var whistles = 0
    public var missedCheckIns = 0
    /// Steps the workflow refused (the simulated person then tries something else).
    public var refused = 0
    /// The hash of the last event written, which covers every case's history by chaining:
    /// two runs with equal digests wrote the same events.
    public var digest = ""

    private func percent(_ count: Int) -> String {
        guard cases > 0 else { return "0 %" }
        return String(format: "%.1f %%", Double(count) * 100 / Double(cases))
    }

    /// The summary as zh-CN lines for the terminal.
    public var lines: [String] {
        func row<K>(_ counts: [K: Int], _ label: (K) -> String) -> String where K: RawRepresentable, K.RawValue == String {
            counts.filter { $0.value > 0 }.sorted { ($0.value, $1.key.rawValue) > ($1.value, $0.key.rawValue) }.map { "\(label($0.key)) \($0.value)" }.joined(separator: "，")
        }
        return [
            "案件 (cases): \(cases)，事件 (events): \(events)",
            "按状态 (by state): " + row(byState) { $0.label },
            "按来源 (by channel): " + row(bySource) { $0.rawValue },
            "超期案件 (cases overdue): \(overdueCases)（\(percent(overdueCases))），超期标记 (overdue marks): \(overdueMarks)，吹哨 (whistles): \(whistles)，未按时报到 (missed check-ins): \(missedCheckIns)",
            "工作流拒绝的模拟操作 (steps refused by the workflow): \(refused)",
        ]
    }
}
