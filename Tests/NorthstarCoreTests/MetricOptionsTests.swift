import Foundation
import Testing

@testable import NorthstarCore

@Suite("Definition options and vendor presets")
struct MetricOptionsTests {
    static func charter(_ promises: String, top: String = "") throws -> Charter {
        let text = """
            northstar: 1
            organization: Acme Support
            timezone: UTC
            vision: Every customer feels cared for after every conversation with our team.
            mission: We answer chats within 30 seconds.
            \(top)
            promises:
            \(promises)
            """
        return try CharterLoader.load(bytes: Array(text.utf8), file: "test.yaml", today: nil).charter
    }

    static func time(_ text: String) -> Timestamp { Timestamp(rfc3339: text)! }

    /// A chat a bot held for 10 minutes before handing over; a human replied 30 s after the handoff, two agent
    /// replies in all, reopened once, solved after an hour of which 20 minutes were pending.
    static var contact: Contact {
        var contact = Contact(id: "T1", channel: "chat", createdAt: time("2026-03-02T09:00:00Z"))
        contact.botHandoffAt = time("2026-03-02T09:10:00Z")
        contact.firstResponseAt = time("2026-03-02T09:10:30Z")
        contact.resolvedAt = time("2026-03-02T10:00:00Z")
        contact.pauses = [PauseInterval(start: time("2026-03-02T09:20:00Z"), end: time("2026-03-02T09:40:00Z"))]
        contact.agentReplies = 2
        contact.reopens = 1
        return contact
    }

    static func value(_ promise: String, top: String = "") throws -> Double? {
        let charter = try charter(promise, top: top)
        let options = CheckEngine.Options(total: true, to: time("2026-03-20T00:00:00Z"))
        return CheckEngine(charter: charter, options: options).evaluate([contact]).promises.first?.periods.first?.value
    }

    @Test("first response starts at the bot handoff by default, at creation for Zendesk")
    func firstResponseStart() throws {
        let promise = "  - {id: p, metric: first-response, target: {median: 1h}, minimumSample: 1"
        #expect(try Self.value(promise + "}") == 30)  // 09:10:00 → 09:10:30
        #expect(try Self.value(promise + ", preset: zendesk}") == 630)  // 09:00:00 → 09:10:30
        #expect(try Self.value(promise + ", definition: {firstResponseStart: created}}") == 630)
    }

    @Test("resolution removes pauses by default; Chatwoot and `pauses: ignore` do not")
    func pauses() throws {
        let promise = "  - {id: p, metric: resolution, target: {median: 2h}, minimumSample: 1"
        #expect(try Self.value(promise + "}") == 2_400)  // 60 minutes less 20 pending
        #expect(try Self.value(promise + ", preset: chatwoot}") == 3_600)
        #expect(try Self.value(promise + ", definition: {pauses: ignore}}") == 3_600)
    }

    @Test("FCR: two replies and a reopen fail by default; allowing two replies and ignoring reopens passes")
    func fcr() throws {
        let promise = "  - {id: p, metric: fcr, target: {atLeast: 50%}, minimumSample: 1"
        #expect(try Self.value(promise + "}") == 0)
        #expect(try Self.value(promise + ", preset: zendesk}") == 0)  // one-touch: fewer than two replies
        #expect(try Self.value(promise + ", definition: {fcrMaxReplies: 2, fcrReopens: ignore}}") == 1)
        // A charter-wide definition is the default every promise starts from.
        #expect(try Self.value(promise + "}", top: "definition: {fcrMaxReplies: 2, fcrReopens: ignore}") == 1)
    }

    @Test("an unknown preset or option is reported with a suggestion, at its place")
    func validation() {
        let errors = CharterTesting.errors(
            """
            northstar: 1
            organization: Acme Support
            timezone: UTC
            vision: Every customer feels cared for.
            mission: We answer chats within 30 seconds.
            promises:
              - {id: a, metric: fcr, target: {atLeast: 70%}, preset: zendsk, definition: {fcrReopen: ignore, pauses: skip}}
            """
        )
        expectDiagnostic(
            in: errors,
            "unknown-preset",
            keyPath: "promises[0].preset",
            at: "7:58",
            mentioning: ["`zendesk`"]
        )
        expectDiagnostic(
            in: errors,
            "unknown-key",
            keyPath: "promises[0].definition.fcrReopen",
            at: "7:79",
            mentioning: ["`fcrReopens`"]
        )
        expectDiagnostic(in: errors, "invalid-option", keyPath: "promises[0].definition.pauses", at: "7:106")
    }

    @Test("the report says which definition each promise used")
    func reported() throws {
        let charter = try Self.charter("  - {id: p, metric: fcr, target: {atLeast: 50%}, preset: zendesk}")
        let report = CheckEngine(charter: charter).evaluate([Self.contact])
        #expect(
            report.promises.first?.definition
                == "preset zendesk; first response from created; pauses not removed from resolution; FCR ignores reopens"
        )
    }
}
