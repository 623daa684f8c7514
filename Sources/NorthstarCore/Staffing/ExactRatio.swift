/// A non-negative rational number p/q in lowest terms, for the ceilings of staffing: `4.8 / 0.8` is exactly 6
/// and `21 / 0.7` exactly 30, where IEEE doubles say 6.000000000000001 and 30.000000000000004.
///
/// A `Double` input stands for the shortest decimal that prints as it (`0.8` is 8/10, not
/// 0.8000000000000000444…), which is what the person typed. Products that would overflow 64-bit integers fall
/// back to the nearest such decimal of their floating-point value; staffing inputs never get there.
struct ExactRatio: Sendable, Hashable, Comparable {
    /// The numerator.
    private(set) var numerator: Int
    /// The denominator, always positive.
    private(set) var denominator: Int

    /// The integer `value`.
    init(_ value: Int) {
        numerator = value
        denominator = 1
    }

    /// p/q, reduced. - Precondition: q ≠ 0.
    init(_ p: Int, _ q: Int) {
        precondition(q != 0, "A ratio needs a non-zero denominator.")
        let divisor = Self.gcd(abs(p), abs(q))
        let sign = q < 0 ? -1 : 1
        numerator = sign * p / max(divisor, 1)
        denominator = sign * q / max(divisor, 1)
    }

    /// The shortest decimal (at most 17 significant digits) that rounds to `value`.
    init(approximating value: Double) {
        precondition(value.isFinite, "Staffing inputs are finite numbers.")
        var scale = 1
        for _ in 0...17 {
            let scaled = (value * Double(scale)).rounded()
            if abs(scaled) < 9.0e18, scaled / Double(scale) == value {
                self.init(Int(scaled), scale)
                return
            }
            if scale > Int.max / 10 { break }
            scale *= 10
        }
        // Tiny or huge values: keep the double's own binary value as closely as 64 bits allow.
        let exponent = max(0, min(62, 52 - Int(value.exponent)))
        self.init(Int((value * Double(1 << exponent)).rounded()), 1 << exponent)
    }

    /// The nearest double.
    var doubleValue: Double { Double(numerator) / Double(denominator) }

    /// The smallest integer at or above the value.
    var ceiling: Int {
        let quotient = numerator / denominator
        return numerator % denominator > 0 ? quotient + 1 : quotient
    }

    /// The largest integer at or below the value.
    var floor: Int {
        let quotient = numerator / denominator
        return numerator % denominator < 0 ? quotient - 1 : quotient
    }

    static func * (lhs: ExactRatio, rhs: ExactRatio) -> ExactRatio {
        let a = gcd(abs(lhs.numerator), rhs.denominator)
        let b = gcd(abs(rhs.numerator), lhs.denominator)
        let (p, pOverflow) = (lhs.numerator / max(a, 1)).multipliedReportingOverflow(by: rhs.numerator / max(b, 1))
        let (q, qOverflow) = (lhs.denominator / max(b, 1)).multipliedReportingOverflow(by: rhs.denominator / max(a, 1))
        guard !pOverflow, !qOverflow else { return ExactRatio(approximating: lhs.doubleValue * rhs.doubleValue) }
        return ExactRatio(p, q)
    }

    static func / (lhs: ExactRatio, rhs: ExactRatio) -> ExactRatio {
        precondition(rhs.numerator != 0, "Division by zero.")
        return lhs * ExactRatio(rhs.denominator, rhs.numerator)
    }

    static func + (lhs: ExactRatio, rhs: ExactRatio) -> ExactRatio {
        let (a, aOverflow) = lhs.numerator.multipliedReportingOverflow(by: rhs.denominator)
        let (b, bOverflow) = rhs.numerator.multipliedReportingOverflow(by: lhs.denominator)
        let (q, qOverflow) = lhs.denominator.multipliedReportingOverflow(by: rhs.denominator)
        let (p, pOverflow) = a.addingReportingOverflow(b)
        guard !aOverflow, !bOverflow, !qOverflow, !pOverflow else {
            return ExactRatio(approximating: lhs.doubleValue + rhs.doubleValue)
        }
        return ExactRatio(p, q)
    }

    static func - (lhs: ExactRatio, rhs: ExactRatio) -> ExactRatio {
        lhs + ExactRatio(-rhs.numerator, rhs.denominator)
    }

    static func < (lhs: ExactRatio, rhs: ExactRatio) -> Bool {
        let (a, aOverflow) = lhs.numerator.multipliedReportingOverflow(by: rhs.denominator)
        let (b, bOverflow) = rhs.numerator.multipliedReportingOverflow(by: lhs.denominator)
        guard !aOverflow, !bOverflow else { return lhs.doubleValue < rhs.doubleValue }
        return a < b
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }
}
