import Foundation
import NorthstarCore
import NorthstarServer
import NorthstarStore
import Testing

/// `user add`, `token create` and `charter publish`, run as a user would, and what they leave in the store.
@Suite("The northstar command's accounts and charter publishing")
struct ServerCommandTests {
    @Test("user add reads the password from standard input and stores only its bcrypt hash")
    func userAdd() async throws {
        let folder = try CommandRunner.temporaryDirectory()
        let database = folder.appendingPathComponent("n.db").path
        let added = try CommandRunner.launch(
            CommandRunner.executable,
            [
                "user", "add", "sam", "--role", "agent", "--agent", "a-17", "--team", "tier1", "--database", database,
                "--bcrypt-cost", "4",
            ],
            input: "s3cret-words\n"
        )
        #expect(added.status == 0, "stderr: \(added.standardError)")
        #expect(!added.standardOutput.contains("s3cret-words"))
        #expect(!added.standardError.contains("s3cret-words"))
        let store = try await openStore(database)
        let user = try #require(try await store.user(named: "sam"))
        try await store.close()
        #expect(user.role == .agent)
        #expect(user.agentID == "a-17")
        #expect(user.team == "tier1")
        let hash = try #require(user.passwordHash)
        #expect(hash.hasPrefix("$2b$04$"))
        #expect(Secrets.verifyPassword("s3cret-words", hash: hash))

        let duplicate = try CommandRunner.launch(
            CommandRunner.executable,
            ["user", "add", "sam", "--role", "viewer", "--database", database, "--bcrypt-cost", "4"],
            input: "another-password\n"
        )
        #expect(duplicate.status == 1)
        let short = try CommandRunner.launch(
            CommandRunner.executable,
            ["user", "add", "kim", "--role", "viewer", "--database", database],
            input: "short\n"
        )
        #expect(short.status == 1)
        let badRole = try CommandRunner.run(["user", "add", "kim", "--role", "owner", "--database", database])
        #expect(badRole.status == 64)
    }

    @Test("token create prints a 32-byte token once and stores its SHA-256 hash")
    func tokenCreate() async throws {
        let folder = try CommandRunner.temporaryDirectory()
        let database = folder.appendingPathComponent("n.db").path
        let created = try CommandRunner.run([
            "token", "create", "--name", "sync", "--role", "manager", "--database", database,
        ])
        #expect(created.status == 0, "stderr: \(created.standardError)")
        let token = created.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.count == 43, "32 bytes in URL-safe base64 without padding")
        let store = try await openStore(database)
        let stored = try await store.tokens()
        try await store.close()
        #expect(stored.count == 1)
        #expect(stored.first?.role == .manager)
        #expect(stored.first?.tokenHash == Secrets.sha256Hex(token))
        #expect(stored.first?.tokenHash != token)
    }

    @Test("charter publish stores a valid charter as an approved version and refuses an invalid one")
    func charterPublish() async throws {
        let folder = try CommandRunner.temporaryDirectory()
        let database = folder.appendingPathComponent("n.db").path
        let charter = folder.appendingPathComponent("charter.yaml")
        try DemoOrganization(seed: 3, scale: 0.01).charterYAML.write(to: charter, atomically: true, encoding: .utf8)
        let published = try CommandRunner.run(["charter", "publish", charter.path, "--database", database])
        #expect(published.status == 0, "stderr: \(published.standardError)")
        let broken = folder.appendingPathComponent("broken.yaml")
        try "organization: [unclosed".write(to: broken, atomically: true, encoding: .utf8)
        let refused = try CommandRunner.run(["charter", "publish", broken.path, "--database", database])
        #expect(refused.status != 0)
        let store = try await openStore(database)
        let versions = try await store.charterVersions()
        try await store.close()
        #expect(versions.count == 1)
        #expect(versions.first?.status == .approved)
        #expect(versions.first?.yaml == (try String(contentsOf: charter, encoding: .utf8)))
    }
}
