import Foundation

/// The Wilson score interval of a proportion, used to rank fairly: a unit that closed 2
/// of 2 cases on time has a raw rate of 100 % but a lower bound of 34 %, so it ranks
/// below a unit that closed 1,960 of 2,000 (lower bound 97.3 %).
///
/// We use Wilson rather than Bayesian shrinkage because it needs no prior — no district
/// mean that would have to be chosen and explained — and is what statistics offices use
/// for small-sample proportions.
public enum WilsonInterval {
    /// z for a two-sided 95 % interval.
    public static let z95 = 1.959963984540054

    /// The lower bound of the interval around `rate` observed over `sampleSize` trials.
    public static func lowerBound(rate: Double, sampleSize: Int, z: Double = z95) -> Double {
        guard sampleSize > 0 else { return 0 }
        let n = Double(sampleSize)
        let p = min(max(rate, 0), 1)
        let z2 = z * z
        let centre = p + z2 / (2 * n)
        let margin = z * ((p * (1 - p) + z2 / (4 * n)) / n).squareRoot()
        return max(0, (centre - margin) / (1 + z2 / n))
    }
}
