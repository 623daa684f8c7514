/// The file that states the promise: vision, mission, behaviours, and the measurable promises behind
/// the words, with scope, review cadence, version history and sign-offs. Format: `docs/charter.md`.
public struct Charter: Sendable {
    /// The format version (`northstar: 1`).
    public var formatVersion: Int
    /// The organisation the charter belongs to.
    public var organization: String
    /// Who owns the charter, such as "Head of Customer Experience".
    public var owner: String?
    /// The IANA time zone reports are given in.
    public var timeZoneIdentifier: String
    /// The voice the statements should have.
    public var tone: Tone
    /// Where the team wants customers to end up.
    public var vision: Statement?
    /// What the team does, for whom, how, and with what result.
    public var mission: Statement?
    /// The visible behaviours the team commits to, such as `answer` or `follow up`.
    public var behaviors: [Statement]
    /// Values the team holds itself to.
    public var values: [String]
    /// Business calendars by name, in file order.
    public var calendars: [BusinessCalendar]
    /// Named populations by name.
    public var segments: [String: Population]
    /// The promises, in file order.
    public var promises: [Promise]
    /// What the charter covers.
    public var scope: Scope?
    /// When it is reviewed.
    public var review: Review?
    /// Published versions, oldest first.
    public var history: [HistoryEntry]
    /// Approvals.
    public var signoffs: [Signoff]
    /// Whether the team stands behind the mission.
    public var buyIn: BuyIn?
    /// The default minimum sample below which a verdict is "insufficient data".
    public var minimumSample: Int
    /// The charter-wide definition options (`preset:`, `definition:`), which each promise may override.
    public var metricOptions = MetricOptions()
    /// The file the charter was read from, for locations.
    public var file: String

    /// Creates a charter.
    public init(
        formatVersion: Int = 1,
        organization: String,
        owner: String? = nil,
        timeZoneIdentifier: String = "UTC",
        tone: Tone = .friendly,
        vision: Statement? = nil,
        mission: Statement? = nil,
        behaviors: [Statement] = [],
        values: [String] = [],
        calendars: [BusinessCalendar] = [],
        segments: [String: Population] = [:],
        promises: [Promise] = [],
        scope: Scope? = nil,
        review: Review? = nil,
        history: [HistoryEntry] = [],
        signoffs: [Signoff] = [],
        buyIn: BuyIn? = nil,
        minimumSample: Int = 20,
        file: String = "<charter>"
    ) {
        self.formatVersion = formatVersion
        self.organization = organization
        self.owner = owner
        self.timeZoneIdentifier = timeZoneIdentifier
        self.tone = tone
        self.vision = vision
        self.mission = mission
        self.behaviors = behaviors
        self.values = values
        self.calendars = calendars
        self.segments = segments
        self.promises = promises
        self.scope = scope
        self.review = review
        self.history = history
        self.signoffs = signoffs
        self.buyIn = buyIn
        self.minimumSample = minimumSample
        self.file = file
    }

    /// The calendar with this name.
    public func calendar(named name: String) -> BusinessCalendar? {
        calendars.first { $0.name == name }
    }

    /// The latest version in the history, if any.
    public var currentVersion: String? { history.last?.version }
}
