/// A property of a contact that a population can be filtered on.
public enum Dimension: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// `email`, `chat`, `phone`, `social`, `web`, `messaging` or another word.
    case channel
    /// A customer tier, such as `enterprise`.
    case tier
    /// A priority, such as `urgent`.
    case priority
    /// The team that handled the contact.
    case team
    /// The agent who handled the contact.
    case agent
    /// The contact's category.
    case category

    /// Orders dimensions as they are declared, for stable output.
    public static func < (lhs: Dimension, rhs: Dimension) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The channels Northstar knows by name; others are allowed but checked for typos.
    public static let knownChannels = ["email", "chat", "phone", "social", "web", "messaging"]
}
