import Foundation
import Yams

/// Turns the YAML node tree of a charter into a ``Charter``, recording every problem in the context.
struct CharterDecoder {
    let context: CharterDecodingContext

    static let topLevelKeys = [
        "northstar", "organization", "owner", "timezone", "tone", "vision", "mission", "behaviors", "behaviours",
        "values", "calendars", "segments", "promises", "scope", "review", "history", "signoffs", "buyIn",
        "minimumSample", "preset", "definition",
    ]

    func decode(_ root: Node) -> Charter? {
        guard let entries = context.mapping(root, "", expected: "a charter: a mapping that starts `northstar: 1`")
        else { return nil }
        context.checkKeys(entries, allowed: Self.topLevelKeys, "")

        var charter = Charter(organization: "", file: context.source.file)

        if let node = entries.value("northstar") {
            if let text = context.string(node, "northstar", expected: "the format version 1") {
                if let version = Int(text) {
                    charter.formatVersion = version
                    if version != 1 {
                        context.error(
                            "unsupported-version",
                            at: node,
                            "northstar",
                            "format version \(version) is not supported; this Northstar reads format 1."
                        )
                    }
                } else {
                    context.error(
                        "invalid-number",
                        at: node,
                        "northstar",
                        "`\(text)` is not a format version.",
                        fix: "Write `northstar: 1`."
                    )
                }
            }
        } else {
            context.error(
                "missing-key",
                at: root,
                "northstar",
                "the format version is missing.",
                fix: "Add `northstar: 1` as the first line."
            )
        }

        if let node = entries.value("organization") {
            charter.organization = context.string(node, "organization", expected: "the organisation's name") ?? ""
        } else {
            context.error(
                "missing-key",
                at: root,
                "organization",
                "the organisation is missing.",
                fix: "Add `organization: Acme Support`."
            )
        }
        if let node = entries.value("owner") {
            charter.owner = context.string(node, "owner", expected: "who owns the charter")
        }

        charter.timeZoneIdentifier = decodeTimeZone(entries.value("timezone"), "timezone", root: root) ?? "UTC"

        if let node = entries.value("tone"),
            let text = context.string(node, "tone", expected: "friendly, expert or calm")
        {
            if let tone = Tone(rawValue: text.lowercased()) {
                charter.tone = tone
            } else {
                context.error(
                    "unknown-tone",
                    at: node,
                    "tone",
                    "unknown tone `\(text)`." + Suggestion.didYouMean(text, in: Tone.allCases.map(\.rawValue)),
                    fix: "Use friendly, expert or calm."
                )
            }
        }

        for key in ["vision", "mission"] {
            guard let node = entries.value(key) else {
                let example = key == "vision" ? "Every customer feels …" : "We answer …, for …, by …, so customers …"
                context.error(
                    "missing-key",
                    at: root,
                    key,
                    "the \(key) is missing.",
                    fix: "Add `\(key): \(example)` (or run `northstar init`)."
                )
                continue
            }
            let statement = context.statement(node, key, expected: "the \(key) statement")
            if key == "vision" { charter.vision = statement } else { charter.mission = statement }
        }

        if entries.value("behaviors") != nil && entries.value("behaviours") != nil {
            context.error(
                "duplicate-key",
                at: entries.keyNode("behaviours"),
                "behaviours",
                "both `behaviors` and `behaviours` are given.",
                fix: "Keep one spelling."
            )
        }
        if let key = ["behaviors", "behaviours"].first(where: { entries.value($0) != nil }),
            let node = entries.value(key),
            let items = context.strings(node, key, expected: "visible behaviours such as answer, fix, follow up")
        {
            charter.behaviors = items.enumerated().compactMap { index, item in
                context.statement(item.node, "\(key)[\(index)]", expected: "a behaviour")
            }
        }
        if let node = entries.value("values"),
            let items = context.strings(node, "values", expected: "the team's values")
        {
            charter.values = items.map(\.text)
        }
        if let node = entries.value("minimumSample") {
            charter.minimumSample =
                context.integer(node, "minimumSample", minimum: 1, expected: "a sample size of at least 1") ?? 20
        }

        charter.metricOptions = decodeOptions(
            preset: entries.value("preset"),
            definition: entries.value("definition"),
            base: MetricOptions(),
            path: ""
        )
        if let node = entries.value("calendars") {
            charter.calendars = decodeCalendars(node, defaultZone: charter.timeZoneIdentifier)
        }
        if let node = entries.value("segments") { charter.segments = decodeSegments(node) }
        if let node = entries.value("promises") {
            charter.promises = decodePromises(node, charter: charter)
        } else {
            context.warning(
                "no-promises",
                at: root,
                "promises",
                "the charter makes no promises, so nothing in the mission can be measured.",
                fix: "Add a `promises:` list (see docs/charter.md)."
            )
        }
        if let node = entries.value("scope") { charter.scope = decodeScope(node) }
        if let node = entries.value("review") { charter.review = decodeReview(node) }
        if let node = entries.value("history") { charter.history = decodeHistory(node) }
        if let node = entries.value("signoffs") { charter.signoffs = decodeSignoffs(node, history: charter.history) }
        if let node = entries.value("buyIn") { charter.buyIn = decodeBuyIn(node) }
        if context.visitedNodes > CharterDecodingContext.maximumNodes {
            context.error(
                "too-many-nodes",
                at: root,
                "",
                "the charter expands to more than \(CharterDecodingContext.maximumNodes) values (anchors and aliases?).",
                fix: "Write the charter out without aliases."
            )
        }
        return charter
    }

    func decodeTimeZone(_ node: Node?, _ path: String, root: Node) -> String? {
        guard let node else {
            context.warning(
                "default-time-zone",
                at: root,
                path,
                "no time zone given; reports will use UTC.",
                fix: "Add `timezone: Europe/Amsterdam` (an IANA zone name)."
            )
            return nil
        }
        guard let text = context.string(node, path, expected: "an IANA time zone such as Europe/Amsterdam") else {
            return nil
        }
        if TimeZone(identifier: text) != nil, text.contains("/") || text == "UTC" || text == "GMT" {
            return text
        }
        let known = TimeZone.knownTimeZoneIdentifiers
        let exact = known.first { $0.lowercased() == text.lowercased() }
        let suggestion = exact ?? Suggestion.closest(to: text, in: known)
        context.error(
            "invalid-time-zone",
            at: node,
            path,
            "`\(text)` is not an IANA time zone." + (suggestion.map { " Did you mean `\($0)`?" } ?? ""),
            fix: suggestion == nil
                ? "Use a name such as Europe/Amsterdam or America/New_York (abbreviations like CET are ambiguous)."
                : nil
        )
        return nil
    }

    func decodeScope(_ node: Node) -> Scope? {
        guard let entries = context.mapping(node, "scope", expected: "`{covers: […], excludes: […]}`") else {
            return nil
        }
        context.checkKeys(entries, allowed: ["covers", "excludes"], "scope")
        var scope = Scope()
        var covered: Set<String> = []
        var excluded: [(text: String, node: Node)] = []
        for entry in entries {
            guard let items = context.strings(entry.value, "scope.\(entry.key)", expected: "a list of areas") else {
                continue
            }
            if entry.key == "covers" {
                scope.covers = items.map(\.text)
                covered.formUnion(items.map { $0.text.lowercased() })
            } else if entry.key == "excludes" {
                scope.excludes = items.map(\.text)
                excluded = items
            }
        }
        for (index, area) in excluded.enumerated() where covered.contains(area.text.lowercased()) {
            context.error(
                "scope-conflict",
                at: area.node,
                "scope.excludes[\(index)]",
                "`\(area.text)` is both covered and excluded.",
                fix: "Remove it from one of the two lists."
            )
        }
        return scope
    }

    func cadence(_ node: Node, _ path: String) -> ReviewCadence? {
        let names = ReviewCadence.allCases.map(\.rawValue)
        guard let text = context.string(node, path, expected: names.joined(separator: ", ")) else { return nil }
        if let cadence = ReviewCadence(rawValue: text.lowercased()) { return cadence }
        context.error(
            "unknown-cadence",
            at: node,
            path,
            "unknown cadence `\(text)`." + Suggestion.didYouMean(text, in: names),
            fix: "Use one of \(names.joined(separator: ", "))."
        )
        return nil
    }

    func decodeReview(_ node: Node) -> Review? {
        guard let entries = context.mapping(node, "review", expected: "`{cadence: quarterly, next: 2027-01-15}`") else {
            return nil
        }
        context.checkKeys(entries, allowed: ["cadence", "next", "signoff"], "review")
        var review = Review()
        for entry in entries {
            let path = "review.\(entry.key)"
            switch entry.key {
            case "cadence": review.cadence = cadence(entry.value, path)
            case "signoff": review.signoff = cadence(entry.value, path)
            case "next":
                review.next = context.date(entry.value, path)
                if let next = review.next, let today = context.today, next < today {
                    context.warning(
                        "review-overdue",
                        at: entry.value,
                        path,
                        "the review planned for \(next) is overdue.",
                        fix: "Hold the review and set the next date."
                    )
                }
            default: break
            }
        }
        return review
    }

    func decodeHistory(_ node: Node) -> [HistoryEntry] {
        guard let items = context.sequence(node, "history", expected: "a list of `{version, date, note}`") else {
            return []
        }
        var history: [HistoryEntry] = []
        var previous: (entry: HistoryEntry, line: Int)?
        for (index, item) in items.enumerated() {
            let path = "history[\(index)]"
            guard let entries = context.mapping(item, path, expected: "`{version: 1.0.0, date: 2025-04-01, note: …}`")
            else { continue }
            context.checkKeys(entries, allowed: ["version", "date", "note"], path)
            guard let versionNode = entries.value("version"), let dateNode = entries.value("date") else {
                context.error(
                    "missing-key",
                    at: item,
                    path,
                    "a history entry needs a version and a date.",
                    fix: "Write `{version: 1.0.0, date: 2025-04-01, note: Published}`."
                )
                continue
            }
            guard let version = semanticVersion(versionNode, "\(path).version"),
                let date = context.date(dateNode, "\(path).date")
            else { continue }
            let note = entries.value("note").flatMap { context.string($0, "\(path).note") }
            let entry = HistoryEntry(version: version, date: date, note: note)
            if let previous {
                if !Self.versionIsNewer(entry.version, than: previous.entry.version) {
                    context.error(
                        "history-order",
                        at: versionNode,
                        "\(path).version",
                        "version \(entry.version) does not come after \(previous.entry.version) (line \(previous.line)).",
                        fix: "List versions oldest first, each newer than the one before."
                    )
                }
                if entry.date < previous.entry.date {
                    context.error(
                        "history-order",
                        at: dateNode,
                        "\(path).date",
                        "\(entry.date) is earlier than the previous version's date \(previous.entry.date).",
                        fix: "List versions oldest first."
                    )
                }
            }
            if let today = context.today, date > today {
                context.warning("future-date", at: dateNode, "\(path).date", "\(date) is in the future.")
            }
            previous = (entry, item.mark?.line ?? 0)
            history.append(entry)
        }
        return history
    }

    func semanticVersion(_ node: Node, _ path: String) -> String? {
        guard let text = context.string(node, path, expected: "a version such as 1.1.0") else { return nil }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            context.error(
                "invalid-version",
                at: node,
                path,
                "`\(text)` is not a version.",
                fix: "Write MAJOR.MINOR.PATCH, e.g. 1.1.0 (quote it if YAML reads it as a number)."
            )
            return nil
        }
        return text
    }

    static func versionIsNewer(_ version: String, than other: String) -> Bool {
        let a = version.split(separator: ".").compactMap { Int($0) }
        let b = other.split(separator: ".").compactMap { Int($0) }
        return a.lexicographicallyPrecedes(b) == false && a != b
    }

    func decodeSignoffs(_ node: Node, history: [HistoryEntry]) -> [Signoff] {
        guard let items = context.sequence(node, "signoffs", expected: "a list of `{by, role, date, version}`") else {
            return []
        }
        var signoffs: [Signoff] = []
        for (index, item) in items.enumerated() {
            let path = "signoffs[\(index)]"
            guard let entries = context.mapping(item, path, expected: "`{by: …, role: approver, date: …, version: …}`")
            else { continue }
            context.checkKeys(entries, allowed: ["by", "role", "date", "version"], path)
            guard let byNode = entries.value("by"), let dateNode = entries.value("date") else {
                context.error(
                    "missing-key",
                    at: item,
                    path,
                    "a sign-off needs `by` and `date`.",
                    fix: "Write `{by: CX Steering Committee, role: approver, date: 2025-03-12, version: 1.0.0}`."
                )
                continue
            }
            guard let by = context.string(byNode, "\(path).by"), let date = context.date(dateNode, "\(path).date")
            else { continue }
            let role = entries.value("role").flatMap { context.string($0, "\(path).role") }
            var version: String?
            if let versionNode = entries.value("version") {
                version = semanticVersion(versionNode, "\(path).version")
                if let version, !history.isEmpty, !history.contains(where: { $0.version == version }) {
                    context.error(
                        "unknown-version",
                        at: versionNode,
                        "\(path).version",
                        "version \(version) is not in the history."
                            + Suggestion.didYouMean(version, in: history.map(\.version)),
                        fix: "Sign off a version listed under `history`."
                    )
                }
            }
            if let today = context.today, date > today {
                context.warning("future-date", at: dateNode, "\(path).date", "\(date) is in the future.")
            }
            signoffs.append(Signoff(by: by, role: role, date: date, version: version))
        }
        return signoffs
    }

    func decodeBuyIn(_ node: Node) -> BuyIn? {
        guard
            let entries = context.mapping(
                node,
                "buyIn",
                expected: "`{surveyed: 2026-10-01, agree: 82%, responses: 45}`"
            )
        else { return nil }
        context.checkKeys(entries, allowed: ["surveyed", "agree", "responses", "teamSize"], "buyIn")
        guard let surveyedNode = entries.value("surveyed"), let agreeNode = entries.value("agree"),
            let responsesNode = entries.value("responses")
        else {
            context.error(
                "missing-key",
                at: node,
                "buyIn",
                "buy-in needs `surveyed`, `agree` and `responses`.",
                fix: "Write `{surveyed: 2026-10-01, agree: 82%, responses: 45}`."
            )
            return nil
        }
        let surveyed = context.date(surveyedNode, "buyIn.surveyed")
        var agree = context.share(agreeNode, "buyIn.agree")
        if let share = agree, !(0...1).contains(share.fraction) {
            context.error(
                "out-of-range",
                at: agreeNode,
                "buyIn.agree",
                "\(share) is not a share of respondents.",
                fix: "Use a value from 0% to 100%."
            )
            agree = nil
        }
        let responses = context.integer(responsesNode, "buyIn.responses", minimum: 0, expected: "a number of responses")
        var teamSize: Int?
        if let teamNode = entries.value("teamSize") {
            teamSize = context.integer(teamNode, "buyIn.teamSize", minimum: 1, expected: "the number of people asked")
            if let teamSize, let responses, responses > teamSize {
                context.error(
                    "out-of-range",
                    at: responsesNode,
                    "buyIn.responses",
                    "\(responses) responses from a team of \(teamSize).",
                    fix: "Check both numbers."
                )
            }
        }
        if let surveyed, let today = context.today, surveyed > today {
            context.warning("future-date", at: surveyedNode, "buyIn.surveyed", "\(surveyed) is in the future.")
        }
        guard let surveyed, let agree, let responses else { return nil }
        return BuyIn(surveyed: surveyed, agree: agree, responses: responses, teamSize: teamSize)
    }
}
