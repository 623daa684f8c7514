public import NorthstarCore

/// A charter version to store: its YAML as written, with what the history shows about it.
public struct CharterDraft: Sendable, Hashable {
    /// The charter YAML.
    public var yaml: String
    /// The charter's own version string (`version:` in the YAML), such as `1.2`.
    public var version: String
    /// The date it takes effect (YYYY-MM-DD), when it says.
    public var effectiveDate: String?
    /// What changed and why.
    public var note: String
    /// Who proposed it.
    public var proposedBy: String?
    /// When it was proposed.
    public var proposedAt: Timestamp
    /// Whether it is stored already approved (an admin's own change, or the first import of a charter).
    public var approved: Bool

    /// Creates a draft.
    public init(
        yaml: String,
        version: String,
        effectiveDate: String? = nil,
        note: String = "",
        proposedBy: String? = nil,
        proposedAt: Timestamp,
        approved: Bool = false
    ) {
        self.yaml = yaml
        self.version = version
        self.effectiveDate = effectiveDate
        self.note = note
        self.proposedBy = proposedBy
        self.proposedAt = proposedAt
        self.approved = approved
    }
}

/// A stored version of the charter.
public struct CharterVersion: Sendable, Hashable {
    /// Whether a version is in force.
    public enum Status: String, Sendable, Hashable {
        /// Proposed, waiting for an admin.
        case proposed
        /// Approved: the latest approved version is the charter in force.
        case approved
    }

    /// 1 for the first version stored, counting up.
    public var number: Int
    /// The charter YAML.
    public var yaml: String
    /// The charter's own version string.
    public var version: String
    /// The date it takes effect (YYYY-MM-DD).
    public var effectiveDate: String?
    /// What changed and why.
    public var note: String
    /// Proposed or approved.
    public var status: Status
    /// Who proposed it.
    public var proposedBy: String?
    /// When it was proposed.
    public var proposedAt: Timestamp
    /// Who approved it.
    public var approvedBy: String?
    /// When it was approved.
    public var approvedAt: Timestamp?

    /// Creates a version.
    public init(
        number: Int,
        yaml: String,
        version: String,
        effectiveDate: String?,
        note: String,
        status: Status,
        proposedBy: String?,
        proposedAt: Timestamp,
        approvedBy: String?,
        approvedAt: Timestamp?
    ) {
        self.number = number
        self.yaml = yaml
        self.version = version
        self.effectiveDate = effectiveDate
        self.note = note
        self.status = status
        self.proposedBy = proposedBy
        self.proposedAt = proposedAt
        self.approvedBy = approvedBy
        self.approvedAt = approvedAt
    }
}

/// Someone's sign-off of a charter version.
public struct CharterSignOff: Sendable, Hashable {
    /// The charter version's number.
    public var charterVersion: Int
    /// Who signed.
    public var name: String
    /// Their role or title, such as `Head of CX`.
    public var role: String?
    /// When.
    public var signedAt: Timestamp
    /// What they added.
    public var note: String?

    /// Creates a sign-off.
    public init(charterVersion: Int, name: String, role: String? = nil, signedAt: Timestamp, note: String? = nil) {
        self.charterVersion = charterVersion
        self.name = name
        self.role = role
        self.signedAt = signedAt
        self.note = note
    }
}
