/// Additive Holt–Winters exponential smoothing with a trend and one season (for contact arrivals: a week of
/// intervals), as in Hyndman & Athanasopoulos, *Forecasting: Principles and Practice*, §8.3, and statsmodels'
/// `ExponentialSmoothing(trend="add", seasonal="add")`:
///
///     level   ℓₜ = α (yₜ − sₜ₋ₘ) + (1 − α)(ℓₜ₋₁ + bₜ₋₁)
///     trend   bₜ = β (ℓₜ − ℓₜ₋₁) + (1 − β) bₜ₋₁
///     season  sₜ = γ (yₜ − ℓₜ₋₁ − bₜ₋₁) + (1 − γ) sₜ₋ₘ
///     forecast ŷₜ₊ₕ = ℓₜ + h bₜ + sₜ₊ₕ₋ₘ₍ₖ₊₁₎
///
/// Tests compare the recursions with statsmodels 0.15 given the same parameters and starting state.
public struct HoltWinters: Sendable, Hashable {
    /// The smoothing parameters, each in 0…1.
    public struct Parameters: Sendable, Hashable {
        public var alpha: Double
        public var beta: Double
        public var gamma: Double

        public init(alpha: Double, beta: Double, gamma: Double) {
            self.alpha = alpha
            self.beta = beta
            self.gamma = gamma
        }
    }

    /// The state before the first observation: a level, a trend, and one seasonal term per position of the season.
    public struct State: Sendable, Hashable {
        public var level: Double
        public var trend: Double
        public var seasonal: [Double]

        public init(level: Double, trend: Double, seasonal: [Double]) {
            self.level = level
            self.trend = trend
            self.seasonal = seasonal
        }

        /// The classical start from the first two seasons of `values`: the level is the first season's mean, the
        /// trend the change of the season mean per step, and each seasonal term the first season's value less its
        /// mean. `nil` with fewer than two seasons.
        public init?(classicalFrom values: [Double], season: Int) {
            guard season > 0, values.count >= 2 * season else { return nil }
            let first = values[0..<season].reduce(0, +) / Double(season)
            let second = values[season..<(2 * season)].reduce(0, +) / Double(season)
            self.init(
                level: first,
                trend: (second - first) / Double(season),
                seasonal: values[0..<season].map { $0 - first }
            )
        }
    }

    /// The season's length in steps (a week of 30-minute intervals: 336).
    public let season: Int
    public let parameters: Parameters
    /// The state after the last observation.
    public private(set) var state: State
    /// The one-step-ahead forecast made before each observation.
    public private(set) var fitted: [Double] = []
    /// The sum of squared one-step errors.
    public private(set) var squaredError = 0.0
    private var position = 0  // where the next observation falls in the season

    /// Runs the recursions over `values` from `start`.
    public init(values: [Double], season: Int, parameters: Parameters, start: State) {
        precondition(season > 0 && start.seasonal.count == season, "one seasonal term per position of the season")
        self.season = season
        self.parameters = parameters
        self.state = start
        fitted.reserveCapacity(values.count)
        for value in values { observe(value) }
    }

    private mutating func observe(_ value: Double) {
        let (alpha, beta, gamma) = (parameters.alpha, parameters.beta, parameters.gamma)
        let previousLevel = state.level
        let previousTrend = state.trend
        let seasonal = state.seasonal[position]
        let forecast = previousLevel + previousTrend + seasonal
        fitted.append(forecast)
        squaredError += (value - forecast) * (value - forecast)
        state.level = alpha * (value - seasonal) + (1 - alpha) * (previousLevel + previousTrend)
        state.trend = beta * (state.level - previousLevel) + (1 - beta) * previousTrend
        state.seasonal[position] = gamma * (value - previousLevel - previousTrend) + (1 - gamma) * seasonal
        position = (position + 1) % season
    }

    /// The next `steps` forecasts.
    public func forecast(_ steps: Int) -> [Double] {
        (0..<max(steps, 0)).map { ahead in
            state.level + Double(ahead + 1) * state.trend + state.seasonal[(position + ahead) % season]
        }
    }

    /// The parameters with the least one-step squared error over `values` (after the two seasons that start
    /// the state), from a grid: α and γ in steps of 0.05, β in {0, 0.01, 0.05, 0.1, 0.2}.
    public static func fit(_ values: [Double], season: Int) -> HoltWinters? {
        guard let start = State(classicalFrom: values, season: season) else { return nil }
        var best: HoltWinters?
        for alpha in stride(from: 0.05, through: 0.95, by: 0.05) {
            for beta in [0, 0.01, 0.05, 0.1, 0.2] {
                for gamma in stride(from: 0.05, through: 0.95, by: 0.05) {
                    let model = HoltWinters(
                        values: values,
                        season: season,
                        parameters: Parameters(alpha: alpha, beta: beta, gamma: gamma),
                        start: start
                    )
                    if model.squaredError < best?.squaredError ?? .infinity { best = model }
                }
            }
        }
        return best
    }
}
