import Foundation
import NorthstarCore
import NorthstarStore
import Testing

/// What a store does when several processes share it: a check reads one snapshot, a killed import reads as
/// abandoned, and failed sign-ins are counted across handles.
@Suite("Store behaviour with several processes")
struct StoreConcurrencyTests {
    @Test(
        "a consistent read sees none of the writes another handle makes while it pages",
        arguments: StoreBackend.available
    )
    func consistentRead(_ backend: StoreBackend) async throws {
        try await backend.withLocation { location in
            let reader = try await location.open()
            let writer = try await location.open()
            let contacts = StoreBehaviourTests.plainContacts(25)
            try await writer.upsertContacts(contacts)
            let original = contacts[20]
            var changed = original
            changed.contact.resolvedAt = Timestamp(seconds: changed.contact.createdAt.seconds + 7_200)
            let written = [changed] + StoreBehaviourTests.plainContacts(5, source: "live")
            let run = try await writer.beginImportRun(files: ["first.csv"], at: StoreBehaviourTests.time)
            try await writer.completeImportRun(
                run,
                reports: [ImportReport(file: "first.csv", format: "canonical-csv")],
                contacts: 25,
                at: StoreBehaviourTests.time
            )

            let (seen, count, imports) = try await reader.withConsistentRead { snapshot in
                var page = try await snapshot.contactPage(after: nil, limit: 10)
                var seen = page.contacts
                // Another process writes between the pages: a changed contact, new ones, another import.
                try await writer.upsertContacts(written)
                let second = try await writer.beginImportRun(files: ["second.csv"], at: StoreBehaviourTests.time)
                try await writer.completeImportRun(
                    second,
                    reports: [ImportReport(file: "second.csv", format: "canonical-csv")],
                    contacts: 6,
                    at: StoreBehaviourTests.time
                )
                while let next = page.next {
                    page = try await snapshot.contactPage(after: next, limit: 10)
                    seen += page.contacts
                }
                return (seen, try await snapshot.contactCount(), try await snapshot.latestImportReports())
            }
            #expect(seen == contacts)
            #expect(count == 25)
            #expect(seen.first { $0.contact.id == original.contact.id }?.contact.resolvedAt == nil)
            #expect(imports.map(\.file) == ["first.csv"])

            // A read begun afterwards sees every write.
            let fresh = try await reader.withConsistentRead { snapshot in
                var all: [SourcedContact] = []
                try await snapshot.forEachContact(pageSize: 7) { all.append($0) }
                return (all, try await snapshot.latestImportReports().map(\.file))
            }
            #expect(fresh.0.count == 30)
            #expect(fresh.0.first { $0.contact.id == original.contact.id } == changed)
            #expect(fresh.1 == ["first.csv", "second.csv"])
            #expect(try await StoreBehaviourTests.allContacts(reader).count == 30)
            try await reader.close()
            try await writer.close()
        }
    }

    @Test(
        "a running run without a heartbeat for the threshold reads as abandoned; a heartbeat keeps it running",
        arguments: StoreBackend.available
    )
    func abandonedRuns(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let start = StoreBehaviourTests.time
            func at(_ seconds: Int64) -> Timestamp { Timestamp(seconds: start.seconds + seconds) }
            let threshold = StoreDefaults.abandonedAfter
            let beating = try await store.beginImportRun(files: ["beating.csv"], at: start)
            let killed = try await store.beginImportRun(files: ["killed.csv"], at: start)
            let failed = try await store.beginImportRun(files: ["failed.csv"], at: start)
            let completed = try await store.beginImportRun(files: ["completed.csv"], at: start)
            try await store.failImportRun(failed, message: "unreadable", at: at(1))
            try await store.completeImportRun(completed, reports: [], contacts: 0, at: at(1))
            try await store.recordImportHeartbeat(beating, at: at(threshold))

            func statuses(_ time: Timestamp) async throws -> [Int64: ImportRunRecord.Status] {
                Dictionary(uniqueKeysWithValues: try await store.importRuns(at: time).map { ($0.id, $0.status) })
            }
            let early = try await statuses(at(threshold))
            #expect(early == [beating: .running, killed: .running, failed: .failed, completed: .completed])
            let late = try await statuses(at(threshold + 1))
            #expect(late == [beating: .running, killed: .abandoned, failed: .failed, completed: .completed])
            #expect(
                try await store.importRuns(at: at(threshold + 1)).first { $0.id == beating }?.heartbeatAt
                    == at(threshold)
            )
            #expect(try await statuses(at(2 * threshold + 1))[beating] == .abandoned)
            // An abandoned run that was only slow still completes, and then counts.
            try await store.completeImportRun(killed, reports: [], contacts: 0, at: at(3 * threshold))
            #expect(try await statuses(at(4 * threshold))[killed] == .completed)
        }
    }

    @Test("failed sign-ins are counted across handles, by key, and forgotten", arguments: StoreBackend.available)
    func loginFailures(_ backend: StoreBackend) async throws {
        try await backend.withLocation { location in
            let first = try await location.open()
            let second = try await location.open()
            let time = StoreBehaviourTests.time
            for offset in Int64(0)..<3 {
                try await first.recordLoginFailure(
                    keys: ["hash-name", "hash-address"],
                    at: Timestamp(seconds: time.seconds + offset * 10)
                )
            }
            try await second.recordLoginFailure(keys: ["hash-other"], at: time)
            let seen = try await second.loginFailures(key: "hash-name", since: time)
            #expect(seen.map(\.seconds) == [time.seconds, time.seconds + 10, time.seconds + 20])
            #expect(
                try await second.loginFailures(key: "hash-name", since: Timestamp(seconds: time.seconds + 10)).count
                    == 2
            )
            #expect(try await second.loginFailures(key: "hash-unknown", since: time).isEmpty)

            try await second.clearLoginFailures(keys: ["hash-name"])
            #expect(try await first.loginFailures(key: "hash-name", since: time).isEmpty)
            #expect(try await first.loginFailures(key: "hash-address", since: time).count == 3)

            let removed = try await first.removeLoginFailures(before: Timestamp(seconds: time.seconds + 10))
            #expect(removed == 2)  // hash-address at `time` and hash-other
            #expect(try await second.loginFailures(key: "hash-address", since: time).count == 2)
            #expect(try await second.loginFailures(key: "hash-other", since: time).isEmpty)
            try await first.close()
            try await second.close()
        }
    }

    @Test(
        "updates of one contact from two handles at once take turns: no change is lost",
        arguments: StoreBackend.available
    )
    func updatesTakeTurns(_ backend: StoreBackend) async throws {
        try await backend.withLocation { location in
            let first = try await location.open()
            let second = try await location.open()
            let base = try #require(StoreBehaviourTests.plainContacts(1).first)
            try await first.upsertContacts([base])
            // Each update reads the stored count and writes it plus one: lost updates would leave fewer.
            let rounds = 12
            try await withThrowingTaskGroup(of: String.self) { group in
                for round in 0..<rounds {
                    let store = round.isMultiple(of: 2) ? first : second
                    group.addTask {
                        try await store.updateContact(
                            id: base.contact.id,
                            sources: ["elsewhere", base.source],
                            newSource: "new"
                        ) { stored in
                            var contact = try #require(stored)
                            contact.reopens = (contact.reopens ?? 0) + 1
                            return contact
                        }
                    }
                }
                for try await source in group { #expect(source == base.source) }
            }
            #expect(try await first.contact(source: base.source, id: base.contact.id)?.reopens == rounds)

            // A change that throws stores nothing and its error comes back as it is.
            struct Refused: Error {}
            let revision = try await first.fingerprint().contactsRevision
            await #expect(throws: Refused.self) {
                try await second.updateContact(id: "nobody", sources: [base.source], newSource: "new") { _ in
                    throw Refused()
                }
            }
            #expect(try await first.fingerprint().contactsRevision == revision)
            // A contact found nowhere is stored under the new source.
            let made = try await second.updateContact(id: "fresh", sources: [base.source], newSource: "new") {
                stored in
                #expect(stored == nil)
                var contact = base.contact
                contact.id = "fresh"
                return contact
            }
            #expect(made == "new")
            #expect(try await first.contact(source: "new", id: "fresh") != nil)
            try await first.close()
            try await second.close()
        }
    }
}
