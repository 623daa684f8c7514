/// What it takes, interval by interval over the next weeks, to keep each time-bound promise: arrivals forecast
/// from the contacts history, agents by Erlang C or A (live channels) or by workload (asynchronous ones), heads
/// after shrinkage, hours, FTE and cost with night and weekend differentials, and the same for business hours
/// only, so 24/7 coverage has a price. Documented in `docs/staffing.md` ("Planning from the charter").
public struct StaffingPlan: Sendable, Codable {
    /// The choices of a plan.
    public struct Settings: Sendable, Codable, Hashable {
        /// The interval length in minutes: 15, 30 or 60.
        public var intervalMinutes = 30
        /// How many weeks to plan.
        public var weeks = 2
        /// The cost of one paid hour, before differentials.
        public var hourlyCost = 32.0
        /// Extra pay for hours between `nightStartMinute` and `nightEndMinute`, as a share (0.15: +15%).
        public var nightDifferential = 0.15
        /// Extra pay for Saturday and Sunday hours, as a share; added to the night differential.
        public var weekendDifferential = 0.10
        /// Local minute of day at which night hours start and end.
        public var nightStartMinute = 22 * 60
        public var nightEndMinute = 6 * 60
        /// Paid hours per week of one full-time equivalent.
        public var hoursPerFTE = 40.0
        /// The share of paid time agents cannot answer (breaks, training, absence).
        public var shrinkage = 0.30
        /// The highest agent occupancy.
        public var maxOccupancy = 0.85
        /// Chats one agent handles at once.
        public var chatConcurrency = 1
        /// Handle times by channel, in seconds, where the data has none (email) or to override it.
        public var handleTimes: [String: Double] = [:]

        public init() {}
    }

    /// One interval of a promise's plan.
    public struct Interval: Sendable, Codable, Hashable {
        /// Days since the first planned day, and the local minute of day the interval starts.
        public var day: Int
        public var minute: Int
        public var weekday: Weekday
        /// Forecast arrivals.
        public var forecast: Double
        /// Agents answering (before shrinkage) and heads scheduled (after).
        public var agents: Int
        public var scheduled: Int
        /// Whether the promise's business calendar is open (always, without one).
        public var open: Bool
    }

    /// One promise's plan.
    public struct PromisePlan: Sendable, Codable {
        public var id: String
        public var channel: String
        /// `erlang-c`, `erlang-a` or `workload`.
        public var model: String
        /// The service level and answer time staffed for, or the ASA cap.
        public var serviceLevel: Double?
        public var answerWithinSeconds: Double
        public var maxASASeconds: Double?
        public var handleTimeSeconds: Double
        public var patienceSeconds: Double?
        /// The method whose forecast is used, and each method's backtest WAPE (`nil`: history too short).
        public var forecastMethod: ArrivalForecast.Method
        public var backtests: [String: Double?]
        public var intervals: [Interval]
        /// Per week: scheduled hours, FTE and cost, staffed around the clock.
        public var weeklyHours: Double
        public var fte: Double
        public var weeklyCost: Double
        /// The business calendar compared with round-the-clock staffing: the promise's own, or the charter's first.
        public var businessCalendar: String?
        /// The same, staffed only while that calendar is open (equal to 24/7 without a calendar).
        public var businessHoursFTE: Double
        public var businessHoursWeeklyCost: Double
    }

    /// A promise the plan could not staff, with the reason.
    public struct Skipped: Sendable, Codable, Hashable {
        public var id: String
        public var reason: String
    }

    public var settings: Settings
    /// The first planned local date and the zone.
    public var firstDay: LocalDate
    public var timeZoneIdentifier: String
    public var promises: [PromisePlan]
    public var skipped: [Skipped]
    /// Per interval, the heads all channels need: per channel the most any of its promises needs (the same agents
    /// keep every promise of their channel), summed over channels.
    public var totalScheduled: [Int]
    public var totalWeeklyHours: Double
    public var totalFTE: Double
    public var totalWeeklyCost: Double
    public var totalYearlyCost: Double { totalWeeklyCost * 52 }
}
