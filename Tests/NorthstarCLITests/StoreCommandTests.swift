import Foundation
import NorthstarCore
import SQLKit
import Testing

@testable import NorthstarStore

/// `import` and `check` against a store, run as a user would: the numbers match the file-based check, a second
/// import changes nothing, and an import killed with SIGKILL is completed by running it again.
@Suite("The northstar command with a store")
struct StoreCommandTests {
    static let postgresURL = ProcessInfo.processInfo.environment["NORTHSTAR_TEST_POSTGRES_URL"]
        .flatMap { $0.isEmpty ? nil : $0 }

    /// The demo organisation's charter and contacts written to a new folder.
    static func demoFolder(scale: String = "1") throws -> URL {
        let folder = try CommandRunner.temporaryDirectory()
        let output = try CommandRunner.run(["demo", "--scale", scale, "--output", folder.path, "--format", "json"])
        #expect(output.status == 0, "stderr: \(output.standardError)")
        return folder
    }

    /// Imports the demo into `database` twice and checks it both ways; the JSON reports must be the same bytes.
    static func importAndCompare(database: String, folder: URL) throws {
        let charter = folder.appendingPathComponent("charter.yaml").path
        let contacts = folder.appendingPathComponent("contacts.csv").path
        let fromFile = try CommandRunner.run(["check", "--charter", charter, contacts, "--format", "json"])
        #expect(fromFile.status == 0, "stderr: \(fromFile.standardError)")

        var stored: [Int] = []
        for _ in 0..<2 {
            let imported = try CommandRunner.run(["import", contacts, "--database", database, "--format", "json"])
            #expect(imported.status == 0, "stderr: \(imported.standardError)")
            let summary = try #require(
                JSONSerialization.jsonObject(with: Data(imported.standardOutput.utf8)) as? [String: Any]
            )
            stored.append(try #require(summary["storedContacts"] as? Int))
            #expect(summary["contacts"] as? Int == stored.last)
        }
        #expect(stored[0] > 30_000)
        #expect(stored[0] == stored[1], "a second import of the same export changes nothing")

        let fromStore = try CommandRunner.run([
            "check", "--charter", charter, "--database", database, "--format", "json",
        ])
        #expect(fromStore.status == 0, "stderr: \(fromStore.standardError)")
        #expect(fromStore.standardOutput == fromFile.standardOutput)
        #expect(fromFile.standardOutput.contains("\"promises\""))
    }

    @Test("check over a SQLite store gives the same JSON as check over the exports")
    func sqliteMatchesFiles() throws {
        let folder = try Self.demoFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.importAndCompare(database: folder.appendingPathComponent("northstar.db").path, folder: folder)
    }

    @Test(
        "check over a PostgreSQL store gives the same JSON as check over the exports",
        .enabled(if: postgresURL != nil, "NORTHSTAR_TEST_POSTGRES_URL is unset")
    )
    func postgresMatchesFiles() async throws {
        let folder = try Self.demoFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await Self.withDatabase { url in try Self.importAndCompare(database: url, folder: folder) }
    }

    @Test("NORTHSTAR_DATABASE_URL names the store when --database does not")
    func environmentNamesTheStore() throws {
        let folder = try Self.demoFolder(scale: "0.1")
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("from-env.db").path
        let environment = ["NORTHSTAR_DATABASE_URL": database]
        let imported = try CommandRunner.run(
            ["import", folder.appendingPathComponent("contacts.csv").path],
            environment: environment
        )
        #expect(imported.status == 0, "stderr: \(imported.standardError)")
        #expect(imported.standardOutput.contains("Stored in \(database)"))
        let checked = try CommandRunner.run(
            ["check", "--charter", folder.appendingPathComponent("charter.yaml").path, "--format", "json"],
            environment: environment
        )
        #expect(checked.status == 0, "stderr: \(checked.standardError)")
    }

    @Test("check with no exports and no store says how to make one, exit 2")
    func missingStore() throws {
        let folder = try Self.demoFolder(scale: "0.1")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try CommandRunner.run(
            ["check", "--charter", folder.appendingPathComponent("charter.yaml").path],
            environment: ["NORTHSTAR_DATABASE_URL": ""],
            in: folder
        )
        #expect(output.status == 2)
        #expect(output.standardError.contains("No store at ./northstar.db"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("northstar.db").path))
        let both = try CommandRunner.run(
            ["check", "--charter", "c.yaml", "contacts.csv", "--database", "x.db"],
            in: folder
        )
        #expect(both.status == 64)
    }

    @Test("an import killed with SIGKILL mid-way leaves a consistent store, and running it again completes it")
    func killedImportIsCompletedByRerun() async throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A big export: the demo at 8 times its volume, about 300,000 contacts.
        let demo = DemoOrganization(seed: 5, scale: 8)
        var text = CanonicalCSVWriter.header + "\n"
        for contact in demo.contacts { text += CanonicalCSVWriter.row(contact) + "\n" }
        let contacts = folder.appendingPathComponent("contacts.csv").path
        try text.write(toFile: contacts, atomically: true, encoding: .utf8)
        let database = folder.appendingPathComponent("northstar.db").path

        // The test's own handle on the store, opened (and migrated) first: polling it only reads, which in WAL
        // mode never waits for the import's transactions.
        let watcher = try await SQLiteStore(path: database)
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = ["import", contacts, "--database", database]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()

        // Wait for the first batch to be committed, then kill the import without warning.
        var seenBeforeKill = 0
        let deadline = Date().addingTimeInterval(300)
        while Date() < deadline && process.isRunning {
            seenBeforeKill = try await watcher.contactCount()
            if seenBeforeKill > 0 { break }
            try await Task.sleep(for: .milliseconds(5))
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try await watcher.close()
        #expect(process.terminationReason == .uncaughtSignal, "the import finished before it was killed")

        // Consistent: it opens, holds whole batches only, and the run is not counted as completed.
        let killed = try await SQLiteStore(path: database, createIfMissing: false)
        let afterKill = try await killed.contactCount()
        let runs = try await killed.importRuns()
        // Killed without a word, it stays running until no heartbeat has come for the threshold, then reads as
        // abandoned: the time is given, not waited for.
        let heartbeat = try #require(runs.first?.heartbeatAt)
        let justBefore = Timestamp(seconds: heartbeat.seconds + StoreDefaults.abandonedAfter)
        let after = Timestamp(seconds: heartbeat.seconds + StoreDefaults.abandonedAfter + 1)
        let runsJustBefore = try await killed.importRuns(at: justBefore)
        let runsAfter = try await killed.importRuns(at: after)
        try await killed.close()
        #expect(runsJustBefore.map(\.status) == [.running])
        #expect(runsAfter.map(\.status) == [.abandoned])
        #expect(afterKill >= seenBeforeKill)
        #expect(afterKill < demo.contacts.count)
        #expect(afterKill % StoreDefaults.importBatchSize == 0, "only whole batches are committed")
        #expect(runs.map(\.status) == [.running])

        let rerun = try CommandRunner.run(["import", contacts, "--database", database, "--format", "json"])
        #expect(rerun.status == 0, "stderr: \(rerun.standardError)")
        let store = try await SQLiteStore(path: database, createIfMissing: false)
        #expect(try await store.contactCount() == demo.contacts.count)
        #expect(try await store.importRuns().map(\.status) == [.completed, .running])
        let reports = try await store.latestImportReports()
        try await store.close()
        #expect(reports.map(\.accepted) == [demo.contacts.count])

        // And the numbers are those of the export itself.
        let charter = folder.appendingPathComponent("charter.yaml").path
        try demo.charterYAML.write(toFile: charter, atomically: true, encoding: .utf8)
        let fromFile = try CommandRunner.run(["check", "--charter", charter, contacts, "--format", "json"])
        let fromStore = try CommandRunner.run([
            "check", "--charter", charter, "--database", database, "--format", "json",
        ])
        #expect(fromStore.status == 0, "stderr: \(fromStore.standardError)")
        #expect(fromStore.standardOutput == fromFile.standardOutput)
    }

    /// A new PostgreSQL database for one test, dropped afterwards; `body` gets its URL.
    static func withDatabase(_ body: (String) async throws -> Void) async throws {
        let url = try #require(postgresURL)
        let name = "northstar_cli_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        var components = try #require(URLComponents(string: url))
        components.path = "/" + name
        let admin = try await PostgresStore(url: url)
        try await admin.storage.session { database in
            try await database.execute(sql: SQLRaw("CREATE DATABASE \(name)")) { _ in }
        }
        do {
            try await body(try #require(components.string))
        } catch {
            try? await drop(name, admin)
            throw error
        }
        try await drop(name, admin)
    }

    private static func drop(_ name: String, _ admin: PostgresStore) async throws {
        try await admin.storage.session { database in
            try await database.execute(sql: SQLRaw("DROP DATABASE \(name) WITH (FORCE)")) { _ in }
        }
        try await admin.close()
    }
}
