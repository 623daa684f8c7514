import Foundation

/// SplitMix64: a small, fast, seedable generator, so the same seed always builds the same demo.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator that starts from `seed`.
    public init(seed: UInt64) {
        self.state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform draw in (0, 1), never exactly 0 (safe for logarithms).
    mutating func unit() -> Double {
        (Double(next() >> 11) + 0.5) / Double(1 << 53)
    }

    /// A draw from a log-normal distribution with the given median and spread (σ of the logarithm).
    mutating func logNormal(median: Double, sigma: Double) -> Double {
        let normal = (-2 * Foundation.log(unit())).squareRoot() * Foundation.cos(2 * Double.pi * unit())
        return median * Foundation.exp(sigma * normal)
    }

    /// A Poisson draw (Knuth for small means, a normal approximation for large ones).
    mutating func poisson(mean: Double) -> Int {
        if mean > 50 {
            let normal = (-2 * Foundation.log(unit())).squareRoot() * Foundation.cos(2 * Double.pi * unit())
            return max(0, Int((mean + mean.squareRoot() * normal).rounded()))
        }
        let limit = Foundation.exp(-mean)
        var product = unit()
        var count = 0
        while product > limit {
            product *= unit()
            count += 1
        }
        return count
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { unit() < p }
}
