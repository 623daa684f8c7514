import Foundation
import NorthstarCore
import NorthstarStore
import Testing

/// What every store must do, run on each backend this machine has (``StoreBackend``).
@Suite("Store behaviour")
struct StoreBehaviourTests {
    static let time = Timestamp(seconds: 1_780_000_000)

    /// A contact with every field set, the event-stream timeline included.
    static func fullContact(_ id: String) -> Contact {
        var contact = Contact(id: id, channel: "chat", createdAt: Timestamp(seconds: 1_780_000_000))
        contact.tier = "gold"
        contact.priority = "high"
        contact.team = "Tier 1"
        contact.agent = "agent-7"
        contact.category = "Billing ünïcødé 'quoted'"
        contact.firstResponseAt = Timestamp(seconds: 1_780_000_090)
        contact.resolvedAt = Timestamp(seconds: 1_780_003_600)
        contact.endedAt = Timestamp(seconds: 1_780_001_000)
        contact.wrapSeconds = 45
        contact.abandoned = false
        contact.reopens = 1
        contact.agentReplies = 3
        contact.csat = 4.5
        contact.nps = 9
        contact.selfService = false
        contact.fcrAnswer = true
        contact.vendorSLAMet = true
        contact.botHandoffAt = Timestamp(seconds: 1_780_000_010)
        contact.pauses = [
            PauseInterval(start: Timestamp(seconds: 1_780_000_200), end: Timestamp(seconds: 1_780_000_300)),
            PauseInterval(start: Timestamp(seconds: 1_780_003_000), end: nil),
        ]
        contact.nextReplyWaits = [
            ReplyWait(customerAt: Timestamp(seconds: 1_780_000_400), replyAt: Timestamp(seconds: 1_780_000_500)),
            ReplyWait(customerAt: Timestamp(seconds: 1_780_000_600), replyAt: nil),
        ]
        contact.firstCustomerMessageAt = Timestamp(seconds: 1_780_000_001)
        contact.firstAssignmentAt = Timestamp(seconds: 1_780_000_050)
        contact.solveCycles = [
            SolveCycle(
                start: Timestamp(seconds: 1_780_000_000),
                firstReplyAt: Timestamp(seconds: 1_780_000_090),
                solvedAt: Timestamp(seconds: 1_780_002_000)
            ),
            SolveCycle(start: Timestamp(seconds: 1_780_002_500)),
        ]
        contact.customerFollowUps = 2
        return contact
    }

    static func plainContacts(_ count: Int, source: String = "canonical-csv") -> [SourcedContact] {
        (0..<count).map { index in
            var contact = Contact(
                id: "T-\(index)",
                channel: ["email", "chat", "phone"][index % 3],
                createdAt: Timestamp(seconds: 1_780_000_000 + Int64(index) * 60)
            )
            if index % 2 == 0 { contact.firstResponseAt = Timestamp(seconds: contact.createdAt.seconds + 300) }
            return SourcedContact(source: source, contact: contact)
        }
    }

    static func allContacts(_ store: any Store, pageSize: Int = 1_000) async throws -> [SourcedContact] {
        var contacts: [SourcedContact] = []
        try await store.forEachContact(pageSize: pageSize) { contacts.append($0) }
        return contacts
    }

    @Test("applies its migrations once, however often it is opened", arguments: StoreBackend.available)
    func migrationsAreIdempotent(_ backend: StoreBackend) async throws {
        try await backend.withLocation { location in
            let first = try await location.open()
            #expect(try await first.appliedMigrations() == [1, 2, 3, 4, 5])
            try await first.upsertContacts(Self.plainContacts(3))
            try await first.close()
            let second = try await location.open()
            #expect(try await second.appliedMigrations() == [1, 2, 3, 4, 5])
            #expect(try await second.contactCount() == 3)
            try await second.close()
        }
    }

    @Test("gives back every field of a contact, the event-stream timeline included", arguments: StoreBackend.available)
    func contactsRoundTrip(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let full = Self.fullContact("Z-1")
            var emptyWaits = Contact(id: "Z-2", channel: "email", createdAt: Timestamp(seconds: 1_780_000_000))
            emptyWaits.nextReplyWaits = []
            emptyWaits.solveCycles = []
            let bare = Contact(id: "Z-3", channel: "phone", createdAt: Timestamp(seconds: -86_400))
            let written = [full, emptyWaits, bare].map { SourcedContact(source: "event-stream", contact: $0) }
            try await store.upsertContacts(written)
            let read = try await Self.allContacts(store)
            #expect(read == written)
            #expect(read.first?.contact.pauses.count == 2)
            #expect(read.dropFirst().first?.contact.nextReplyWaits == [])
            #expect(try await store.contact(source: "event-stream", id: "Z-1") == full)
            #expect(try await store.contact(source: "canonical-csv", id: "Z-1") == nil)
        }
    }

    @Test("importing the same contacts twice changes nothing", arguments: StoreBackend.available)
    func upsertIsIdempotent(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let contacts = Self.plainContacts(1_234)
            try await store.upsertContacts(contacts)
            let once = try await Self.allContacts(store)
            try await store.upsertContacts(contacts)
            #expect(try await store.contactCount() == 1_234)
            #expect(try await Self.allContacts(store) == once)
            #expect(once == contacts)
        }
    }

    @Test("a contact stored again is replaced in place, keeping its position", arguments: StoreBackend.available)
    func upsertReplacesInPlace(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            try await store.upsertContacts(Self.plainContacts(5))
            var changed = Self.plainContacts(5)[1]
            changed.contact.resolvedAt = Timestamp(seconds: 1_780_009_999)
            changed.contact.team = "Escalations"
            let newcomer = SourcedContact(
                source: "canonical-csv",
                contact: Contact(id: "T-new", channel: "email", createdAt: Timestamp(seconds: 1_780_000_000))
            )
            try await store.upsertContacts([newcomer, changed])
            let ids = try await Self.allContacts(store).map(\.contact.id)
            #expect(ids == ["T-0", "T-1", "T-2", "T-3", "T-4", "T-new"])
            let stored = try await store.contact(source: "canonical-csv", id: "T-1")
            #expect(stored?.team == "Escalations")
            #expect(stored?.resolvedAt == Timestamp(seconds: 1_780_009_999))
        }
    }

    @Test("the same id from two sources is two contacts", arguments: StoreBackend.available)
    func idsAreScopedBySource(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            try await store.upsertContacts(Self.plainContacts(10, source: "zendesk-json"))
            try await store.upsertContacts(Self.plainContacts(10, source: "servicenow-csv"))
            #expect(try await store.contactCount() == 20)
        }
    }

    @Test("pages through the contacts in order, the last page saying so", arguments: StoreBackend.available)
    func pagesAreOrdered(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            try await store.upsertContacts(Self.plainContacts(2_345))
            var pages: [Int] = []
            var cursor: Int64?
            var ids: [String] = []
            repeat {
                let page = try await store.contactPage(after: cursor, limit: 1_000)
                pages.append(page.contacts.count)
                ids += page.contacts.map(\.contact.id)
                cursor = page.next
            } while cursor != nil
            #expect(pages == [1_000, 1_000, 345])
            #expect(ids == (0..<2_345).map { "T-\($0)" })
        }
    }

    @Test(
        "an import run counts only once completed, with its reports and refused rows",
        arguments: StoreBackend.available
    )
    func importRuns(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            var report = ImportReport(file: "tickets.csv", format: "canonical-csv")
            report.rowsRead = 12
            report.accepted = 10
            report.contacts = 10
            report.duplicates = 1
            report.reject(line: 4, reason: "no created_at", fields: ["T-3", "email", ""])
            report.reject(line: 9, record: 2, reason: "first response before creation", fields: ["a=1", "b,2"])
            report.notes = ["a note"]
            let first = try await store.beginImportRun(files: ["tickets.csv"], at: Self.time)
            #expect(try await store.importRuns(at: Self.time).map(\.status) == [.running])
            #expect(try await store.latestImportReports().isEmpty)

            try await store.completeImportRun(first, reports: [report], contacts: 10, at: Self.time)
            let runs = try await store.importRuns()
            #expect(runs.map(\.status) == [.completed])
            #expect(runs.first?.contacts == 10)
            #expect(runs.first?.files == ["tickets.csv"])
            #expect(runs.first?.reports.first?.rejectedByReason == report.rejectedByReason)
            #expect(runs.first?.reports.first?.rejects.isEmpty == true)

            let stored = try await store.importReports(ofRun: first)
            #expect(stored.count == 1)
            #expect(stored.first?.rejects == report.rejects)
            #expect(stored.first?.rowsRead == 12)
            #expect(stored.first?.notes == ["a note"])

            // Completing twice is refused; a second run of the same file replaces it in the check's input.
            await #expect(throws: StoreError.self) {
                try await store.completeImportRun(first, reports: [report], contacts: 10, at: Self.time)
            }
            var again = report
            again.rowsRead = 13
            let second = try await store.beginImportRun(files: ["tickets.csv", "other.csv"], at: Self.time)
            try await store.completeImportRun(
                second,
                reports: [again, ImportReport(file: "other.csv", format: "canonical-csv")],
                contacts: 10,
                at: Self.time
            )
            let latest = try await store.latestImportReports()
            #expect(latest.map(\.file) == ["tickets.csv", "other.csv"])
            #expect(latest.first?.rowsRead == 13)
            #expect(try await store.importRuns().map(\.id) == [second, first])
        }
    }

    @Test(
        "a failed import run keeps its message, is never counted, and cannot complete",
        arguments: StoreBackend.available
    )
    func failedImportRun(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let run = try await store.beginImportRun(files: ["bad.csv"], at: Self.time)
            try await store.upsertContacts(Self.plainContacts(2))
            try await store.failImportRun(run, message: "bad.csv:1:1: no id column", at: Self.time)
            let record = try #require(try await store.importRuns().first)
            #expect(record.status == .failed)
            #expect(record.failure == "bad.csv:1:1: no id column")
            #expect(record.finishedAt == Self.time)
            #expect(record.reports.isEmpty)
            #expect(try await store.contactCount() == 2, "the contacts written before the error stay")
            #expect(try await store.latestImportReports().isEmpty)
            await #expect(throws: StoreError.self) {
                try await store.completeImportRun(run, reports: [], contacts: 0, at: Self.time)
            }
            await #expect(throws: StoreError.self) {
                try await store.failImportRun(run, message: "again", at: Self.time)
            }
            let done = try await store.beginImportRun(files: ["good.csv"], at: Self.time)
            try await store.completeImportRun(done, reports: [], contacts: 0, at: Self.time)
            await #expect(throws: StoreError.self) {
                try await store.failImportRun(done, message: "too late", at: Self.time)
            }
            #expect(try await store.importRuns().map(\.status) == [.completed, .failed])
        }
    }

    @Test("keeps every charter version, its approval and sign-offs", arguments: StoreBackend.available)
    func charterHistory(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let first = try await store.addCharterVersion(
                CharterDraft(
                    yaml: "organization: A\n",
                    version: "1.0",
                    effectiveDate: "2026-04-01",
                    note: "first",
                    proposedBy: "ada",
                    proposedAt: Self.time,
                    approved: true
                )
            )
            let second = try await store.addCharterVersion(
                CharterDraft(
                    yaml: "organization: B\n",
                    version: "1.1",
                    note: "faster email",
                    proposedBy: "bob",
                    proposedAt: Timestamp(seconds: Self.time.seconds + 60)
                )
            )
            #expect(first.number == 1)
            #expect(second.number == 2)
            #expect(second.status == .proposed)
            try await store.approveCharterVersion(2, by: "ada", at: Timestamp(seconds: Self.time.seconds + 120))
            await #expect(throws: StoreError.self) {
                try await store.approveCharterVersion(2, by: "ada", at: Self.time)
            }
            let versions = try await store.charterVersions()
            #expect(versions.map(\.version) == ["1.0", "1.1"])
            #expect(versions.map(\.status) == [.approved, .approved])
            #expect(versions.last?.approvedBy == "ada")
            #expect(versions.first?.yaml == "organization: A\n")
            #expect(versions.first?.effectiveDate == "2026-04-01")

            try await store.addSignOff(
                CharterSignOff(charterVersion: 2, name: "Cy", role: "Head of CX", signedAt: Self.time)
            )
            try await store.addSignOff(CharterSignOff(charterVersion: 2, name: "Di", signedAt: Self.time, note: "ok"))
            #expect(try await store.signOffs(charterVersion: 2).map(\.name) == ["Cy", "Di"])
            #expect(try await store.signOffs(charterVersion: 1).isEmpty)
            await #expect(throws: StoreError.self) {
                try await store.addSignOff(CharterSignOff(charterVersion: 9, name: "Ed", signedAt: Self.time))
            }
        }
    }

    @Test("holds users and hashed API tokens", arguments: StoreBackend.available)
    func usersAndTokens(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            try await store.addUser(User(name: "ada", role: .admin, createdAt: Self.time))
            try await store.addUser(
                User(name: "eve", role: .agent, agentID: "agent-7", team: "Tier 1", createdAt: Self.time)
            )
            await #expect(throws: StoreError.self) {
                try await store.addUser(User(name: "ada", role: .viewer, createdAt: Self.time))
            }
            try await store.setPasswordHash("$2b$12$abcdefghijklmnopqrstuv", forUser: "eve")
            let eve = try #require(try await store.user(named: "eve"))
            #expect(eve.role == .agent)
            #expect(eve.agentID == "agent-7")
            #expect(eve.passwordHash == "$2b$12$abcdefghijklmnopqrstuv")
            #expect(try await store.users().map(\.name) == ["ada", "eve"])
            #expect(try await store.removeUser(named: "ada"))
            #expect(try await !store.removeUser(named: "ada"))
            #expect(try await store.user(named: "nobody' OR '1'='1") == nil)

            let hash = String(repeating: "ab", count: 32)
            try await store.addToken(APIToken(name: "sync", role: .manager, tokenHash: hash, createdAt: Self.time))
            await #expect(throws: StoreError.self) {
                try await store.addToken(
                    APIToken(name: "sync", role: .viewer, tokenHash: "other", createdAt: Self.time)
                )
            }
            #expect(try await store.token(hash: hash)?.lastUsedAt == nil)
            try await store.recordTokenUse(hash: hash, at: Timestamp(seconds: Self.time.seconds + 5))
            let token = try #require(try await store.token(hash: hash))
            #expect(token.name == "sync")
            #expect(token.role == .manager)
            #expect(token.lastUsedAt == Timestamp(seconds: Self.time.seconds + 5))
            #expect(try await store.token(hash: "0" + hash.dropFirst()) == nil)
            #expect(try await store.removeToken(named: "sync"))
            #expect(try await store.tokens().isEmpty)
        }
    }

    @Test("keeps dashboard sessions by id hash, touches and ends them", arguments: StoreBackend.available)
    func sessions(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            try await store.addUser(User(name: "ada", role: .admin, createdAt: Self.time))
            let hash = String(repeating: "cd", count: 32)
            let session = LoginSession(
                idHash: hash,
                userName: "ada",
                csrfToken: "csrf",
                createdAt: Self.time,
                lastSeenAt: Self.time
            )
            try await store.addSession(session)
            #expect(try await store.session(idHash: hash) == session)
            #expect(try await store.session(idHash: "x") == nil)
            let later = Timestamp(seconds: Self.time.seconds + 60)
            try await store.touchSession(idHash: hash, at: later)
            #expect(try await store.session(idHash: hash)?.lastSeenAt == later)
            #expect(try await store.removeSessions(lastSeenBefore: later) == 0)
            #expect(try await store.removeSessions(lastSeenBefore: Timestamp(seconds: later.seconds + 1)) == 1)
            try await store.addSession(session)
            #expect(try await store.removeSession(idHash: hash))
            #expect(try await !store.removeSession(idHash: hash))
        }
    }

    @Test("ends every session of one user and no other's", arguments: StoreBackend.available)
    func sessionsOfUser(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            for name in ["ada", "bob"] { try await store.addUser(User(name: name, role: .admin, createdAt: Self.time)) }
            for (index, name) in ["ada", "ada", "bob"].enumerated() {
                try await store.addSession(
                    LoginSession(
                        idHash: String(repeating: "\(index)", count: 64),
                        userName: name,
                        csrfToken: "csrf",
                        createdAt: Self.time,
                        lastSeenAt: Self.time
                    )
                )
            }
            #expect(try await store.removeSessions(ofUser: "ada") == 2)
            #expect(try await store.session(idHash: String(repeating: "0", count: 64)) == nil)
            #expect(try await store.session(idHash: String(repeating: "2", count: 64))?.userName == "bob")
            #expect(try await store.removeSessions(ofUser: "ada") == 0)
        }
    }

    @Test("its fingerprint changes with contacts, import runs and charter versions", arguments: StoreBackend.available)
    func fingerprint(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            let empty = try await store.fingerprint()
            #expect(empty.contacts == 0)
            #expect(empty.latestImportRun == nil)
            try await store.upsertContacts(Self.plainContacts(3))
            let filled = try await store.fingerprint()
            #expect(filled.contacts == 3)
            let run = try await store.beginImportRun(files: ["a.csv"], at: Self.time)
            let running = try await store.fingerprint()
            #expect(running.latestImportRun == run)
            #expect(running.completedImportRuns == 0)
            try await store.completeImportRun(run, reports: [], contacts: 3, at: Self.time)
            #expect(try await store.fingerprint().completedImportRuns == 1)
            #expect(try await store.fingerprint() != running)
        }
    }

    @Test(
        "the contacts revision moves on when a contact is inserted or changed, never for an identical one",
        arguments: StoreBackend.available
    )
    func contactsRevision(_ backend: StoreBackend) async throws {
        try await backend.withStore { store in
            #expect(try await store.fingerprint().contactsRevision == 0)
            let contacts = Self.plainContacts(600)
            try await store.upsertContacts(contacts)
            let first = try await store.fingerprint()
            #expect(first.contactsRevision == 1)
            // The same contacts again, across more than one INSERT statement: nothing changes.
            try await store.upsertContacts(contacts)
            try await store.upsertContacts(Array(contacts[10..<20]))
            #expect(try await store.fingerprint() == first)
            // One contact replaced in place: same count, new revision.
            var solved = contacts[42]
            solved.contact.resolvedAt = Timestamp(seconds: solved.contact.createdAt.seconds + 3_600)
            try await store.upsertContacts([contacts[41], solved])
            let second = try await store.fingerprint()
            #expect(second.contacts == first.contacts)
            #expect(second.contactsRevision == 2)
            #expect(second != first)
            // A NULL becoming a value and back is a change both ways; the full contact round-trips unchanged.
            var cleared = solved
            cleared.contact.resolvedAt = nil
            try await store.upsertContacts([cleared])
            #expect(try await store.fingerprint().contactsRevision == 3)
            let full = SourcedContact(source: "api", contact: Self.fullContact("F-1"))
            try await store.upsertContacts([full])
            try await store.upsertContacts([full])
            #expect(try await store.fingerprint().contactsRevision == 4)
            #expect(try await store.contact(source: "api", id: "F-1") == full.contact)
        }
    }

    @Test(
        "a check fed from the store matches the check over the same contacts in memory",
        arguments: StoreBackend.available
    )
    func checkFromStoreMatchesMemory(_ backend: StoreBackend) async throws {
        let demo = DemoOrganization(seed: 7, scale: 0.3)
        let charter = try CharterLoader.load(bytes: Array(demo.charterYAML.utf8), file: "demo.yaml", today: nil).charter
        let engine = CheckEngine(charter: charter)
        let expected = engine.evaluate(demo.contacts)
        let actual = try await backend.withStore { store in
            try await store.upsertContacts(demo.contacts.map { SourcedContact(source: "demo", contact: $0) })
            var feed = CheckEngine.Feed(engine: engine)
            try await store.forEachContact(pageSize: 2_000) { feed.add($0.contact) }
            #expect(feed.count == demo.contacts.count)
            return feed.report()
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(expected.promises.contains { !$0.periods.isEmpty })
        #expect(try encoder.encode(actual) == encoder.encode(expected))
    }
}

/// The PostgreSQL half of the suite needs a server; without one it is skipped, and this says so.
@Suite("Store behaviour on PostgreSQL")
struct PostgresAvailabilityTests {
    @Test(
        "the PostgreSQL half runs (set NORTHSTAR_TEST_POSTGRES_URL to a postgres:// URL)",
        .enabled(
            if: StoreBackend.postgresURL != nil,
            "NORTHSTAR_TEST_POSTGRES_URL is unset: the PostgreSQL half of the store suite is skipped"
        )
    )
    func postgresHalfRuns() async throws {
        #expect(StoreBackend.available.contains(.postgres))
        let versions = try await StoreBackend.postgres.withStore { store in
            try await store.appliedMigrations()
        }
        #expect(versions == [1, 2, 3, 4, 5])
    }

    @Test(
        "two server processes on one PostgreSQL database read the same numbers",
        .enabled(if: StoreBackend.postgresURL != nil, "NORTHSTAR_TEST_POSTGRES_URL is unset")
    )
    func twoHandlesShareOneDatabase() async throws {
        let demo = DemoOrganization(seed: 11, scale: 0.2)
        let charter = try CharterLoader.load(bytes: Array(demo.charterYAML.utf8), file: "demo.yaml", today: nil).charter
        let engine = CheckEngine(charter: charter)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try await StoreBackend.postgres.withLocation { location in
            let first = try await location.open()
            let second = try await location.open()
            let half = demo.contacts.count / 2
            let sourced = demo.contacts.map { SourcedContact(source: "demo", contact: $0) }
            // Both write at once: each its half, then the other's half again (an overlapping re-import).
            async let one: Void = first.upsertContacts(Array(sourced[..<half]))
            async let two: Void = second.upsertContacts(Array(sourced[half...]))
            _ = try await (one, two)
            try await first.upsertContacts(Array(sourced[half...]))
            #expect(try await first.contactCount() == demo.contacts.count)
            #expect(try await second.contactCount() == demo.contacts.count)

            func report(_ store: any Store) async throws -> Data {
                var feed = CheckEngine.Feed(engine: engine)
                try await store.forEachContact(pageSize: 5_000) { feed.add($0.contact) }
                return try encoder.encode(feed.report())
            }
            let fromFirst = try await report(first)
            let fromSecond = try await report(second)
            #expect(fromFirst == fromSecond)
            // Both read every contact; the order they were first stored in may differ from the demo's, and
            // only the listing of missed contacts depends on order, so the totals are compared per promise.
            let inMemory = engine.evaluate(demo.contacts)
            let decoded = try JSONDecoder().decode(CheckReport.self, from: fromFirst)
            #expect(decoded.promises.map { $0.periods.map(\.n) } == inMemory.promises.map { $0.periods.map(\.n) })

            try await second.addUser(User(name: "ada", role: .admin, createdAt: StoreBehaviourTests.time))
            #expect(try await first.user(named: "ada")?.role == .admin)
            try await first.close()
            try await second.close()
        }
    }
}
