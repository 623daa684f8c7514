import Foundation

/// Binomial(n, p): the number of sample values below a population quantile, which sets the ranks of the
/// order-statistic interval. Accurate for n in the tens of millions.
///
/// Single probabilities use Loader's saddle-point form ("Fast and accurate computation of binomial
/// probabilities", 2000; the method of R's `dbinom`), which never subtracts large log-factorials. Tail
/// sums start at the requested point and walk away from the mode with the ratio of neighbouring
/// probabilities, so every term is smaller than the last and the sum stops once a term can no longer
/// change it. A tail beyond the mean is never obtained by subtracting from 1.
struct BinomialDistribution: Sendable {
    /// n, the number of trials.
    let trials: Int
    /// p, the probability of success in one trial.
    let probability: Double

    /// Creates Binomial(`trials`, `probability`).
    init(trials: Int, probability: Double) {
        precondition(trials >= 0, "A binomial distribution cannot have \(trials) trials.")
        precondition((0...1).contains(probability), "Probability \(probability) is outside 0...1.")
        self.trials = trials
        self.probability = probability
    }

    private var mean: Double { Double(trials) * probability }

    /// P(B = k).
    func probability(of k: Int) -> Double {
        let n = trials
        let p = probability
        let q = 1 - p
        guard (0...n).contains(k) else { return 0 }
        if p == 0 { return k == 0 ? 1 : 0 }
        if p == 1 { return k == n ? 1 : 0 }
        let size = Double(n)
        if k == 0 {
            return exp(p < 0.1 ? -Self.deviance(size, size * q) - size * p : size * log(q))
        }
        if k == n {
            return exp(q < 0.1 ? -Self.deviance(size, size * p) - size * q : size * log(p))
        }
        let count = Double(k)
        let logCoefficient =
            Self.stirlingError(n) - Self.stirlingError(k) - Self.stirlingError(n - k)
            - Self.deviance(count, size * p) - Self.deviance(size - count, size * q)
        // log(1 − k/n), taken from n − k when k/n is close to 1 so that no digit of the small share is lost.
        let logComplement = 2 * k <= n ? log1p(-count / size) : log(Double(n - k) / size)
        let logFactor = log(2 * Double.pi) + log(count) + logComplement
        return exp(logCoefficient - 0.5 * logFactor)
    }

    /// P(B ≤ k).
    func cumulative(through k: Int) -> Double {
        if k < 0 { return 0 }
        if k >= trials || probability == 0 { return 1 }
        if probability == 1 { return 0 }
        if Double(k) >= mean { return 1 - survival(after: k) }
        // Below the mean every step down multiplies by k(1 − p) / ((n − k + 1) p) < 1.
        let odds = (1 - probability) / probability
        return Self.sumDecreasing(from: probability(of: k)) { j, term in
            let index = k - j
            guard index > 0 else { return 0 }
            return term * Double(index) * odds / Double(trials - index + 1)
        }
    }

    /// P(B > k).
    func survival(after k: Int) -> Double {
        if k < 0 { return 1 }
        if k >= trials || probability == 0 { return 0 }
        if probability == 1 { return 1 }
        if Double(k + 1) <= mean { return 1 - cumulative(through: k) }
        // Above the mean every step up multiplies by (n − k) p / ((k + 1)(1 − p)) < 1.
        let odds = probability / (1 - probability)
        return Self.sumDecreasing(from: probability(of: k + 1)) { j, term in
            let index = k + 1 + j
            guard index < trials else { return 0 }
            return term * Double(trials - index) * odds / Double(index + 1)
        }
    }

    /// The smallest k with P(B ≤ k) ≥ `level` (SciPy's `binom.ppf`, R's `qbinom`).
    func quantile(_ level: Double) -> Int {
        smallest { cumulative(through: $0) >= level }
    }

    /// The smallest k with P(B > k) ≤ `tail` (SciPy's `binom.isf`).
    func upperQuantile(_ tail: Double) -> Int {
        smallest { survival(after: $0) <= tail }
    }

    /// The smallest k in 0...n that satisfies a condition that holds at n and, once true, stays true.
    private func smallest(where condition: (Int) -> Bool) -> Int {
        var low = 0
        var high = trials
        while low < high {
            let middle = low + (high - low) / 2
            if condition(middle) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// Σ terms, starting at `first` and continuing while `next(j, term)` gives the (j + 1)-th term from
    /// the j-th; the terms must decrease. Stops when a term no longer changes the sum.
    private static func sumDecreasing(from first: Double, next: (Int, Double) -> Double) -> Double {
        var sum = first
        var compensation = 0.0
        var term = first
        var index = 0
        while term > 0 {
            term = next(index, term)
            index += 1
            let updated = sum + term
            compensation += (sum - updated) + term
            sum = updated
            if term <= sum * 0x1p-60 { break }
        }
        return sum + compensation
    }

    /// Loader's deviance term x·log(x / m) + m − x, by its series when x is close to m.
    private static func deviance(_ x: Double, _ m: Double) -> Double {
        if abs(x - m) < 0.1 * (x + m) {
            var v = (x - m) / (x + m)
            var sum = (x - m) * v
            if abs(sum) < Double.leastNormalMagnitude { return sum }
            var power = 2 * x * v
            v *= v
            for j in 1..<1000 {
                power *= v
                let next = sum + power / Double(2 * j + 1)
                if next == sum { return next }
                sum = next
            }
            return sum
        }
        return x * log(x / m) + m - x
    }

    /// log(k!) − ((k + ½) log k − k + ½ log 2π): a table to 15, Stirling's series beyond.
    private static func stirlingError(_ k: Int) -> Double {
        if k <= 15 { return stirlingErrorTable[k] }
        return Statistics.stirlingCorrection(Double(k))
    }

    /// The Stirling error at 0…15 (0 stands for the undefined value at 0, which is never used), computed
    /// once to 40 digits with mpmath: `loggamma(k+1) - (k+0.5)*log(k) + k - log(sqrt(2*pi))`.
    private static let stirlingErrorTable: [Double] = [
        0, 0.08106146679532726, 0.0413406959554093, 0.02767792568499834, 0.020790672103765093,
        0.016644691189821193, 0.013876128823070748, 0.01189670994589177, 0.010411265261972096,
        0.009255462182712733, 0.00833056343336287, 0.007573675487951841, 0.00694284010720953,
        0.006408994188004207, 0.0059513701127588475, 0.005554733551962801,
    ]
}
