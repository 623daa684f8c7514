/// How a queue performs with a given number of servers: the numbers a service-level report shows.
///
/// Probabilities are shares of offered contacts unless the name says otherwise; times are in seconds.
public struct StaffingPerformance: Sendable, Hashable, Codable {
    /// The number of servers: agents for voice, agents × concurrency for chat.
    public let servers: Int
    /// The probability that a contact waits at all (finds every server busy).
    public let waitProbability: Double
    /// Contacts answered within the target time, over all offered contacts (abandons count as missed).
    public let serviceLevel: Double
    /// Contacts answered within the target time, over answered contacts only.
    public let answeredServiceLevel: Double
    /// The probability that a contact's wait, until it is answered or hangs up, is at most the target time.
    public let waitWithinTarget: Double
    /// The average speed of answer: the mean wait of answered contacts, in seconds.
    public let asaSeconds: Double
    /// The mean wait of every contact, answered or abandoned, until it is answered or hangs up, in seconds.
    public let meanWaitSeconds: Double
    /// The share of offered contacts that abandon; 0 without a patience (Erlang C).
    public let abandonment: Double
    /// The share of server time spent handling contacts: carried load / servers.
    public let occupancy: Double

    /// Whether the queue is stable: always with abandonment; with Erlang C only when servers exceed the load.
    public var isStable: Bool { asaSeconds.isFinite }
}
