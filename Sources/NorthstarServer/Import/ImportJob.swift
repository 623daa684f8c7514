import NIOPosix
import NorthstarCore
import NorthstarStore

/// One upload's import, run in the background: read, store, complete the run; or mark it failed with the error as
/// the CLI prints it.
struct ImportJob: Sendable {
    let id: Int64
    let export: NamedExport
    let run: ImportRun
    var mappingYAML: String?
    let store: any Store
    let jobs: ImportJobs
    let now: @Sendable () -> Timestamp

    /// Seconds between heartbeats while the export is read: well under ``StoreDefaults/abandonedAfter``.
    static let readingHeartbeat: Duration = .seconds(60)

    /// Runs `body` (reading a large export can take minutes) while beating the run's heartbeat each
    /// ``readingHeartbeat``, so other processes do not read it as abandoned; the beating stops with `body`.
    private func beating<Result: Sendable>(
        _ body: @escaping @Sendable () async throws -> Result
    ) async throws -> Result {
        let (store, id, now) = (self.store, self.id, self.now)
        return try await withThrowingTaskGroup(of: Result?.self) { group in
            group.addTask {
                while true {
                    try await Task.sleep(for: Self.readingHeartbeat)
                    try? await store.recordImportHeartbeat(id, at: now())
                }
            }
            group.addTask { try await body() }
            defer { group.cancelAll() }
            while let result = try await group.next() {
                if let result { return result }
            }
            throw CancellationError()
        }
    }

    /// Reads the export on the thread pool, stores it with progress, and completes the run; on any error marks
    /// the run failed with the error's description.
    func perform() async {
        let id = self.id
        let jobs = self.jobs
        do {
            var run = self.run
            if let mappingYAML {
                run.mapping = try CSVMapping.load(yaml: mappingYAML, file: "mapping")
            }
            // Reading is synchronous and can take minutes: on the thread pool, the event loops and tasks keep serving.
            let export = self.export
            let reading = run
            let (collection, reports) = try await beating {
                try await NIOThreadPool.singleton.runIfActive {
                    try reading.collect(named: [export]) { _ in
                        { read in jobs.update(id) { $0.contactsRead = read } }
                    }
                }
            }
            jobs.update(id) {
                $0.phase = .storing
                $0.contactsRead = collection.contacts.count
                $0.contactsTotal = collection.contacts.count
            }
            try await StoreImport.write(collection, reports: reports, run: id, to: store, now: now) { stored, _ in
                jobs.update(id) { $0.contactsStored = stored }
            }
            jobs.update(id) { $0.phase = .done }
        } catch {
            let message = "\(error)"
            try? await store.failImportRun(id, message: message, at: now())
            jobs.update(id) {
                $0.phase = .failed
                $0.failure = message
            }
        }
    }
}
