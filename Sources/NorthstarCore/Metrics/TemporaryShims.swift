// TEMPORARY stand-ins for the clock, periods and statistics branches; deleted when they merge.
import Foundation

public struct BusinessClock: Sendable {
    let calendar: BusinessCalendar
    public init?(calendar: BusinessCalendar) { self.calendar = calendar }
    public func businessSeconds(from start: Timestamp, to end: Timestamp) -> Int64 {
        max(0, end.seconds - start.seconds)
    }
}

public struct ReportingPeriod: Sendable, Hashable, Comparable, Codable {
    public var start: Timestamp
    public var end: Timestamp
    public var label: String
    public static func < (a: ReportingPeriod, b: ReportingPeriod) -> Bool { a.start < b.start }
}

extension Timestamp: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(seconds: try decoder.singleValueContainer().decode(Int64.self))
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(seconds)
    }
}

public struct PeriodCalendar: Sendable {
    let period: Period
    public init?(timeZoneIdentifier: String, period: Period) { self.period = period }
    public func period(containing t: Timestamp) -> ReportingPeriod {
        let week: Int64 = 7 * 86_400
        let start = ((t.seconds - 4 * 86_400) / week) * week + 4 * 86_400
        return ReportingPeriod(
            start: Timestamp(seconds: start),
            end: Timestamp(seconds: start + week),
            label: "w\(start)"
        )
    }
}

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
