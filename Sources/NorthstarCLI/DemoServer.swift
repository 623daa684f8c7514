import ArgumentParser
import Foundation
import Hummingbird
import Logging
import NorthstarCore
import NorthstarServer
import NorthstarStore

/// `northstar demo --serve`: the demo organisation in a new SQLite store, with a demo sign-in, on the dashboard.
enum DemoServer {
    static func run(
        _ organization: DemoOrganization,
        report: ImportReport,
        folder: URL,
        charterPath: String,
        port: Int
    ) async throws {
        let path = folder.appendingPathComponent("northstar.db").path
        // A new store each time: the same seed gives the same data, and an old demo store would mix versions.
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let store = try await SQLiteStore(path: path)
        let now = Timestamp(seconds: Int64(Date().timeIntervalSince1970))
        let password = Secrets.randomToken(byteCount: 9)
        var agentLine: String?
        do {
            let run = try await store.beginImportRun(files: [report.file], at: now)
            let contacts = organization.contacts
            for start in stride(from: 0, to: contacts.count, by: StoreDefaults.importBatchSize) {
                let end = min(start + StoreDefaults.importBatchSize, contacts.count)
                try await store.upsertContacts(
                    contacts[start..<end].map { SourcedContact(source: "demo", contact: $0) }
                )
            }
            try await store.completeImportRun(run, reports: [report], contacts: contacts.count, at: now)
            let history = try CharterLoader.load(
                bytes: Array(organization.charterYAML.utf8),
                file: charterPath,
                today: nil
            ).charter.history.last
            _ = try await store.addCharterVersion(
                CharterDraft(
                    yaml: organization.charterYAML,
                    version: history?.version ?? "demo",
                    effectiveDate: history.map { "\($0.date)" },
                    note: "The demo organisation",
                    proposedBy: "northstar demo",
                    proposedAt: now,
                    approved: true
                )
            )
            let hash = Secrets.hashPassword(password)
            try await store.addUser(User(name: "demo", role: .admin, passwordHash: hash, createdAt: now))
            // An agent sign-in too, so the agent's view (their scorecard and team only) can be tried.
            if let agent = busiestAgent(contacts) {
                try await store.addUser(
                    User(
                        name: "agent",
                        role: .agent,
                        agentID: agent.id,
                        team: agent.team,
                        passwordHash: hash,
                        createdAt: now
                    )
                )
                agentLine = "the agent view as agent (\(agent.id), team \(agent.team ?? "none"))"
            }
        } catch {
            try? await store.close()
            throw error
        }
        let terminal = Terminal.standardOutput
        print("Northwind Support's quarter (\(organization.contacts.count) contacts) is in \(path).")
        print("Open \(terminal.cyan("http://127.0.0.1:\(port)")) and sign in as demo with the password \(password)")
        if let agentLine { print("The same password opens \(agentLine).") }
        print(terminal.dim("Stop with Ctrl-C. The same store serves again with: northstar serve --database \(path)"))
        fflush(nil)  // every stream: the server runs until stopped: the sign-in must not wait in a pipe's buffer
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .warning
            return handler
        }
        let app = buildApplication(
            store: store,
            configuration: ServerConfiguration(host: "127.0.0.1", port: port),
            logger: Logger(label: "northstar.demo")
        )
        do {
            try await app.runService()
            try await store.close()
        } catch {
            try? await store.close()
            throw error
        }
    }

    /// The agent with the most contacts, with the team most of them name.
    static func busiestAgent(_ contacts: [Contact]) -> (id: String, team: String?)? {
        var counts: [String: Int] = [:]
        var teams: [String: [String: Int]] = [:]
        for contact in contacts {
            guard let agent = contact.agent else { continue }
            counts[agent, default: 0] += 1
            if let team = contact.team { teams[agent, default: [:]][team, default: 0] += 1 }
        }
        guard let agent = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else { return nil }
        let team = teams[agent]?.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key
        return (agent, team)
    }
}
