// TEMPORARY stand-in for the statistics branch; deleted when it merges.
import Foundation

public enum Statistics {
    public static func percentile(sorted: [Double], _ p: Double) -> Double {
        let rank = p / 100 * Double(sorted.count - 1)
        let low = Int(rank.rounded(.down))
        let high = min(low + 1, sorted.count - 1)
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - Double(low))
    }
    public static func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }
    public static func wilsonInterval(
        successes: Int,
        trials: Int,
        confidence: Double = 0.95
    ) -> (low: Double, high: Double) {
        let z = 1.959963984540054
        let n = Double(trials)
        let p = Double(successes) / n
        let centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        let half = z * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot() / (1 + z * z / n)
        return (centre - half, centre + half)
    }
    public static func quantileInterval(
        sorted: [Double],
        p: Double,
        confidence: Double = 0.95
    ) -> (low: Double, high: Double)? {
        guard sorted.count >= 6 else { return nil }
        return (sorted.first!, sorted.last!)
    }
    public static func meanInterval(values: [Double], confidence: Double = 0.95) -> (low: Double, high: Double)? {
        guard values.count >= 2 else { return nil }
        let m = mean(values)
        return (m, m)
    }
    public static func npsInterval(
        promoters: Int,
        passives: Int,
        detractors: Int,
        confidence: Double = 0.95
    ) -> (low: Double, high: Double) {
        let n = Double(promoters + passives + detractors)
        let v = (Double(promoters) - Double(detractors)) / n * 100
        return (v, v)
    }
}
