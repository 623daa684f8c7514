/// Which contacts a promise or segment covers: for each dimension named, the contact's value must be one
/// of the listed values; dimensions not named are not filtered. An empty population covers every contact.
public struct Population: Sendable, Hashable, Codable {
    /// Allowed values per dimension.
    public var filters: [Dimension: [String]]
    /// The named segments this population was built from, for reports.
    public var segments: [String]

    /// Creates a population.
    public init(filters: [Dimension: [String]] = [:], segments: [String] = []) {
        self.filters = filters
        self.segments = segments
    }

    /// Whether this population covers every contact.
    public var isEveryone: Bool { filters.isEmpty }

    /// Whether a contact with these dimension values belongs to the population.
    public func contains(_ value: (Dimension) -> String?) -> Bool {
        filters.allSatisfy { dimension, allowed in
            guard let actual = value(dimension) else { return false }
            return allowed.contains(actual)
        }
    }

    /// Narrows this population by another (both must hold). Returns `nil` when a dimension's allowed
    /// values do not overlap, because then no contact could ever match.
    public func intersected(with other: Population) -> Population? {
        var merged = filters
        for (dimension, values) in other.filters {
            if let existing = merged[dimension] {
                let common = existing.filter(values.contains)
                if common.isEmpty { return nil }
                merged[dimension] = common
            } else {
                merged[dimension] = values
            }
        }
        return Population(filters: merged, segments: segments + other.segments)
    }

    /// `channel=chat tier=enterprise,smb`, or `everyone`.
    public var summary: String {
        if filters.isEmpty { return "everyone" }
        return filters.keys.sorted().map { "\($0.rawValue)=\(filters[$0]!.joined(separator: ","))" }
            .joined(separator: " ")
    }
}
