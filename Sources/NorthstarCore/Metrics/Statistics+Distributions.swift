import Foundation

/// The distribution functions behind the intervals: the normal quantile, Student's t and the regularized
/// incomplete beta function. Internal: the public surface is the intervals themselves.
extension Statistics {
    // MARK: Normal

    /// The quantile of the standard normal distribution, 0 < `p` < 1: Wichura's algorithm AS 241 (PPND16),
    /// Applied Statistics 37(3), 1988, accurate to about one part in 10¹⁶.
    static func normalQuantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "Normal quantile of \(p) is outside (0, 1).")
        let q = p - 0.5
        if abs(q) <= 0.425 {
            let r = 0.180625 - q * q
            return q * rational(r, numerator: centralNumerator, denominator: centralDenominator)
        }
        let tail = q < 0 ? p : 1 - p
        var r = (-log(tail)).squareRoot()
        let magnitude: Double
        if r <= 5 {
            r -= 1.6
            magnitude = rational(r, numerator: intermediateNumerator, denominator: intermediateDenominator)
        } else {
            r -= 5
            magnitude = rational(r, numerator: farNumerator, denominator: farDenominator)
        }
        return q < 0 ? -magnitude : magnitude
    }

    /// Evaluates (n₀ + n₁r + … + n₇r⁷) / (1 + d₁r + … + d₇r⁷) by Horner's rule; `denominator` holds d₁…d₇.
    private static func rational(_ r: Double, numerator: [Double], denominator: [Double]) -> Double {
        var top = 0.0
        for coefficient in numerator.reversed() { top = top * r + coefficient }
        var bottom = 0.0
        for coefficient in denominator.reversed() { bottom = bottom * r + coefficient }
        return top / (bottom * r + 1)
    }

    // AS 241 coefficients, as published: for |p − ½| ≤ 0.425, then for r = √−log(min(p, 1 − p)) ≤ 5, then beyond.
    private static let centralNumerator = [
        3.3871328727963666080e0, 1.3314166789178437745e+2, 1.9715909503065514427e+3, 1.3731693765509461125e+4,
        4.5921953931549871457e+4, 6.7265770927008700853e+4, 3.3430575583588128105e+4, 2.5090809287301226727e+3,
    ]
    private static let centralDenominator = [
        4.2313330701600911252e+1, 6.8718700749205790830e+2, 5.3941960214247511077e+3, 2.1213794301586595867e+4,
        3.9307895800092710610e+4, 2.8729085735721942674e+4, 5.2264952788528545610e+3,
    ]
    private static let intermediateNumerator = [
        1.42343711074968357734e0, 4.63033784615654529590e0, 5.76949722146069140550e0, 3.64784832476320460504e0,
        1.27045825245236838258e0, 2.41780725177450611770e-1, 2.27238449892691845833e-2, 7.74545014278341407640e-4,
    ]
    private static let intermediateDenominator = [
        2.05319162663775882187e0, 1.67638483018380384940e0, 6.89767334985100004550e-1, 1.48103976427480074590e-1,
        1.51986665636164571966e-2, 5.47593808499534494600e-4, 1.05075007164441684324e-9,
    ]
    private static let farNumerator = [
        6.65790464350110377720e0, 5.46378491116411436990e0, 1.78482653991729133580e0, 2.96560571828504891230e-1,
        2.65321895265761230930e-2, 1.24266094738807843860e-3, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
    ]
    private static let farDenominator = [
        5.99832206555887937690e-1, 1.36929880922735805310e-1, 1.48753612908506148525e-2, 7.86869131145613259100e-4,
        1.84631831751005468180e-5, 1.42151175831644588870e-7, 2.04426310338993978564e-15,
    ]

    // MARK: Student's t

    /// The quantile of Student's t distribution with ν = `degreesOfFreedom` > 0, 0 < `p` < 1.
    static func studentTQuantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(p > 0 && p < 1, "t quantile of \(p) is outside (0, 1).")
        return p > 0.5
            ? studentTCriticalValue(upperTail: 1 - p, degreesOfFreedom: nu)
            : -studentTCriticalValue(upperTail: p, degreesOfFreedom: nu)
    }

    /// The t with P(T > t) = `upperTail` for T ~ t(ν), 0 < `upperTail` < 1.
    ///
    /// Closed forms for ν = 1 and ν = 2. Up to `largeDegreesOfFreedom`, Newton's method on the exact upper
    /// tail from a Cornish–Fisher start, kept inside a bracket so that it cannot diverge. Beyond, the
    /// Cornish–Fisher expansion alone, then accurate to about 1e-15 (its error falls as ν⁻⁵), while the
    /// incomplete beta function's continued fraction loses about ν·1e-16.
    static func studentTCriticalValue(upperTail alpha: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(alpha > 0 && alpha < 1, "Upper tail \(alpha) is outside (0, 1).")
        precondition(nu > 0, "Student's t needs positive degrees of freedom, not \(nu).")
        if alpha > 0.5 { return -studentTCriticalValue(upperTail: 1 - alpha, degreesOfFreedom: nu) }
        if alpha == 0.5 { return 0 }
        if nu == 1 { return 1 / tan(Double.pi * alpha) }
        if nu == 2 { return (1 - 2 * alpha) / (2 * alpha * (1 - alpha)).squareRoot() }

        let z = -normalQuantile(alpha)
        var t = cornishFisher(z, degreesOfFreedom: nu).t
        if nu >= largeDegreesOfFreedom { return t }
        if !(t.isFinite && t > 0) { t = z }

        var below = 0.0
        var above = Double.infinity
        for _ in 0..<200 {
            let tail = studentTUpperTail(t, degreesOfFreedom: nu)
            if tail == alpha { return t }
            if tail > alpha { below = t } else { above = t }
            var next = t + (tail - alpha) / studentTDensity(t, degreesOfFreedom: nu)
            if !(next > below && next < above) {
                next = above.isFinite ? (below + above) / 2 : 2 * t
            }
            if abs(next - t) <= 1e-15 * next { return next }
            t = next
        }
        return t
    }

    /// P(T > t) for T ~ t(ν): ½ · I_x(ν/2, ½) with x = ν / (ν + t²) for t ≥ 0, and 1 − P(T > −t) below 0.
    ///
    /// From `largeDegreesOfFreedom` up, Φ(−z) for the z whose Cornish–Fisher expansion is t.
    static func studentTUpperTail(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(nu > 0, "Student's t needs positive degrees of freedom, not \(nu).")
        if t < 0 { return 1 - studentTUpperTail(-t, degreesOfFreedom: nu) }
        if nu >= largeDegreesOfFreedom {
            var z = t
            for _ in 0..<50 {
                let expansion = cornishFisher(z, degreesOfFreedom: nu)
                let step = (expansion.t - t) / expansion.slope
                z -= step
                if abs(step) <= 1e-16 * z { break }
            }
            return 0.5 * erfc(z / 2.0.squareRoot())
        }
        let tSquared = t * t
        let x = nu / (nu + tSquared)
        let y = tSquared / (nu + tSquared)
        return 0.5 * regularizedIncompleteBeta(x: x, complement: y, a: nu / 2, b: 0.5)
    }

    /// From this many degrees of freedom up, the Cornish–Fisher expansion carries Student's t.
    static let largeDegreesOfFreedom = 5000.0

    /// The Cornish–Fisher expansion of the t quantile in the normal one (Abramowitz & Stegun 26.7.5),
    /// t = z + g₁(z)/ν + g₂(z)/ν² + g₃(z)/ν³ + g₄(z)/ν⁴, and its slope dt/dz.
    static func cornishFisher(_ z: Double, degreesOfFreedom nu: Double) -> (t: Double, slope: Double) {
        let z2 = z * z
        let terms = [
            (z2 + 1) * z / 4,
            ((5 * z2 + 16) * z2 + 3) * z / 96,
            (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384,
            ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160,
        ]
        let slopes = [
            (3 * z2 + 1) / 4,
            ((25 * z2 + 48) * z2 + 3) / 96,
            (((21 * z2 + 95) * z2 + 51) * z2 - 15) / 384,
            ((((711 * z2 + 5432) * z2 + 7410) * z2 - 5760) * z2 - 945) / 92160,
        ]
        var t = z
        var slope = 1.0
        var power = 1.0
        for (term, termSlope) in zip(terms, slopes) {
            power /= nu
            t += term * power
            slope += termSlope * power
        }
        return (t, slope)
    }

    /// The density of t(ν) at t: (1 + t²/ν)^−(ν+1)/2 / (√ν · B(ν/2, ½)).
    static func studentTDensity(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        exp(-(nu + 1) / 2 * log1p(t * t / nu) - logBeta(nu / 2, 0.5)) / nu.squareRoot()
    }

    // MARK: Beta

    /// The regularized incomplete beta function I_x(a, b), given x and its complement 1 − x (each computed
    /// without cancellation by the caller), by the continued fraction of Abramowitz & Stegun 26.5.8,
    /// evaluated with the modified Lentz method on whichever side converges fast.
    static func regularizedIncompleteBeta(x: Double, complement y: Double, a: Double, b: Double) -> Double {
        precondition(x >= 0 && y >= 0 && a > 0 && b > 0, "Incomplete beta of x = \(x), a = \(a), b = \(b).")
        if x == 0 { return 0 }
        if y == 0 { return 1 }
        // log(x^a · y^b / B(a, b)), with the logarithm of whichever of x and y is close to 1 taken by log1p.
        let logX = x > 0.5 ? log1p(-y) : log(x)
        let logY = y > 0.5 ? log1p(-x) : log(y)
        let front = exp(a * logX + b * logY - logBeta(a, b))
        if x < (a + 1) / (a + b + 2) {
            return front * betaContinuedFraction(x: x, a: a, b: b) / a
        }
        return 1 - front * betaContinuedFraction(x: y, a: b, b: a) / b
    }

    /// The continued fraction for I_x(a, b) · a / (x^a (1 − x)^b / B(a, b)).
    private static func betaContinuedFraction(x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        func guarded(_ value: Double) -> Double { abs(value) < tiny ? tiny : value }
        var c = 1.0
        var d = 1 / guarded(1 - (a + b) * x / (a + 1))
        var result = d
        for step in 1...1_000_000 {
            let m = Double(step)
            let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 / guarded(1 + even * d)
            c = guarded(1 + even / c)
            result *= d * c
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 / guarded(1 + odd * d)
            c = guarded(1 + odd / c)
            let change = d * c
            result *= change
            if abs(change - 1) <= 2 * Double.ulpOfOne { break }
        }
        return result
    }

    /// log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b), without the cancellation of subtracting large
    /// log-gammas: Stirling's series carries the large arguments (the arrangement of R's `lbeta`).
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        let small = min(a, b)
        let large = max(a, b)
        let sum = small + large
        if large < 10 {
            return log(tgamma(small) * tgamma(large) / tgamma(sum))
        }
        if small < 10 {
            return log(tgamma(small)) + stirlingCorrection(large) - stirlingCorrection(sum) + small
                - small * log(sum) + (large - 0.5) * log1p(-small / sum)
        }
        return -0.5 * log(large) + 0.5 * log(2 * Double.pi)
            + stirlingCorrection(small) + stirlingCorrection(large) - stirlingCorrection(sum)
            + (small - 0.5) * log(small / sum) + large * log1p(-small / sum)
    }

    /// log Γ(x) − ((x − ½) log x − x + ½ log 2π) for x ≥ 10, by Stirling's series to the x⁻¹³ term
    /// (the next term is below 3·10⁻¹⁷ at x = 10).
    static func stirlingCorrection(_ x: Double) -> Double {
        precondition(x >= 10, "Stirling's series is used from 10 up, not at \(x).")
        let inverse = 1 / x
        let s = inverse * inverse
        let coefficients: [Double] = [1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360_360, 1 / 156]
        var series = 0.0
        for coefficient in coefficients.reversed() { series = series * s + coefficient }
        return series * inverse
    }
}
