/// How to read a generic event log (one row per event: a case id, an activity, a timestamp): which columns hold
/// what, how times are written, and which activities mean what for a contact. ``EventLogImporter`` reads with it.
///
/// As JSON (keys as below; those with defaults may be left out):
/// ```json
/// {"caseColumn": "CaseID", "activityColumn": "ActivityID", "timestampColumn": "CompleteTimestamp",
///  "timestampFormat": "yyyy-MM-dd HH:mm:ss", "timezone": "UTC",
///  "created": ["1"], "firstResponse": ["8"], "resolved": ["6"], "reopened": [], "waiting": ["9"],
///  "channel": "web"}
/// ```
public struct ActivityMap: Sendable, Hashable, Codable {
    /// The column holding the case (contact) id.
    public var caseColumn: String
    /// The column holding the activity code or name.
    public var activityColumn: String
    /// The column holding the event's time.
    public var timestampColumn: String
    /// How times are written, in Unicode pattern letters: `yyyy-MM-dd HH:mm:ss`, `d/M/yyyy HH:mm`. Times carry
    /// no zone; they are read as wall-clock times in ``timezone``.
    public var timestampFormat: String
    /// The IANA zone the log's wall-clock times are read in. Default `UTC`.
    public var timezone: String
    /// Activities that open a case. Informational: a case starts at its first event whatever its activity,
    /// because logs often begin a case with another event; the report notes how many do.
    public var created: [String]
    /// Activities that are the first response when they come first: the contact's first response is the first
    /// of them.
    public var firstResponse: [String]
    /// Activities that resolve the case: the contact's resolution is the last of them.
    public var resolved: [String]
    /// Activities that explicitly reopen a resolved case. A first-response activity after a resolution reopens
    /// it too, so logs without a reopen activity can leave this empty.
    public var reopened: [String]
    /// Activities during which the case waits on the customer. Recognised but not yet used: a canonical
    /// contact has no pauses, so they change no time here.
    public var waiting: [String]
    /// The channel every contact gets, since a case/activity/timestamp log does not say. Default `web`.
    public var channel: String

    /// Creates a map.
    public init(
        caseColumn: String,
        activityColumn: String,
        timestampColumn: String,
        timestampFormat: String,
        timezone: String = "UTC",
        created: [String] = [],
        firstResponse: [String],
        resolved: [String],
        reopened: [String] = [],
        waiting: [String] = [],
        channel: String = "web"
    ) {
        self.caseColumn = caseColumn
        self.activityColumn = activityColumn
        self.timestampColumn = timestampColumn
        self.timestampFormat = timestampFormat
        self.timezone = timezone
        self.created = created
        self.firstResponse = firstResponse
        self.resolved = resolved
        self.reopened = reopened
        self.waiting = waiting
        self.channel = channel
    }

    /// The help desk log of an Italian software company (Polato 2017, as pre-processed by Tax et al. 2017:
    /// `CaseID,ActivityID,CompleteTimestamp`): 1 = ticket created and triaged, 8 = taken in charge by an agent
    /// (the first response), 6 = resolved, 9 = waiting; other codes are rare and unnamed. Its times have no
    /// zone and are read as UTC, so durations are the plain differences of the written times; the channel is
    /// unknown and set to `web`.
    public static let helpdesk = ActivityMap(
        caseColumn: "CaseID",
        activityColumn: "ActivityID",
        timestampColumn: "CompleteTimestamp",
        timestampFormat: "yyyy-MM-dd HH:mm:ss",
        created: ["1"],
        firstResponse: ["8"],
        resolved: ["6"],
        waiting: ["9"]
    )

    private enum CodingKeys: String, CodingKey {
        case caseColumn, activityColumn, timestampColumn, timestampFormat, timezone
        case created, firstResponse, resolved, reopened, waiting, channel
    }

    /// Reads a map, filling in the defaults for keys left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            caseColumn: try container.decode(String.self, forKey: .caseColumn),
            activityColumn: try container.decode(String.self, forKey: .activityColumn),
            timestampColumn: try container.decode(String.self, forKey: .timestampColumn),
            timestampFormat: try container.decode(String.self, forKey: .timestampFormat),
            timezone: try container.decodeIfPresent(String.self, forKey: .timezone) ?? "UTC",
            created: try container.decodeIfPresent([String].self, forKey: .created) ?? [],
            firstResponse: try container.decodeIfPresent([String].self, forKey: .firstResponse) ?? [],
            resolved: try container.decodeIfPresent([String].self, forKey: .resolved) ?? [],
            reopened: try container.decodeIfPresent([String].self, forKey: .reopened) ?? [],
            waiting: try container.decodeIfPresent([String].self, forKey: .waiting) ?? [],
            channel: try container.decodeIfPresent(String.self, forKey: .channel) ?? "web"
        )
    }
}
