/// One service-level policy of an `sla` promise: the contacts it applies to and its time targets. A contact is
/// held to the first policy of the promise that matches it (Zendesk's order of policies).
public struct SLAPolicy: Sendable, Hashable {
    /// The contacts it applies to, by their dimensions (usually tier, priority and channel); empty: every contact.
    public var population: Population
    /// The first-response target, measured as the promise's first-response definition says.
    public var firstResponse: CharterDuration?
    /// The resolution target, measured as the promise's resolution definition says (per cycle counts as full).
    public var resolution: CharterDuration?

    /// Creates a policy.
    public init(
        population: Population = Population(),
        firstResponse: CharterDuration? = nil,
        resolution: CharterDuration? = nil
    ) {
        self.population = population
        self.firstResponse = firstResponse
        self.resolution = resolution
    }
}
