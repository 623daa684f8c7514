import NorthstarCore

/// One agent's or one team's numbers, read off the cached report's breakdown rows: for each promise they have
/// samples in, every period's value, n, 95% interval and verdict against the promise's target, with the team's
/// (for an agent) and the organisation's figures of the same period beside them. The JSON of
/// `/api/agents/{id}` and `/api/teams/{team}` (docs/server.md) and what the scorecard pages draw.
struct Scorecard: Sendable, Encodable {
    /// A value with its sample and verdict, for comparison.
    struct Figure: Sendable, Encodable {
        /// The measured value, in the promise's unit (`null` without samples).
        var value: Double?
        /// Samples behind it.
        var n: Int
        /// The verdict against the promise's target.
        var verdict: Verdict
    }

    /// One period of one promise.
    struct Period: Sendable, Encodable {
        /// `2026-W10`, `2026-03`, …
        var label: String
        /// Start and end (exclusive), RFC 3339.
        var start: String
        var end: String
        /// Whether the period runs past the end of the data.
        var partial: Bool
        /// The agent's or team's value; `null` without samples in the period.
        var value: Double?
        /// Samples behind it (0 when none).
        var n: Int
        /// Its 95% interval.
        var interval: CheckReport.Interval?
        /// The verdict against the promise's target; `insufficient` below the minimum sample.
        var verdict: Verdict
        /// Whether n is below the promise's minimum sample: too few to judge anyone on.
        var smallSample: Bool
        /// The agent's team in the same period (agents' scorecards only).
        var team: Figure?
        /// The whole organisation in the same period.
        var organization: Figure
    }

    /// One promise the agent or team has samples in.
    struct PromiseCard: Sendable, Encodable {
        /// The promise id.
        var id: String
        /// Its metric.
        var metric: Metric
        /// Its target, as in `check --format json`.
        var target: CheckReport.TargetDescription
        /// Below this many samples a period's verdict is `insufficient`.
        var minimumSample: Int
        /// Every period of the promise, oldest first.
        var periods: [Period]
    }

    /// `agent` or `team`.
    var kind: String
    /// The agent id or the team name.
    var id: String
    /// An agent's team (the team most of their contacts name); a team's own name.
    var team: String?
    /// The charter's organisation.
    var organization: String
    /// The end of the data, RFC 3339.
    var asOf: String
    /// A team's agents that the asker may see: all of them for managers and admins, only themselves for an
    /// agent; `null` on an agent's scorecard.
    var agents: [String]?
    /// One entry per promise with samples, in charter order.
    var promises: [PromiseCard]

    /// The scorecard of `key` in `dimension` (`agent` or `team`); `team` adds the team's figures beside an
    /// agent's. Promises without any breakdown row for `key` are left out.
    static func make(
        kind dimension: String,
        id key: String,
        team: String?,
        report: CheckReport,
        charter: Charter,
        agents: [String]? = nil
    ) -> Scorecard {
        var cards: [PromiseCard] = []
        for promise in report.promises {
            func row(
                _ period: CheckReport.PeriodResult,
                _ dimension: String,
                _ key: String
            ) -> CheckReport.BreakdownRow? {
                period.breakdown?.first { $0.dimension == dimension && $0.key == key }
            }
            guard promise.periods.contains(where: { row($0, dimension, key) != nil }) else { continue }
            let minimum = charter.promises.first { $0.id == promise.id }?.minimumSample ?? 0
            let periods = promise.periods.map { period -> Period in
                let own = row(period, dimension, key)
                let teamRow = dimension == "agent" ? team.flatMap { row(period, "team", $0) } : nil
                let n = own?.n ?? 0
                return Period(
                    label: period.label,
                    start: period.start,
                    end: period.end,
                    partial: period.partial,
                    value: own?.value,
                    n: n,
                    interval: own?.interval,
                    verdict: own?.verdict ?? .insufficient,
                    smallSample: n < minimum,
                    team: dimension == "agent" && team != nil
                        ? Figure(value: teamRow?.value, n: teamRow?.n ?? 0, verdict: teamRow?.verdict ?? .insufficient)
                        : nil,
                    organization: Figure(value: period.value, n: period.n, verdict: period.verdict)
                )
            }
            cards.append(
                PromiseCard(
                    id: promise.id,
                    metric: promise.metric,
                    target: promise.target,
                    minimumSample: minimum,
                    periods: periods
                )
            )
        }
        return Scorecard(
            kind: dimension,
            id: key,
            team: team,
            organization: report.organization,
            asOf: report.asOf,
            agents: agents,
            promises: cards
        )
    }

    /// The values of `dimension` (`agent`, `team`) in any period's breakdown of any promise, sorted; the
    /// `(none)` of contacts without one left out.
    static func keys(_ dimension: String, in report: CheckReport) -> [String] {
        var keys: Set<String> = []
        for promise in report.promises {
            for period in promise.periods {
                for row in period.breakdown ?? [] where row.dimension == dimension && row.key != "(none)" {
                    keys.insert(row.key)
                }
            }
        }
        return keys.sorted()
    }

    /// The words of the caution shown beside a number on too few samples.
    static func caution(n: Int, minimum: Int) -> String {
        "small sample: n = \(n) < \(minimum), do not judge on this"
    }
}

extension Scorecard.PromiseCard {
    /// The card's own numbers as a promise result, for the sparkline and the report's formatting: the
    /// organisation's result with each period's value, n, interval and verdict replaced by the card's.
    func asResult(from promise: CheckReport.PromiseResult) -> CheckReport.PromiseResult {
        var result = promise
        result.periods = zip(promise.periods, periods).map { original, own in
            var period = original
            period.value = own.value
            period.n = own.n
            period.interval = own.interval
            period.verdict = own.verdict
            period.note = nil
            period.breaches = []
            period.breakdown = nil
            return period
        }
        return result
    }
}
