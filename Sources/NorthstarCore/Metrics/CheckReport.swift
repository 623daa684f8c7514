/// What `northstar check` found: per promise and period, the value, the sample size, a 95% interval and a
/// verdict, with the rules applied and what was read. Its JSON form is a stable contract (`docs/check.md`).
public struct CheckReport: Sendable, Codable {
    /// One promise's results.
    public struct PromiseResult: Sendable, Codable {
        /// The promise id.
        public var id: String
        /// The metric.
        public var metric: Metric
        /// The target, in words and numbers.
        public var target: TargetDescription
        /// The population it covers, such as `channel=chat`.
        public var population: String
        /// `calendar` or the business calendar's name.
        public var clock: String
        /// `week`, `month`, `quarter` or `total`.
        public var period: String
        /// The definition choices applied: `Northstar's defaults`, or the preset and overrides in words.
        public var definition: String
        /// Results per period, oldest first.
        public var periods: [PeriodResult]
    }

    /// A target as numbers a script can use: durations in seconds, shares as fractions, NPS in points.
    public struct TargetDescription: Sendable, Codable {
        /// `90% within 30s`, `median ≤ 48h`, `≥ 75%`.
        public var summary: String
        /// `attainment`, `statistic`, `atLeast` or `atMost`.
        public var kind: String
        /// For attainment: the time limit in seconds.
        public var within: Double?
        /// For attainment: the share that must be within it.
        public var share: Double?
        /// For a statistic: `median`, `p90`, `mean`.
        public var statistic: String?
        /// The bound the value is judged against (seconds, a fraction, points, or an answer on `scale`).
        public var bound: Double
        /// For a CSAT promise judged by its mean score: the answer scale (`1-5`, `0-10`), which the value, the
        /// interval and the bound are on.
        public var scale: String?
    }

    /// One period's result.
    public struct PeriodResult: Sendable, Codable {
        /// `2026-W10`, `2026-03`, `2026-Q1` or `total`.
        public var label: String
        /// Start of the period, RFC 3339.
        public var start: String
        /// End of the period (exclusive), RFC 3339.
        public var end: String
        /// Whether the period runs past the end of the data, so it is a period to date.
        public var partial: Bool
        /// The measured value: seconds for durations, a fraction for shares and rates, points for NPS;
        /// `null` when there are no samples.
        public var value: Double?
        /// The samples behind the value.
        public var n: Int
        /// The 95% interval of the value, when one can be given.
        public var interval: Interval?
        /// The verdict.
        public var verdict: Verdict
        /// Why the verdict is what it is, when it needs saying (too few samples, no interval).
        public var note: String?
        /// For duration metrics: the median and 90th percentile in seconds, shown beside any target.
        public var median: Double?
        /// For duration metrics: the 90th percentile in seconds.
        public var p90: Double?
        /// Samples that took 0 business seconds because they arrived and completed while closed.
        public var closedHours: Int
        /// Contacts still open at the end of the data that are already late and counted as misses.
        public var lateOpen: Int
        /// The contacts that broke the promise in this period (ids, up to 50).
        public var breaches: [String]
        /// The same numbers per value of each `--by` dimension.
        public var breakdown: [BreakdownRow]?
        /// For CSAT: answers / (answers + solved contacts without one) in the period, a fraction; `nil` when
        /// there are neither.
        public var responseRate: Double?
    }

    /// A 95% interval.
    public struct Interval: Sendable, Codable {
        /// Lower end.
        public var low: Double
        /// Upper end.
        public var high: Double
    }

    /// One slice of a period by a dimension.
    public struct BreakdownRow: Sendable, Codable {
        /// The dimension, such as `team`.
        public var dimension: String
        /// Its value, such as `Tier 2`.
        public var key: String
        /// The measured value.
        public var value: Double?
        /// Samples behind it.
        public var n: Int
        /// The 95% interval.
        public var interval: Interval?
        /// The verdict for this slice alone.
        public var verdict: Verdict
    }

    /// What was read.
    public struct Input: Sendable, Codable {
        /// Data rows read across all files.
        public var rowsRead: Int
        /// Rows that became contacts.
        public var accepted: Int
        /// Rows refused.
        public var rejected: Int
        /// Contacts seen more than once (counted once).
        public var duplicates: Int
        /// Per-file reports (without the refused rows themselves).
        public var files: [FileSummary]
    }

    /// One file's counts.
    public struct FileSummary: Sendable, Codable {
        /// The file.
        public var file: String
        /// Its format.
        public var format: String
        /// Rows read.
        public var rowsRead: Int
        /// Rows accepted.
        public var accepted: Int
        /// Rows refused, by reason.
        public var rejectedByReason: [String: Int]
    }

    /// The charter's organisation.
    public var organization: String
    /// The instant the data is taken to end at, RFC 3339: open contacts are judged as of this time.
    public var asOf: String
    /// One entry per promise, in charter order.
    public var promises: [PromiseResult]
    /// The rules applied, in words.
    public var definitions: [String]
    /// What was read.
    public var input: Input
}
