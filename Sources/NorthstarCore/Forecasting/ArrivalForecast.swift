/// Forecasts of arrivals per interval, each with its backtest error, so a planner sees which one to trust.
public enum ArrivalForecast {
    /// A forecasting method.
    public enum Method: String, Sendable, Hashable, CaseIterable, Codable {
        /// Each interval as it was a season (a week) before.
        case seasonalNaive = "seasonal-naive"
        /// Additive Holt–Winters with a weekly season, its parameters fitted on the history (``HoltWinters``).
        case holtWinters = "holt-winters"
    }

    /// The next `steps` values after `history`, never below zero; `nil` when the history is too short (a season
    /// for seasonal naive, two for Holt–Winters).
    public static func forecast(_ history: [Double], season: Int, steps: Int, method: Method) -> [Double]? {
        switch method {
        case .seasonalNaive:
            guard season > 0, history.count >= season else { return nil }
            let lastSeason = history.suffix(season)
            return (0..<steps).map { lastSeason[lastSeason.startIndex + $0 % season] }
        case .holtWinters:
            guard let model = HoltWinters.fit(history, season: season) else { return nil }
            return model.forecast(steps).map { max(0, $0) }
        }
    }

    /// Weighted absolute percentage error: Σ|actual − forecast| / Σ actual; `nil` when nothing arrived.
    public static func wape(actual: [Double], forecast: [Double]) -> Double? {
        let total = actual.reduce(0, +)
        guard total > 0, actual.count == forecast.count else { return nil }
        return zip(actual, forecast).reduce(0) { $0 + abs($1.0 - $1.1) } / total
    }

    /// The method's WAPE when the last `holdout` values are forecast from those before them.
    public static func backtest(_ history: [Double], season: Int, holdout: Int, method: Method) -> Double? {
        guard holdout > 0, history.count > holdout else { return nil }
        let training = Array(history.dropLast(holdout))
        guard let predicted = forecast(training, season: season, steps: holdout, method: method) else { return nil }
        return wape(actual: Array(history.suffix(holdout)), forecast: predicted)
    }
}
