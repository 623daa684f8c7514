import Foundation

/// What the data says before any promise is written: volumes, how fast the team answers and resolves today,
/// the vendor's own SLA misses, the biggest categories, and the targets the team already meets. A new
/// charter should start from these numbers, not from a wish.
public struct ExploreReport: Sendable, Codable {
    /// A distribution of durations in seconds.
    public struct Distribution: Sendable, Codable {
        /// Samples.
        public var n: Int
        /// Median.
        public var median: Double?
        /// 80th percentile: what 80% of contacts get today.
        public var p80: Double?
        /// 90th percentile.
        public var p90: Double?
        /// 95th percentile.
        public var p95: Double?
    }

    /// One group (a channel, a tier, or a channel and tier).
    public struct Group: Sendable, Codable {
        /// The dimension, such as `channel`.
        public var dimension: String
        /// The group's value, such as `chat`.
        public var key: String
        /// Contacts in the group.
        public var contacts: Int
        /// Share of all contacts.
        public var share: Double
        /// Creation to first response, for contacts with one.
        public var firstResponse: Distribution
        /// Creation to resolution, for resolved contacts.
        public var resolution: Distribution
        /// Contacts the source system marked as having missed its SLA, when it says.
        public var vendorSLAMissed: Int?
        /// Contacts for which the source system gave an SLA verdict.
        public var vendorSLAJudged: Int?
    }

    /// A promise the team keeps today, read off its own data.
    public struct Suggestion: Sendable, Codable {
        /// The channel.
        public var channel: String
        /// The metric, such as `first-response`.
        public var metric: Metric
        /// The share the limit covers (0.8 or 0.9).
        public var share: Double
        /// The limit, in seconds, rounded up to a figure people say.
        public var within: Int
        /// The promise as a charter would write it.
        public var yaml: String
    }

    /// Contacts read.
    public var contacts: Int
    /// First and last creation times, RFC 3339.
    public var from: String?
    /// Last creation time.
    public var to: String?
    /// By channel, by tier, by channel and tier.
    public var groups: [Group]
    /// Contacts per local weekday, Monday first.
    public var byWeekday: [Int]
    /// Contacts per local hour of the day.
    public var byHour: [Int]
    /// The ten biggest categories and their counts.
    public var topCategories: [CategoryCount]
    /// Targets the team meets today.
    public var suggestions: [Suggestion]

    /// A category and its volume.
    public struct CategoryCount: Sendable, Codable {
        /// The category.
        public var category: String
        /// Its contacts.
        public var contacts: Int
    }
}

/// Builds an ``ExploreReport`` from contacts.
public struct Explorer: Sendable {
    /// The IANA zone for weekdays and hours.
    public var timeZoneIdentifier: String

    /// Creates an explorer.
    public init(timeZoneIdentifier: String = "UTC") {
        self.timeZoneIdentifier = timeZoneIdentifier
    }

    /// Explores the contacts.
    public func explore(_ contacts: [Contact]) -> ExploreReport {
        var groups: [String: (dimension: String, key: String, members: [Int])] = [:]
        for (index, contact) in contacts.enumerated() {
            let keys = [
                ("channel", contact.channel), ("tier", contact.tier ?? "(none)"),
                ("channel+tier", "\(contact.channel) / \(contact.tier ?? "(none)")"),
            ]
            for (dimension, key) in keys {
                groups["\(dimension)=\(key)", default: (dimension, key, [])].members.append(index)
            }
        }
        let total = max(1, contacts.count)
        let built = groups.values.sorted {
            ($0.dimension, -$0.members.count, $0.key) < ($1.dimension, -$1.members.count, $1.key)
        }
        .map { group -> ExploreReport.Group in
            var first: [Double] = []
            var resolution: [Double] = []
            var missed = 0
            var judged = 0
            for index in group.members {
                let contact = contacts[index]
                if let answered = contact.firstResponseAt {
                    first.append(Double(answered.seconds - contact.createdAt.seconds))
                }
                if let resolved = contact.resolvedAt {
                    resolution.append(Double(resolved.seconds - contact.createdAt.seconds))
                }
                if let met = contact.vendorSLAMet {
                    judged += 1
                    if !met { missed += 1 }
                }
            }
            return ExploreReport.Group(
                dimension: group.dimension,
                key: group.key,
                contacts: group.members.count,
                share: Double(group.members.count) / Double(total),
                firstResponse: Self.distribution(first),
                resolution: Self.distribution(resolution),
                vendorSLAMissed: judged > 0 ? missed : nil,
                vendorSLAJudged: judged > 0 ? judged : nil
            )
        }
        var byWeekday = [Int](repeating: 0, count: 7)
        var byHour = [Int](repeating: 0, count: 24)
        let offsets = ZoneOffsets(identifier: timeZoneIdentifier)
        var categories: [String: Int] = [:]
        for contact in contacts {
            let local = contact.createdAt.seconds + offsets.offset(at: contact.createdAt)
            let days = Int((local - ((local % 86_400) + 86_400) % 86_400) / 86_400)
            byWeekday[((days % 7) + 10) % 7] += 1
            byHour[Int(((local % 86_400) + 86_400) % 86_400 / 3_600)] += 1
            if let category = contact.category { categories[category, default: 0] += 1 }
        }
        let top = categories.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(10)
            .map { ExploreReport.CategoryCount(category: $0.key, contacts: $0.value) }
        var suggestions: [ExploreReport.Suggestion] = []
        for group in built where group.dimension == "channel" && group.firstResponse.n >= 20 {
            let live = ["chat", "phone", "messaging", "voice"].contains(group.key)
            let metric: Metric = group.key == "phone" ? .speedOfAnswer : .firstResponse
            for (share, value) in [(0.8, group.firstResponse.p80), (0.9, group.firstResponse.p90)] {
                guard let value else { continue }
                let within = Self.roundUp(value, live: live)
                let duration = CharterDuration(seconds: within)
                let percent = Int((share * 100).rounded())
                let yaml =
                    "- {id: \(group.key)-\(metric.rawValue), metric: \(metric.rawValue), where: {channel: \(group.key)}, "
                    + "target: {within: \(duration), share: \(percent)%}}"
                suggestions.append(.init(channel: group.key, metric: metric, share: share, within: within, yaml: yaml))
            }
        }
        let created = contacts.map(\.createdAt)
        return ExploreReport(
            contacts: contacts.count,
            from: created.min()?.description,
            to: created.max()?.description,
            groups: built,
            byWeekday: byWeekday,
            byHour: byHour,
            topCategories: Array(top),
            suggestions: suggestions
        )
    }

    static func distribution(_ values: [Double]) -> ExploreReport.Distribution {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .init(n: 0, median: nil, p80: nil, p90: nil, p95: nil) }
        return .init(
            n: sorted.count,
            median: Statistics.percentile(sorted: sorted, 50),
            p80: Statistics.percentile(sorted: sorted, 80),
            p90: Statistics.percentile(sorted: sorted, 90),
            p95: Statistics.percentile(sorted: sorted, 95)
        )
    }

    /// Rounds a limit up to a figure people say: 5-second steps under a minute, whole minutes under an hour,
    /// quarter hours under a day, whole hours beyond.
    static func roundUp(_ seconds: Double, live: Bool) -> Int {
        let value = Int(seconds.rounded(.up))
        let step: Int
        switch value {
        case ..<60: step = 5
        case ..<3_600: step = 60
        case ..<86_400: step = 900
        default: step = 3_600
        }
        return max(step, (value + step - 1) / step * step)
    }
}

/// UTC offsets of a zone, for placing instants on a local clock quickly.
struct ZoneOffsets {
    let zone: TimeZone?

    init(identifier: String) {
        zone = TimeZone(identifier: identifier)
    }

    func offset(at instant: Timestamp) -> Int64 {
        guard let zone else { return 0 }
        return Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant.seconds))))
    }
}
