/// What the charter covers and what it leaves out.
public struct Scope: Sendable, Hashable, Codable {
    /// Areas the promises apply to.
    public var covers: [String]
    /// Areas explicitly out of scope.
    public var excludes: [String]

    /// Creates a scope.
    public init(covers: [String] = [], excludes: [String] = []) {
        self.covers = covers
        self.excludes = excludes
    }
}

/// How often the charter is looked at again.
public enum ReviewCadence: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every week.
    case weekly
    /// Every month.
    case monthly
    /// Every quarter.
    case quarterly
    /// Every six months.
    case semiannual
    /// Every year.
    case annual

    /// The nominal length of one cycle in days, for "is the review overdue" checks.
    public var days: Int {
        switch self {
        case .weekly: 7
        case .monthly: 31
        case .quarterly: 92
        case .semiannual: 183
        case .annual: 366
        }
    }
}

/// When the charter is reviewed and re-approved.
public struct Review: Sendable, Hashable, Codable {
    /// How often the promises are reviewed against the numbers.
    public var cadence: ReviewCadence?
    /// The date of the next review.
    public var next: LocalDate?
    /// How often the charter as a whole is signed off again.
    public var signoff: ReviewCadence?

    /// Creates a review plan.
    public init(cadence: ReviewCadence? = nil, next: LocalDate? = nil, signoff: ReviewCadence? = nil) {
        self.cadence = cadence
        self.next = next
        self.signoff = signoff
    }
}

/// One published version of the charter.
public struct HistoryEntry: Sendable, Hashable, Codable {
    /// Semantic version, such as `1.1.0`.
    public var version: String
    /// When it was published.
    public var date: LocalDate
    /// What changed.
    public var note: String?

    /// Creates a history entry.
    public init(version: String, date: LocalDate, note: String? = nil) {
        self.version = version
        self.date = date
        self.note = note
    }
}

/// A person or body that approved a version of the charter.
public struct Signoff: Sendable, Hashable, Codable {
    /// Who signed off.
    public var by: String
    /// In what capacity, such as `approver` or `reviewer`.
    public var role: String?
    /// When.
    public var date: LocalDate
    /// Which version they approved.
    public var version: String?

    /// Creates a sign-off.
    public init(by: String, role: String? = nil, date: LocalDate, version: String? = nil) {
        self.by = by
        self.role = role
        self.date = date
        self.version = version
    }
}

/// The result of asking the team whether they stand behind the mission.
public struct BuyIn: Sendable, Hashable, Codable {
    /// When the survey closed.
    public var surveyed: LocalDate
    /// Share of respondents who agree with the statement.
    public var agree: Share
    /// Number of responses.
    public var responses: Int
    /// Number of people asked, when known, to judge the response rate.
    public var teamSize: Int?

    /// Creates a buy-in record.
    public init(surveyed: LocalDate, agree: Share, responses: Int, teamSize: Int? = nil) {
        self.surveyed = surveyed
        self.agree = agree
        self.responses = responses
        self.teamSize = teamSize
    }
}
