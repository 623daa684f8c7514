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
            let (collection, reports) = try await NIOThreadPool.singleton.runIfActive { [run] in
                try run.collect(named: [export]) { _ in
                    { read in jobs.update(id) { $0.contactsRead = read } }
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
