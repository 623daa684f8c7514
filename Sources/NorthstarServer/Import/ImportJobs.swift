import Synchronization

/// The imports the dashboard started and how far each has got, by import run id, for the run page to show while
/// the run is under way. In memory only: the store keeps every run's outcome, this keeps the progress between.
///
/// A `Mutex`, not an actor: the importers report progress from synchronous code on the reading thread.
final class ImportJobs: Sendable {
    /// Where one import is.
    struct Progress: Sendable, Equatable {
        /// The steps of an import.
        enum Phase: String, Sendable {
            /// Reading the export into contacts.
            case reading
            /// Writing the contacts into the store.
            case storing
            /// Stored, with the run's summary.
            case done
            /// Stopped by an error (``Progress/failure``).
            case failed
        }

        /// The step under way.
        var phase: Phase = .reading
        /// Contacts read so far (the importers report every 100,000).
        var contactsRead = 0
        /// Contacts written into the store so far.
        var contactsStored = 0
        /// Contacts to write (known once reading is done).
        var contactsTotal = 0
        /// What stopped a failed import, as the CLI prints it.
        var failure: String?
    }

    private let jobs = Mutex<[Int64: Progress]>([:])

    /// Notes that the run `id` started.
    func start(_ id: Int64) { jobs.withLock { $0[id] = Progress() } }

    /// Changes the progress of run `id`.
    func update(_ id: Int64, _ change: (inout Progress) -> Void) {
        jobs.withLock { jobs in
            if var progress = jobs[id] {
                change(&progress)
                jobs[id] = progress
            }
        }
    }

    /// The progress of run `id`, when this server started it.
    func progress(_ id: Int64) -> Progress? { jobs.withLock { $0[id] } }
}
