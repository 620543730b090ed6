/// A vector of `EvaluationCount`s for one unit in one period. Tallies add up, so a
/// street's tally is the sum of its cases' contributions and a stored tally can be moved
/// by the difference between a case's old and new contributions.
public struct Tally: Hashable, Sendable {
    /// The counts, in `EvaluationCount.allCases` order.
    public private(set) var values: [Int]

    /// All zero.
    public init() {
        values = Array(repeating: 0, count: EvaluationCount.allCases.count)
    }

    /// From stored values in `EvaluationCount.allCases` order; missing trailing values are
    /// zero, so a tally written before a count was added still reads.
    public init(values: [Int]) {
        self.init()
        for (index, value) in values.prefix(self.values.count).enumerated() { self.values[index] = value }
    }

    /// One count.
    public subscript(count: EvaluationCount) -> Int {
        get { values[count.ordinal] }
        set { values[count.ordinal] = newValue }
    }

    /// True when every count is zero.
    public var isZero: Bool { values.allSatisfy { $0 == 0 } }

    public static func + (lhs: Tally, rhs: Tally) -> Tally {
        var sum = lhs
        sum += rhs
        return sum
    }

    public static func += (lhs: inout Tally, rhs: Tally) {
        for index in lhs.values.indices { lhs.values[index] += rhs.values[index] }
    }

    public static func - (lhs: Tally, rhs: Tally) -> Tally {
        var difference = lhs
        for index in difference.values.indices { difference.values[index] -= rhs.values[index] }
        return difference
    }
}
