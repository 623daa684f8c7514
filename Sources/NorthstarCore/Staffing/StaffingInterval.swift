/// One interval's staffing question: how many contacts arrive, how long each takes, how long callers wait
/// before they give up.
///
/// The offered load is A = contacts × handle time / interval length, in Erlangs, kept as an exact ratio of
/// the decimals given, so that its ceilings are exact.
public struct StaffingInterval: Sendable, Hashable {
    /// Contacts offered in the interval (a forecast may be fractional).
    public let contacts: Double
    /// The interval's length in seconds.
    public let intervalSeconds: Double
    /// The average handle time of one contact, in seconds (talk, hold and wrap-up).
    public let handleTimeSeconds: Double
    /// The mean patience of a caller in seconds, exponentially distributed (Erlang A); `nil` when callers
    /// never give up (Erlang C).
    public let patienceSeconds: Double?
    /// How many contacts one agent handles at once (chat); 1 for voice.
    public let concurrency: Int

    /// Creates a question, checking every input.
    ///
    /// - Throws: ``StaffingError`` with ``StaffingError/Code/invalidInput`` for a volume, interval, handle
    ///   time or patience that is not a positive finite number, or a concurrency below 1.
    public init(
        contacts: Double,
        intervalSeconds: Double,
        handleTimeSeconds: Double,
        patienceSeconds: Double? = nil,
        concurrency: Int = 1
    ) throws {
        try Self.requirePositive(contacts, "The contact volume", fix: "give the contacts offered in the interval")
        try Self.requirePositive(intervalSeconds, "The interval", fix: "use a length such as 30m")
        try Self.requirePositive(handleTimeSeconds, "The handle time", fix: "use the average handle time, e.g. 3m")
        if let patienceSeconds {
            try Self.requirePositive(patienceSeconds, "The patience", fix: "use the callers' mean patience, e.g. 5m")
        }
        guard concurrency >= 1 else {
            throw StaffingError(
                code: .invalidInput,
                message: "The concurrency is \(concurrency); an agent handles at least 1 contact at a time."
            )
        }
        self.contacts = contacts
        self.intervalSeconds = intervalSeconds
        self.handleTimeSeconds = handleTimeSeconds
        self.patienceSeconds = patienceSeconds
        self.concurrency = concurrency
    }

    /// The offered load in Erlangs: contacts × handle time / interval.
    public var offeredLoad: Double { exactLoad.doubleValue }

    /// The offered load as an exact ratio of the decimal inputs.
    var exactLoad: ExactRatio {
        ExactRatio(approximating: contacts) * ExactRatio(approximating: handleTimeSeconds)
            / ExactRatio(approximating: intervalSeconds)
    }

    private static func requirePositive(_ value: Double, _ name: String, fix: String) throws {
        guard value.isFinite, value > 0 else {
            throw StaffingError(
                code: .invalidInput,
                message: "\(name) is \(plain(value)); it must be above zero: \(fix)."
            )
        }
    }
}

/// `0`, `-3`, `2.5`: a number as a person writes it.
func plain(_ value: Double) -> String {
    value.isFinite && value == value.rounded() && abs(value) < 1e15 ? "\(Int(value))" : "\(value)"
}
