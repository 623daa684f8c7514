#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The sums of the Erlang A series function J(x, z) = Σₖ zᵏ / ((x+1)(x+2)…(x+k)), k ≥ 0, and of the same
/// terms wₖ with three weights, each stored as e^logScale × value so that no term overflows.
struct ErlangASeries {
    /// The common scale, as a natural logarithm.
    var logScale = 0.0
    /// Σ wₖ = J(x, z).
    var total = 0.0
    /// Σ wₖ / (x + k + 1).
    var reciprocal = 0.0
    /// Σ wₖ (k + 1) / (x + k + 1): arrivals that find k callers queued ahead and abandon.
    var abandoning = 0.0
    /// Σ wₖ hₖ / (x + k + 1), hₖ = Σⱼ₌₁ᵏ⁺¹ 1 / (x + j): the expected wait of those who are answered.
    var answeredWait = 0.0

    /// Sums the series until the tail is below 1e-18 of the total.
    ///
    /// The terms rise while z > x + k and fall after; past the peak the ratio of consecutive terms
    /// r = z / (x + k + 2) < 1 bounds the tail by term · r / (1 − r).
    init(x: Double, z: Double, weighted: Bool) {
        var term = 1.0
        var harmonic = 0.0
        var k = 0.0
        let rescale = 1e-200
        let logRescale = log(1e200)
        while true {
            let d = x + k + 1
            total += term
            if weighted {
                harmonic += 1 / d
                let share = term / d
                reciprocal += share
                abandoning += share * (k + 1)
                answeredWait += share * harmonic
            }
            let ratio = z / d
            term *= ratio
            k += 1
            if term > 1e200 {
                term *= rescale
                total *= rescale
                reciprocal *= rescale
                abandoning *= rescale
                answeredWait *= rescale
                logScale += logRescale
            }
            let nextRatio = z / (x + k + 1)
            if nextRatio < 1, term <= 1e-18 * total * (1 - nextRatio) { break }
            if term == 0 { break }
        }
    }

    /// log J(x, z).
    var logTotal: Double { logScale + log(total) }
}

extension StaffingModel {
    /// Erlang A (M/M/c+M) in closed form through the series function J, after Mandelbaum & Zeltyn.
    ///
    /// With x = c·μ/θ, y = λ/θ (θ = 1 / patience) and Erlang B at c, the state probabilities beyond c are
    /// π_c·wₖ with wₖ = yᵏ / ((x+1)…(x+k)), and π_c = 1 / (1/B − 1 + J(x, y)). An arrival with k callers ahead
    /// is answered with probability x / (x + k + 1); its offered wait V has e^(−θV) ~ Beta(x, k + 1). Summing
    /// over k gives
    /// - P(wait) = π_c·J(x, y), P(abandon) = π_c·Σ wₖ (k + 1)/(x + k + 1),
    /// - P(answered after more than t) = π_c · x/(x+1) · e^(y(1−u)) · u^(x+1) · J(x + 1, y·u), u = e^(−θt),
    /// - P(wait until answer or hang-up > t) = π_c · e^(y(1−u)) · u^(x+1) · J(x, y·u),
    /// - E[wait; answered] = π_c/θ · Σ wₖ · x/(x + k + 1) · Σⱼ₌₁ᵏ⁺¹ 1/(x + j).
    /// Every sum is taken in log space (``ErlangASeries``), so loads of 10,000 Erlangs and staffing far below
    /// the load are exact to about 1e-13.
    func erlangA(servers c: Int, blocking: Double, answerWithin t: Double, patience: Double) -> StaffingPerformance {
        let ratio = patience / interval.handleTimeSeconds
        let x = Double(c) * ratio
        let y = load * ratio
        let series = ErlangASeries(x: x, z: y, weighted: true)
        // 1/B − 1 = (1 − B)/B, relative to the series' scale; B = 0 (underflow) makes π_c·J vanish.
        let idle = blocking > 0 ? exp(log1p(-blocking) - log(blocking) - series.logScale) : Double.infinity
        let norm = idle + series.total
        let waitProbability = series.total / norm
        let abandonment = series.abandoning / norm
        let answered = (idle + x * series.reciprocal) / norm
        let answeredWait = x * series.answeredWait * patience / norm

        // The tails at t: θt and u = e^(−θt); 1 − u = −expm1(−θt) keeps precision for short targets.
        let thetaT = t / patience
        let oneMinusU = -expm1(-thetaT)
        let shifted = ErlangASeries(x: x + 1, z: y * exp(-thetaT), weighted: false)
        let logTail = y * oneMinusU - (x + 1) * thetaT - series.logScale - log(norm)
        let answeredLate = t == 0 ? x * series.reciprocal / norm : exp(log(x / (x + 1)) + logTail + shifted.logTotal)
        // J(x, z) = 1 + z/(x+1)·J(x+1, z).
        let logJ = logAddExp(0, log(y / (x + 1)) - thetaT + shifted.logTotal)
        let waitBeyond = t == 0 ? waitProbability : exp(logTail + logJ)

        let serviceLevel = max(0, answered - answeredLate)
        return StaffingPerformance(
            servers: c,
            waitProbability: waitProbability,
            serviceLevel: serviceLevel,
            answeredServiceLevel: answered > 0 ? serviceLevel / answered : 0,
            waitWithinTarget: 1 - waitBeyond,
            asaSeconds: answered > 0 ? answeredWait / answered : 0,
            meanWaitSeconds: abandonment * patience,
            abandonment: abandonment,
            occupancy: load * answered / Double(c)
        )
    }
}

/// log(eᵃ + eᵇ) without overflow.
private func logAddExp(_ a: Double, _ b: Double) -> Double {
    let high = max(a, b)
    return high + log1p(exp(min(a, b) - high))
}
