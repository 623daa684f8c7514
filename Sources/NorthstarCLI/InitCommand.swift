import ArgumentParser
import Foundation
import NorthstarCore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a starter charter, or a worked example.",
        discussion: """
            Fills in the templates

              vision:  Every customer [feeling or result] after [touchpoint].
              mission: We [how you serve], for [who you serve], by [key behaviours],
                       so customers [outcome].

            and writes promises that quote the mission's own words. Asks for each answer when a terminal is \
            attached; otherwise (or with --no-interactive) takes the flags and defaults. The file is validated \
            before it is written.

            Examples:
              northstar init
              northstar init --organization "Acme" --channels chat=30s,email=1h
              northstar init --example clinic --output clinic.yaml
            """
    )

    @Option(name: .shortAndLong, help: "Where to write the charter.")
    var output: String = "charter.yaml"

    @Flag(help: "Overwrite the output file if it exists.")
    var force = false

    @Option(help: "Write a worked example instead: \(CharterExample.allCases.map(\.rawValue).joined(separator: ", ")).")
    var example: CharterExample?

    @Flag(help: "Never ask; use the flags and defaults even on a terminal.")
    var noInteractive = false

    @Option(help: "The organisation's name.")
    var organization: String?

    @Option(help: "Who owns the charter.")
    var owner: String?

    @Option(help: "The IANA reporting time zone (default: this machine's).")
    var timezone: String?

    @Option(help: "The voice of the statements: friendly, expert or calm.")
    var tone: Tone?

    @Option(help: "Who you serve, as it reads after \"for\": \"every Acme customer\".")
    var customers: String?

    @Option(help: "The channels and their first-response targets: chat=30s,email=1h (phone uses speed of answer).")
    var channels: String?

    @Option(help: "Customer tiers, comma-separated; the first gets a resolution promise: enterprise,smb.")
    var tiers: String?

    @Option(help: "The vision's feeling or result, after \"Every customer\": \"feels confident and cared for\".")
    var feeling: String?

    @Option(help: "The vision's touchpoint, after \"after\": \"every conversation with our team\".")
    var touchpoint: String?

    @Option(help: "The mission's outcome, after \"so customers\": \"get back to what they were doing\".")
    var outcome: String?

    func validate() throws {
        if let channels { _ = try Self.parseChannels(channels) }
    }

    static func parseChannels(_ text: String) throws -> [(channel: String, within: CharterDuration)] {
        var result: [(String, CharterDuration)] = []
        for item in text.split(separator: ",") {
            let parts = item.split(separator: "=", maxSplits: 1).map {
                $0.trimmingCharacters(in: .whitespaces).lowercased()
            }
            guard let channel = parts.first, !channel.isEmpty else { continue }
            guard !result.contains(where: { $0.0 == channel }) else {
                throw ValidationError("--channels names `\(channel)` twice.")
            }
            if parts.count == 2 {
                guard let duration = CharterDuration(parsing: parts[1]), duration.seconds > 0 else {
                    throw ValidationError(
                        "--channels: `\(parts[1])` is not a duration for \(channel); write e.g. chat=30s,email=1h."
                    )
                }
                result.append((channel, duration))
            } else {
                result.append((channel, CharterTemplate.defaultTarget(for: channel)))
            }
        }
        guard !result.isEmpty else { throw ValidationError("--channels is empty; write e.g. chat=30s,email=1h.") }
        return result
    }

    func run() throws {
        if FileManager.default.fileExists(atPath: output) && !force {
            printError("Error: \(output) already exists; pass --force to overwrite it, or --output another file.")
            throw ExitCode.failure
        }
        let text: String
        if let example {
            text = example.yaml
        } else {
            text = try template().render()
        }
        // Never write a file that `validate` would reject.
        do {
            _ = try CharterLoader.load(bytes: Array(text.utf8), file: output, today: nil)
        } catch {
            CharterReporting.printFailure(error)
            throw ExitCode.failure
        }
        do {
            try text.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            printError("Error: cannot write \(output): \(error.localizedDescription)")
            throw ExitCode.failure
        }
        let terminal = Terminal.standardOutput
        print(
            terminal.green("✓")
                + " Wrote \(output). Next: `northstar validate \(output)` and `northstar lint \(output)`."
        )
    }

    private func template() throws -> CharterTemplate {
        let prompter = Prompter(enabled: !noInteractive && Terminal.standardOutput.isInteractive)
        let organizationName = organization ?? prompter.ask("Organisation name", default: "Acme Support")
        var template = CharterTemplate(organization: organizationName, today: LocalDate.today())
        template.owner = owner ?? prompter.ask("Who owns the charter", default: template.owner)
        template.timeZoneIdentifier =
            timezone ?? prompter.ask("Reporting time zone (IANA)", default: TimeZone.current.identifier)
        template.customers = customers ?? prompter.ask("Who you serve (after \"for\")", default: template.customers)
        let channelText = channels ?? prompter.ask("Channels and first-response targets", default: "chat=1m,email=4h")
        template.channels = try Self.parseChannels(channelText)
        let tierText = tiers ?? prompter.ask("Customer tiers, comma-separated (empty for none)", default: "")
        template.tiers = tierText.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
        template.feeling = feeling ?? prompter.ask("Every customer … (feeling or result)", default: template.feeling)
        template.touchpoint = touchpoint ?? prompter.ask("… after (touchpoint)", default: template.touchpoint)
        template.outcome = outcome ?? prompter.ask("… so customers (outcome)", default: template.outcome)
        if let tone {
            template.tone = tone
        } else {
            let answer = prompter.ask("Tone (friendly, expert, calm)", default: "friendly")
            guard let parsed = Tone(rawValue: answer.lowercased()) else {
                throw ValidationError("`\(answer)` is not a tone; use friendly, expert or calm.")
            }
            template.tone = parsed
        }
        return template
    }
}

/// Asks questions on a terminal; returns the defaults when there is none.
struct Prompter {
    let enabled: Bool

    func ask(_ question: String, default value: String) -> String {
        guard enabled else { return value }
        // Written straight to the file handle: a prompt has no newline to flush print's buffer.
        FileHandle.standardOutput.write(Data("\(question) [\(value)]: ".utf8))
        guard let line = readLine() else { return value }
        let answer = line.trimmingCharacters(in: .whitespaces)
        return answer.isEmpty ? value : answer
    }
}
