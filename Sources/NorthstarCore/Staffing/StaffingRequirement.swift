/// The smallest staffing that meets every target, and how the queue performs with it.
public struct StaffingRequirement: Sendable, Hashable {
    /// The servers the queue needs: simultaneous contacts in service.
    public let servers: Int
    /// The agents on the phones or chats: ⌈servers / concurrency⌉, before shrinkage.
    public let agents: Int
    /// The heads to schedule: ⌈agents / (1 − shrinkage)⌉, computed exactly.
    public let scheduled: Int
    /// The queue's performance with ``servers`` servers.
    public let performance: StaffingPerformance

    /// Creates a requirement.
    public init(servers: Int, agents: Int, scheduled: Int, performance: StaffingPerformance) {
        self.servers = servers
        self.agents = agents
        self.scheduled = scheduled
        self.performance = performance
    }
}
