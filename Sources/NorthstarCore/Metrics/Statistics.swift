import Foundation

/// The statistics behind every verdict: percentiles computed as NumPy computes them, and the confidence
/// intervals that decide whether a promise is kept, broken or at risk.
///
/// Every function is pure. Functions whose argument is labelled `sorted` expect the values in ascending
/// order, as the caller sorts once per period and asks for several numbers. The formulas, their sources and
/// the reasons they were chosen are in `docs/statistics.md`.
public enum Statistics {
    // MARK: Point estimates

    /// The `p`-th percentile of `sorted`, 0 ≤ `p` ≤ 100, by linear interpolation between closest ranks:
    /// NumPy's default (`np.percentile(x, p)`, `method="linear"`), Excel's `PERCENTILE.INC`, R's type 7.
    ///
    /// With n values the percentile sits at the zero-based position h = (n − 1) · p / 100, between
    /// `sorted[⌊h⌋]` and `sorted[⌊h⌋ + 1]`. The interpolation is written as NumPy writes it, so the results
    /// agree with NumPy to the last bit.
    ///
    /// - Precondition: `sorted` is non-empty and ascending; `p` is in 0...100.
    public static func percentile(sorted values: [Double], _ p: Double) -> Double {
        precondition(!values.isEmpty, "The percentile of no values is undefined.")
        precondition((0...100).contains(p), "Percentile \(p) is outside 0...100.")
        assert(isAscending(values), "percentile(sorted:_:) needs its values in ascending order.")
        let position = Double(values.count - 1) * (p / 100)
        let below = position.rounded(.down)
        let index = Int(below)
        if index >= values.count - 1 { return values[values.count - 1] }
        let weight = position - below
        let lower = values[index]
        let upper = values[index + 1]
        let difference = upper - lower
        // NumPy's `_lerp`: interpolate from the nearer end, so that weight 1 gives `upper` exactly.
        return weight >= 0.5 ? upper - difference * (1 - weight) : lower + difference * weight
    }

    /// The median of `sorted`: `percentile(sorted:_:)` at 50, the mean of the two middle values when n is
    /// even (`np.percentile(x, 50)`; `np.median(x)` up to the last bit).
    ///
    /// - Precondition: `sorted` is non-empty and ascending.
    public static func median(sorted values: [Double]) -> Double {
        percentile(sorted: values, 50)
    }

    /// The arithmetic mean, summed with Neumaier's compensated summation so that millions of durations
    /// lose no precision.
    ///
    /// - Precondition: `values` is non-empty.
    public static func mean(_ values: [Double]) -> Double {
        precondition(!values.isEmpty, "The mean of no values is undefined.")
        return compensatedSum(values) / Double(values.count)
    }

    // MARK: Intervals

    /// The Wilson score interval for a proportion (Wilson 1927), without continuity correction.
    ///
    /// With n trials, s successes, p̂ = s / n and z the two-sided normal critical value for `confidence`
    /// (1.959964 for 95%), the bounds are
    /// (p̂ + z²/2n ∓ z·√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n). They are evaluated in a form free of
    /// cancellation, so the lower bound is exactly 0 when s = 0 and the upper bound exactly 1 when s = n.
    ///
    /// - Precondition: `trials` > 0; 0 ≤ `successes` ≤ `trials`; 0 < `confidence` < 1.
    public static func wilsonInterval(
        successes: Int,
        trials: Int,
        confidence: Double = 0.95
    ) -> (low: Double, high: Double) {
        precondition(trials > 0, "A Wilson interval needs at least one trial.")
        precondition((0...trials).contains(successes), "\(successes) successes out of \(trials) trials.")
        precondition(confidence > 0 && confidence < 1, "Confidence \(confidence) is outside (0, 1).")
        let z = normalCriticalValue(confidence: confidence)
        let zSquared = z * z
        let n = Double(trials)
        let s = Double(successes)
        let f = n - s
        // Wilson's bounds are (a ∓ b) / 2(n + z²) with a = 2s + z² and b = z·√(z² + 4sf/n). The lower one
        // is rewritten as (a² − b²) / ((a + b)·2(n + z²)) = 2s² / (n(a + b)) to avoid cancellation.
        let a = 2 * s + zSquared
        let b = z * (zSquared + 4 * s * f / n).squareRoot()
        let low = successes == 0 ? 0 : 2 * s * s / (n * (a + b))
        let high = successes == trials ? 1 : min(1, (a + b) / (2 * (n + zSquared)))
        return (low, high)
    }

    /// A distribution-free confidence interval for the `p`-th percentile (0 ≤ `p` ≤ 100), made of two order
    /// statistics of `sorted`; `nil` when the sample is too small for the requested coverage.
    ///
    /// The rule is SciPy's (`scipy.stats.quantile_test(x, p=p/100).confidence_interval(confidence)`), the
    /// equal-tailed interval of Hahn & Meeker (1991, §5.2): with B ~ Binomial(n, p/100), α = 1 − `confidence`
    /// and ranks counted from 1, the lower bound is the l-th smallest value for the smallest l with
    /// P(B ≤ l) ≥ α/2, and the upper bound the u-th smallest for the smallest u with P(B ≥ u) ≤ α/2.
    /// Each tail then holds at most α/2, so the coverage P(l ≤ B < u) is at least `confidence` for any
    /// continuous distribution. The interval is `nil` when l would be 0 or u would be n + 1: when n is
    /// too small (fewer than 6 values for a 95% interval of the median), always for p = 0 and p = 100,
    /// and for an empty sample.
    ///
    /// - Precondition: `sorted` is ascending; `p` is in 0...100; 0 < `confidence` < 1.
    public static func quantileInterval(
        sorted values: [Double],
        p: Double,
        confidence: Double = 0.95
    ) -> (low: Double, high: Double)? {
        assert(isAscending(values), "quantileInterval(sorted:p:confidence:) needs its values in ascending order.")
        guard let ranks = quantileIntervalRanks(count: values.count, p: p, confidence: confidence) else {
            return nil
        }
        return (values[ranks.lower - 1], values[ranks.upper - 1])
    }

    /// The Student's t confidence interval for the mean: x̄ ∓ t(1 − α/2; n − 1) · s / √n, where s is the
    /// sample standard deviation (n − 1 in the denominator); `nil` for fewer than two values.
    ///
    /// The t quantile is accurate to about 1e-13 for every number of degrees of freedom (Newton's method on
    /// the exact distribution function below 5000, the Cornish–Fisher expansion above); it is never replaced
    /// by the normal quantile.
    ///
    /// - Precondition: 0 < `confidence` < 1.
    public static func meanInterval(values: [Double], confidence: Double = 0.95) -> (low: Double, high: Double)? {
        precondition(confidence > 0 && confidence < 1, "Confidence \(confidence) is outside (0, 1).")
        guard values.count >= 2 else { return nil }
        let n = Double(values.count)
        let average = mean(values)
        // Two passes with the compensation term of Chan, Golub & LeVeque: Σ(x − x̄)² − (Σ(x − x̄))² / n.
        let deviations = values.map { $0 - average }
        let drift = compensatedSum(deviations)
        let squares = compensatedSum(deviations.map { $0 * $0 })
        let variance = max(0, (squares - drift * drift / n) / (n - 1))
        let t = studentTCriticalValue(upperTail: (1 - confidence) / 2, degreesOfFreedom: n - 1)
        let halfWidth = t * (variance / n).squareRoot()
        return (average - halfWidth, average + halfWidth)
    }

    /// The confidence interval for a Net Promoter Score, in points (−100…100).
    ///
    /// With n answers, P = promoters / n and D = detractors / n, the score is NPS = P − D and the variance
    /// of the difference of two multinomial proportions is Var(P − D) = (P + D − (P − D)²) / n. The interval
    /// is 100 · (NPS ∓ z·√Var) (a Wald interval), clamped to −100…100 where it would overshoot the scale.
    /// When every answer is a promoter, or every one a detractor, the variance is 0 and the interval is the
    /// single point; the minimum sample keeps such periods from a verdict.
    ///
    /// - Precondition: the counts are not negative and at least one is positive; 0 < `confidence` < 1.
    public static func npsInterval(
        promoters: Int,
        passives: Int,
        detractors: Int,
        confidence: Double = 0.95
    ) -> (low: Double, high: Double) {
        precondition(promoters >= 0 && passives >= 0 && detractors >= 0, "Answer counts cannot be negative.")
        let total = promoters + passives + detractors
        precondition(total > 0, "An NPS interval needs at least one answer.")
        precondition(confidence > 0 && confidence < 1, "Confidence \(confidence) is outside (0, 1).")
        let n = Double(total)
        let promoterShare = Double(promoters) / n
        let detractorShare = Double(detractors) / n
        let score = promoterShare - detractorShare
        let variance = max(0, (promoterShare + detractorShare - score * score) / n)
        let halfWidth = normalCriticalValue(confidence: confidence) * variance.squareRoot()
        return (max(-100, 100 * (score - halfWidth)), min(100, 100 * (score + halfWidth)))
    }

    // MARK: Internals

    /// The one-based ranks (l, u) of the order statistics that bound the `p`-th percentile of `count`
    /// values in `quantileInterval(sorted:p:confidence:)`, or `nil` when no such pair reaches the coverage.
    static func quantileIntervalRanks(count: Int, p: Double, confidence: Double) -> (lower: Int, upper: Int)? {
        precondition(count >= 0, "A sample cannot have \(count) values.")
        precondition((0...100).contains(p), "Percentile \(p) is outside 0...100.")
        precondition(confidence > 0 && confidence < 1, "Confidence \(confidence) is outside (0, 1).")
        guard count > 0, p > 0, p < 100 else { return nil }
        let tail = (1 - confidence) / 2
        let binomial = BinomialDistribution(trials: count, probability: p / 100)
        let lower = binomial.quantile(tail)
        let upper = binomial.upperQuantile(tail) + 1
        guard lower >= 1, upper <= count else { return nil }
        return (lower, upper)
    }

    /// The two-sided critical value z(1 − α/2) of the standard normal for `confidence` = 1 − α, computed
    /// from the small tail α/2 so that no precision is lost.
    static func normalCriticalValue(confidence: Double) -> Double {
        -normalQuantile((1 - confidence) / 2)
    }

    /// Neumaier's improved Kahan summation: the rounding error of every addition is carried along.
    static func compensatedSum(_ values: [Double]) -> Double {
        var sum = 0.0
        var compensation = 0.0
        for value in values {
            let next = sum + value
            if abs(sum) >= abs(value) {
                compensation += (sum - next) + value
            } else {
                compensation += (value - next) + sum
            }
            sum = next
        }
        return sum + compensation
    }

    /// Whether `values` never decrease (checked in debug builds only).
    private static func isAscending(_ values: [Double]) -> Bool {
        zip(values, values.dropFirst()).allSatisfy { $0 <= $1 }
    }
}
