public import NorthstarCore

/// One `northstar import` (or upload) into the store.
public struct ImportRunRecord: Sendable {
    /// Whether a run finished.
    public enum Status: String, Sendable, Hashable {
        /// Started and not completed: still running, or killed before it completed. Its contacts that were
        /// written are stored (each batch in a transaction); its summary is not.
        case running
        /// Every contact written and the summary stored.
        case completed
        /// Stopped by an error it reported (an unreadable export, a wrong format): ``ImportRunRecord/failure``
        /// says what. Contacts written before the error stay stored; no summary is.
        case failed
        /// Still marked running in the store, but without a heartbeat for ``StoreDefaults/abandonedAfter``: its
        /// process was killed (`kill -9`, a lost machine) before it could say so. Its written contacts stay
        /// stored; running the import again completes them. Computed when the runs are read, never stored.
        case abandoned
    }

    /// The run's id.
    public var id: Int64
    /// The files given.
    public var files: [String]
    /// Whether the run finished.
    public var status: Status
    /// When it started.
    public var startedAt: Timestamp
    /// When it completed.
    public var finishedAt: Timestamp?
    /// Contacts written (after duplicates within the run were counted once).
    public var contacts: Int?
    /// One summary per file, without refused rows (``Store/importReports(ofRun:)`` has them).
    public var reports: [ImportReport]
    /// Why a ``Status/failed`` run stopped, as the CLI would print it (file, line and column included).
    public var failure: String?
    /// When the run last showed it was alive (its start, then each batch it wrote).
    public var heartbeatAt: Timestamp?

    /// Creates a record.
    public init(
        id: Int64,
        files: [String],
        status: Status,
        startedAt: Timestamp,
        finishedAt: Timestamp?,
        contacts: Int?,
        reports: [ImportReport],
        failure: String? = nil,
        heartbeatAt: Timestamp? = nil
    ) {
        self.id = id
        self.files = files
        self.status = status
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.contacts = contacts
        self.reports = reports
        self.failure = failure
        self.heartbeatAt = heartbeatAt
    }
}
