public import NorthstarCore

/// Writes what an import read into a store, as `northstar import --database` and the dashboard's Import page both
/// do: the contacts in batches of ``StoreDefaults/importBatchSize``, each in a transaction, then the run's
/// summary last. A run stopped at any moment leaves every batch it wrote, and running it again completes it. Each
/// batch is a heartbeat of the run: a run killed without a word reads as abandoned once
/// ``StoreDefaults/abandonedAfter`` passes without one.
public enum StoreImport {
    /// Begins a run of `files`, writes `collection` into it and completes it with `reports`; returns the run's id.
    ///
    /// - Parameter progress: called after each batch with the contacts stored so far and the total.
    @discardableResult
    public static func save(
        _ collection: ContactCollection,
        reports: [ImportReport],
        files: [String],
        to store: any Store,
        now: () -> Timestamp,
        progress: (_ stored: Int, _ total: Int) -> Void = { _, _ in }
    ) async throws -> Int64 {
        let run = try await store.beginImportRun(files: files, at: now())
        try await write(collection, reports: reports, run: run, to: store, now: now, progress: progress)
        return run
    }

    /// Writes `collection` into the run `run`, already begun, and completes it with `reports`.
    ///
    /// - Parameter progress: called after each batch with the contacts stored so far and the total.
    public static func write(
        _ collection: ContactCollection,
        reports: [ImportReport],
        run: Int64,
        to store: any Store,
        now: () -> Timestamp,
        progress: (_ stored: Int, _ total: Int) -> Void = { _, _ in }
    ) async throws {
        let contacts = collection.contacts
        var start = 0
        while start < contacts.count {
            let end = min(start + StoreDefaults.importBatchSize, contacts.count)
            let batch = (start..<end).map {
                SourcedContact(source: collection.source(ofContactAt: $0), contact: contacts[$0])
            }
            try await store.upsertContacts(batch)
            try await store.recordImportHeartbeat(run, at: now())
            progress(end, contacts.count)
            start = end
        }
        try await store.completeImportRun(run, reports: reports, contacts: contacts.count, at: now())
    }
}
