import Foundation

extension CaseSnapshot {
    /// Cases merged into this one, oldest first.
    public var followerList: [CaseFollower] { followers ?? [] }

    /// The whistles blown on the case, oldest first.
    public var whistleList: [Whistle] { whistles ?? [] }

    /// Summons still owed, with their whistle.
    public var activeSummons: [(whistle: Whistle, summons: Summons)] {
        whistleList.flatMap { whistle in whistle.summons.filter(\.isActive).map { (whistle, $0) } }
    }

    /// The departments still owed on the case (summoned, neither reported nor released),
    /// each once, in the order they were first summoned.
    public var activeSummonedDepartments: [String] {
        activeSummons.map(\.summons.departmentCode).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    }

    /// True while some summoned department has neither reported nor been released.
    public var hasActiveSummons: Bool { !activeSummons.isEmpty }

    /// Check-ins that ran past their deadline, as marked by the scheduler.
    public var missedCheckInCount: Int {
        whistleList.reduce(0) { $0 + $1.summons.filter(\.checkInMissed).count }
    }

    /// The earliest check-in deadline still awaited and not yet marked missed.
    public var nextCheckInDeadline: Date? {
        whistleList.filter { $0.summons.contains(where: Self.awaitsCheckIn) }.map(\.checkInDeadline).min()
    }

    /// Summons whose check-in deadline passed before `now` without a check-in, unmarked.
    func missedCheckIns(at now: Date) -> [(whistle: Whistle, summons: Summons)] {
        whistleList.filter { now > $0.checkInDeadline }.flatMap { whistle in
            whistle.summons.filter(Self.awaitsCheckIn).map { (whistle, $0) }
        }
    }

    /// The summons of `department` matching `condition`, earliest whistle first.
    func summons(of department: String?, whistleID: String? = nil, where condition: (Summons) -> Bool) -> (whistle: Whistle, summons: Summons)? {
        guard let department else { return nil }
        for whistle in whistleList where whistleID == nil || whistle.id == whistleID {
            if let summons = whistle.summons.first(where: { $0.departmentCode == department && condition($0) }) {
                return (whistle, summons)
            }
        }
        return nil
    }

    private static func awaitsCheckIn(_ summons: Summons) -> Bool {
        summons.isActive && summons.checkedInAt == nil && !summons.checkInMissed
    }

    /// Applies `change` to the summons of `department` in whistle `id`.
    mutating func updateSummons(_ id: String, _ department: String, _ change: (inout Summons) -> Void) {
        guard var list = whistles, let w = list.firstIndex(where: { $0.id == id }),
              let s = list[w].summons.firstIndex(where: { $0.departmentCode == department }) else { return }
        change(&list[w].summons[s])
        whistles = list
    }
}
