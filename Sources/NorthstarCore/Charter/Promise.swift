/// One promise behind the words of the mission: a metric, for a population, on a clock, against a target,
/// judged per period.
public struct Promise: Sendable, Hashable {
    /// Which clock durations are measured on.
    public enum Clock: Sendable, Hashable, CustomStringConvertible {
        /// Wall-clock time, around the clock.
        case calendar
        /// Only the open hours of the named business calendar count.
        case business(calendar: String)

        /// `calendar` or the calendar's name, as written in a charter.
        public var description: String {
            switch self {
            case .calendar: "calendar"
            case .business(let name): name
            }
        }
    }

    /// The promise's unique id, kebab-case, such as `chat-first-response`.
    public var id: String
    /// The words of the mission or behaviours this promise stands for, if given.
    public var says: Statement?
    /// The metric the promise is bound to.
    public var metric: Metric
    /// The contacts it covers.
    public var population: Population
    /// The clock durations run on.
    public var clock: Clock
    /// What it commits to.
    public var target: PromiseTarget
    /// The period it is judged over.
    public var period: Period
    /// Below this many samples in a period the verdict is "insufficient data".
    public var minimumSample: Int
    /// The definition choices the metric is computed with (Northstar's defaults, a preset, or overrides).
    public var options: MetricOptions
    /// Where the promise starts in the charter file.
    public var location: SourceLocation?

    /// Creates a promise.
    public init(
        id: String,
        says: Statement? = nil,
        metric: Metric,
        population: Population = Population(),
        clock: Clock = .calendar,
        target: PromiseTarget,
        period: Period = .week,
        minimumSample: Int = 20,
        options: MetricOptions = MetricOptions(),
        location: SourceLocation? = nil
    ) {
        self.id = id
        self.says = says
        self.metric = metric
        self.population = population
        self.clock = clock
        self.target = target
        self.period = period
        self.minimumSample = minimumSample
        self.options = options
        self.location = location
    }
}
