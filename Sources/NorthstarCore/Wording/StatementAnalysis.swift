import Foundation

/// Which statement of a charter a text is.
public enum StatementKind: String, Sendable, Codable, CaseIterable {
    /// Where the team wants customers to end up.
    case vision
    /// What the team does, for whom, how, and with what result.
    case mission
}

/// Everything the scorecard needs to know about one statement, found in one pass over its words.
struct StatementAnalysis {
    let kind: StatementKind
    let statement: Statement
    let tokens: [WordToken]
    let readability: Readability
    let sentences: [Substring]
    private(set) var alerts: [LintAlert] = []

    private(set) var plainWordHits = 0
    /// Visible behaviours found, one per list entry (answer and answers count once), as written.
    private(set) var visibleVerbs: [(entry: String, word: String)] = []
    private(set) var vagueVerbs: [String] = []
    private(set) var passive: [String] = []
    private(set) var loopholes: [String] = []
    private(set) var toneOffenders: [String] = []
    private(set) var outcomes: [String] = []
    private(set) var customerIsSubject = false
    private(set) var hasSoClause = false
    let measurable: [MeasurablePhrase]

    private static let verbLeaders: Set<String> = [
        "we", "i", "they", "you", "to", "and", "or", "then", "also", "always", "will", "never", "can", "is", "are",
        "be", "am", "we'll", "we're", "personally", "quickly",
    ]
    private static let toneRules: Set<String> = ["exclamation", "shouting", "scare-quotes", "capitalization", "tone"]
    private static let auxiliaries: Set<String> = ["is", "are", "am", "be", "was", "were"]
    private static let teamNouns: Set<String> = [
        "team", "teams", "agent", "agents", "staff", "people", "specialists", "experts", "advisors", "advisers",
        "nurses", "engineers", "crew", "desk", "everyone", "colleagues", "hosts", "concierges", "representatives",
    ]
    private static let emphasisCapitals: Set<String> = [
        "quality", "reasonable", "cost", "timely", "manner", "service", "services", "customer", "customers", "care",
        "excellence", "value", "professional", "solutions", "standards", "satisfaction", "experience", "commitment",
        "integrity", "respect", "trust", "team", "support", "clients", "client", "delivery", "accountability",
    ]
    private static let subjectVerbs: Set<String> = [
        "feel", "leave", "get", "know", "receive", "can", "will", "have", "are", "find", "trust", "enjoy", "say",
        "see", "hear", "understand", "return", "come", "stay", "choose",
    ]

    init(kind: StatementKind, statement: Statement, style: StyleGuide, tone: Tone, organization: String) {
        self.kind = kind
        self.statement = statement
        self.tokens = WordToken.tokenize(statement.text)
        self.readability = Readability(text: statement.text)
        self.sentences = SentenceSplitter.sentences(in: statement.text)
        self.measurable = MeasurablePhrase.find(in: statement.text)
        analyze(style: style, tone: tone, organization: organization)
    }

    /// Whether the word at `index` is where a verb would stand: at the start of a clause, after a subject
    /// (we, our team, agents), an auxiliary (will, is) or an adverb (usually). Nouns elsewhere ("call time",
    /// "helpful follow-ups") are not behaviours.
    private func isVerbPosition(_ index: Int) -> Bool {
        if index == 0 || Self.auxiliaries.contains(tokens[index].lowered) { return true }
        let gap = tokens[index].gapBefore
        if gap.contains(where: { ",;:.!?(".contains($0) }) { return true }
        let previous = tokens[index - 1].lowered
        return Self.verbLeaders.contains(previous) || Self.teamNouns.contains(previous)
            || (previous.hasSuffix("ly") && previous.count > 3
                && !["only", "early", "daily", "weekly", "monthly", "friendly"].contains(previous))
    }

    private func isSentenceStart(_ index: Int) -> Bool {
        index == 0 || tokens[index].gapBefore.contains(where: { ".!?:;".contains($0) })
    }

    private mutating func alert(
        _ rule: String,
        _ severity: LintAlert.Severity,
        _ range: Range<String.Index>,
        _ message: String,
        suggestion: String?,
        style: StyleGuide
    ) {
        guard !style.disabledRules.contains(rule) else { return }
        let location = statement.location(of: range) ?? SourceLocation(file: "<text>", line: 1, column: 1)
        alerts.append(
            LintAlert(
                rule: rule,
                severity: severity,
                file: location.file,
                line: location.line,
                column: location.column,
                match: String(statement.text[range]),
                message: message,
                suggestion: suggestion
            )
        )
    }

    private mutating func analyze(style: StyleGuide, tone: Tone, organization: String) {
        let text = statement.text
        let lists: [(WordList, String, LintAlert.Severity, String)] = [
            (style.banned, "banned", .error, "is banned by the team's style file"),
            (style.fluff, "fluff", .warning, "is fluff: it sounds good and promises nothing a customer can check"),
            (style.jargon, "jargon", .warning, "is inside jargon customers do not use"),
            (style.wordy, "wordy", .suggestion, "is wordy"),
        ]
        for (list, rule, severity, message) in lists {
            for match in list.matches(in: tokens) where !style.disabledRules.contains(rule) {
                plainWordHits += 1
                let advice = rule == "wordy" ? match.entry.advice.map { "write \"\($0)\"" } : match.entry.advice
                alert(
                    rule,
                    severity,
                    match.range,
                    "\"\(text[match.range])\" \(message).",
                    suggestion: advice,
                    style: style
                )
            }
        }
        for match in style.preferred.matches(in: tokens) {
            alert(
                "preferred",
                .suggestion,
                match.range,
                "the team prefers \"\(match.entry.advice ?? "")\" to \"\(text[match.range])\".",
                suggestion: match.entry.advice,
                style: style
            )
        }
        for match in style.loopholes.matches(in: tokens) where !style.disabledRules.contains("loophole") {
            loopholes.append(String(text[match.range]))
            alert(
                "loophole",
                .warning,
                match.range,
                "\"\(text[match.range])\" is a loophole: it lets the promise be kept by doing nothing in particular.",
                suggestion: match.entry.advice,
                style: style
            )
        }
        for match in style.vagueVerbs.matches(in: tokens) where isVerbPosition(match.firstToken) {
            guard !style.disabledRules.contains("vague-verb") else { break }
            vagueVerbs.append(String(text[match.range]))
            alert(
                "vague-verb",
                .warning,
                match.range,
                "\"\(text[match.range])\" states an intention, not something a customer sees you do.",
                suggestion: match.entry.advice,
                style: style
            )
        }
        for match in style.visibleVerbs.matches(in: tokens) where isVerbPosition(match.firstToken) {
            if !visibleVerbs.contains(where: { $0.entry == match.entry.phrase }) {
                visibleVerbs.append((match.entry.phrase, text[match.range].lowercased()))
            }
        }
        if !style.disabledRules.contains("passive-voice") {
            // "We are dedicated to" is both an intention and passive: both alerts show, one point is lost.
            let vagueRanges = style.vagueVerbs.matches(in: tokens).map(\.range)
            for range in PassiveVoiceDetector.find(in: tokens) {
                if !vagueRanges.contains(where: { $0.overlaps(range) }) { passive.append(String(text[range])) }
                alert(
                    "passive-voice",
                    .suggestion,
                    range,
                    "\"\(text[range])\" is passive: it hides who does it.",
                    suggestion: "say who acts: \"we confirm\", \"the customer confirms\"",
                    style: style
                )
            }
        }
        analyzeTone(style: style, tone: tone, organization: organization)
        analyzeOutcome(style: style)
        for sentence in sentences {
            let words = Readability.words(in: String(sentence)).count
            if words > 25, let range = text.range(of: sentence) {
                alert(
                    "long-sentence",
                    .suggestion,
                    range,
                    "this sentence has \(words) words; people skim anything over 25.",
                    suggestion: "split it, or move the numbers into the promises",
                    style: style
                )
            }
        }
    }

    private mutating func analyzeTone(style: StyleGuide, tone: Tone, organization: String) {
        let text = statement.text
        for index in text.indices where text[index] == "!" {
            alert(
                "exclamation",
                .warning,
                index..<text.index(after: index),
                "an exclamation mark shouts.",
                suggestion: "end with a full stop",
                style: style
            )
        }
        for token in tokens
        where token.text.count >= 3 && token.text.allSatisfy({ $0.isUppercase || $0.isNumber })
            && token.text.contains(where: \.isLetter) && !style.acronyms.contains(String(token.text))
        {
            alert(
                "shouting",
                .warning,
                token.range,
                "\"\(token.text)\" in capitals reads as shouting.",
                suggestion: token.text.lowercased(),
                style: style
            )
        }
        let quoted = try? NSRegularExpression(pattern: #"["“]([^"“”]{1,30})["”]"#)
        for result in quoted?.matches(in: text, range: NSRange(text.startIndex..<text.endIndex, in: text)) ?? [] {
            guard let range = Range(result.range, in: text) else { continue }
            alert(
                "scare-quotes",
                .warning,
                range,
                "quotes around \(text[range]) make readers doubt the words.",
                suggestion: "drop the quotes and say what you mean",
                style: style
            )
        }
        let organizationWords = Set(organization.lowercased().split(separator: " ").map(String.init))
        func isCapitalised(_ index: Int) -> Bool {
            guard tokens.indices.contains(index), let first = tokens[index].text.first else { return false }
            return first.isUppercase
        }
        for (index, token) in tokens.enumerated() where !isSentenceStart(index) {
            guard let first = token.text.first, first.isUppercase, token.text.dropFirst().allSatisfy(\.isLowercase),
                Self.emphasisCapitals.contains(token.lowered), !organizationWords.contains(token.lowered)
            else { continue }
            // Two capitalised words in a row are a name ("Customer Care", "Service Desk"), not emphasis.
            if isCapitalised(index - 1) || isCapitalised(index + 1) { continue }
            alert(
                "capitalization",
                .suggestion,
                token.range,
                "\"\(token.text)\" is capitalised mid-sentence, which reads as corporate emphasis.",
                suggestion: token.lowered,
                style: style
            )
        }
        if let list = style.toneLists[tone] {
            for match in list.matches(in: tokens) {
                alert(
                    "tone",
                    .warning,
                    match.range,
                    "\"\(text[match.range])\" does not sound \(tone.rawValue).",
                    suggestion: match.entry.advice,
                    style: style
                )
            }
        }
        // Only what was reported counts against the tone: a rule the team disabled costs nothing.
        toneOffenders = alerts.filter { Self.toneRules.contains($0.rule) }.map(\.match)
    }

    private mutating func analyzeOutcome(style: StyleGuide) {
        let text = statement.text
        outcomes = style.outcomeWords.matches(in: tokens).map { String(text[$0.range]) }
        let customerMatches = style.customerNouns.matches(in: tokens)
        for match in customerMatches {
            let next = match.firstToken + match.tokenCount
            guard next < tokens.count, tokens[next].gapBefore.isEmpty else { continue }
            let verb = tokens[next].lowered
            let previous = match.firstToken > 0 ? tokens[match.firstToken - 1].lowered : ""
            guard !["to", "for", "with", "of", "by", "help", "keep"].contains(previous) else { continue }
            let looksLikeVerb =
                Self.subjectVerbs.contains(verb)
                || (verb.hasSuffix("s") && !verb.hasSuffix("ss") && verb.count > 3 && !verb.hasSuffix("ies")
                    || verb.hasSuffix("ies"))
            if looksLikeVerb { customerIsSubject = true }
        }
        for (index, token) in tokens.enumerated() where token.lowered == "so" {
            var next = index + 1
            if next < tokens.count, tokens[next].lowered == "that" { next += 1 }
            guard next < tokens.count else { continue }
            let word = tokens[next].lowered
            if ["they", "you", "every", "each"].contains(word)
                || customerMatches.contains(where: { $0.firstToken == next })
            {
                hasSoClause = true
            }
        }
    }
}
