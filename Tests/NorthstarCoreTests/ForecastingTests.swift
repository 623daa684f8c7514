import Foundation
import Testing

@testable import NorthstarCore

/// Arrival histories and forecasts for staffing: counts checked by hand (DST days included), Holt–Winters against
/// statsmodels 0.15 (`scripts/forecast-oracles.py`), seasonal naive and WAPE by hand.
@Suite("Forecasting arrivals")
struct ForecastingTests {
    struct Oracle: Decodable {
        struct Case: Decodable {
            var season: Int
            var alpha: Double
            var beta: Double
            var gamma: Double
            var values: [Double]
            var fitted: [Double]
            var level: Double
            var trend: Double
            var seasonal: [Double]
            var forecast: [Double]
        }
        var tool: String
        var cases: [Case]
    }

    static func close(_ actual: Double, _ expected: Double) -> Bool {
        abs(actual - expected) <= 1e-9 * max(1, abs(expected))
    }

    /// statsmodels' own `forecast()` reuses a season-old seasonal term at every multiple of the season; the oracle
    /// gives the textbook forecast from statsmodels' final state instead (`scripts/forecast-oracles.py`).
    @Test("Holt–Winters: fitted values and final state equal statsmodels' to 1e-9, forecasts the textbook's")
    func holtWintersMatchesStatsmodels() throws {
        let url = try #require(
            Bundle.module.url(forResource: "Fixtures/holt-winters-statsmodels", withExtension: "json")
        )
        let oracle = try JSONDecoder().decode(Oracle.self, from: Data(contentsOf: url))
        #expect(oracle.cases.count == 4)
        for (number, item) in oracle.cases.enumerated() {
            let start = try #require(HoltWinters.State(classicalFrom: item.values, season: item.season))
            let model = HoltWinters(
                values: item.values,
                season: item.season,
                parameters: .init(alpha: item.alpha, beta: item.beta, gamma: item.gamma),
                start: start
            )
            #expect(model.fitted.count == item.fitted.count)
            #expect(zip(model.fitted, item.fitted).allSatisfy(Self.close), "case \(number): fitted")
            #expect(Self.close(model.state.level, item.level), "case \(number): level")
            #expect(Self.close(model.state.trend, item.trend), "case \(number): trend")
            #expect(zip(model.state.seasonal, item.seasonal).allSatisfy(Self.close), "case \(number): seasonal")
            let forecast = model.forecast(item.forecast.count)
            #expect(zip(forecast, item.forecast).allSatisfy(Self.close), "case \(number): forecast")
        }
    }

    @Test("seasonal naive repeats the last season; WAPE is Σ|error| / Σ actual")
    func seasonalNaiveAndWAPE() throws {
        let history: [Double] = [1, 2, 3, 4, 5, 6, 10, 20, 30]
        // Season 3: the last season is 10, 20, 30, repeated.
        #expect(ArrivalForecast.forecast(history, season: 3, steps: 5, method: .seasonalNaive) == [10, 20, 30, 10, 20])
        // |12 − 10| + |18 − 20| + |30 − 30| = 4, over 60 arrivals.
        #expect(ArrivalForecast.wape(actual: [12, 18, 30], forecast: [10, 20, 30]) == 4.0 / 60.0)
        #expect(ArrivalForecast.wape(actual: [0, 0], forecast: [1, 1]) == nil)
        // Backtest of seasonal naive, holding out the last season: 4, 5, 6 forecast 10, 20, 30 → 6 + 15 + 24 = 45
        // over 60.
        #expect(ArrivalForecast.backtest(history, season: 3, holdout: 3, method: .seasonalNaive) == 45.0 / 60.0)
        #expect(ArrivalForecast.forecast([1, 2], season: 3, steps: 1, method: .seasonalNaive) == nil)
    }

    @Test("a fitted Holt–Winters follows a trend that seasonal naive cannot, and neither forecast is negative")
    func holtWintersFollowsTrend() throws {
        // Four weeks of a daily pattern (season 7) growing by 1 a day.
        let shape: [Double] = [20, 30, 25, 22, 18, 5, 3]
        let history = (0..<28).map { shape[$0 % 7] + Double($0) }
        let naive = try #require(ArrivalForecast.backtest(history, season: 7, holdout: 7, method: .seasonalNaive))
        let smoothed = try #require(ArrivalForecast.backtest(history, season: 7, holdout: 7, method: .holtWinters))
        #expect(smoothed < naive / 2)
        // Seasonal naive is a week behind: 7 too few every day, over the last week's arrivals.
        let lastWeek = history.suffix(7).reduce(0, +)
        #expect(abs(naive - 49 / lastWeek) < 1e-12)
        let falling = (0..<28).map { max(0, shape[$0 % 7] - Double($0)) }
        let forecast = try #require(ArrivalForecast.forecast(falling, season: 7, steps: 14, method: .holtWinters))
        #expect(forecast.allSatisfy { $0 >= 0 })
    }

    @Test(
        "arrivals fall in local intervals; the skipped hour stays empty and the repeated hour is counted once per interval"
    )
    func arrivalsInLocalTime() throws {
        func at(_ text: String) -> Timestamp { Timestamp(rfc3339: text)! }
        let arrivals = [
            at("2026-03-28T23:10:00Z"),  // Sunday 29 March 00:10 CET: interval 0 of the day
            at("2026-03-29T00:59:59Z"),  // 01:59:59 CET: interval 3
            at("2026-03-29T01:00:00Z"),  // 03:00:00 CEST (02:00–03:00 does not exist): interval 6
            at("2026-10-25T00:30:00Z"),  // Sunday 25 October 02:30 CEST: interval 5
            at("2026-10-25T01:30:00Z"),  // 02:30 again, now CET: interval 5 too
            at("2026-03-27T22:59:59Z"),  // Friday 27 March 23:59:59: before the first day, left out
        ]
        let march = try #require(
            ArrivalSeries(
                arrivals: arrivals,
                timeZoneIdentifier: "Europe/Amsterdam",
                intervalMinutes: 30,
                from: LocalDate(year: 2026, month: 3, day: 28)!,
                through: LocalDate(year: 2026, month: 3, day: 29)!
            )
        )
        #expect(march.intervalsPerDay == 48 && march.days == 2 && march.intervalsPerWeek == 336)
        #expect(march.firstWeekday == .saturday)
        let sunday = Array(march.counts[48..<96])
        #expect(sunday[0] == 1 && sunday[3] == 1 && sunday[6] == 1)
        #expect(sunday[4] == 0 && sunday[5] == 0)  // 02:00–03:00 never happened
        #expect(march.counts.reduce(0, +) == 3)
        #expect(march.outside == 3)  // the October arrivals and the Friday one
        let october = try #require(
            ArrivalSeries(
                arrivals: arrivals,
                timeZoneIdentifier: "Europe/Amsterdam",
                intervalMinutes: 60,
                from: LocalDate(year: 2026, month: 10, day: 25)!,
                through: LocalDate(year: 2026, month: 10, day: 25)!
            )
        )
        #expect(october.counts[2] == 2)  // both 02:30s, in the 02:00 hour
        #expect(october.weekdayProfile()[.sunday]?[2] == 2)
        #expect(
            ArrivalSeries(
                arrivals: [],
                timeZoneIdentifier: "UTC",
                intervalMinutes: 7,
                from: march.firstDay,
                through: march.firstDay
            ) == nil
        )
    }
}
