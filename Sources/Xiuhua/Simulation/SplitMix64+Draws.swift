import Foundation
import XiuhuaGeo

/// The draws the simulator needs, built only on `SplitMix64.next()` so that a seed gives
/// the same district on every platform and Swift version.
extension SplitMix64 {
    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool {
        nextUnit() < p
    }

    /// An index into `weights`, each chosen in proportion to its weight.
    public mutating func pick(weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var target = nextUnit() * total
        for (index, weight) in weights.enumerated() {
            target -= weight
            if target < 0 { return index }
        }
        return weights.count - 1
    }

    /// A uniform integer in `range`.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// A duration in seconds, uniform between `low` and `high` minutes, whole seconds.
    public mutating func minutes(_ low: Double, _ high: Double) -> TimeInterval {
        (next(in: low, high) * 60).rounded()
    }
}
