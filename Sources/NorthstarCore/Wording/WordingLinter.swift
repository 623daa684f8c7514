import Foundation

/// Scores a vision and mission the way a careful editor and a support-operations lead would: seven
/// checklist items worth 0–2 each, a gate (10 of 14 by default), linter-style alerts, readability, and
/// traceability between the words and the promises. The rules are documented in `docs/lint.md`.
public struct WordingLinter: Sendable {
    /// The word lists, with the team's own additions.
    public var style: StyleGuide
    /// The score needed to pass.
    public var minimumScore: Int
    /// The date buy-in surveys are aged against; `nil` skips the age check.
    public var today: LocalDate?

    /// The highest score: seven items, two points each.
    public static let maximumScore = 14

    /// Creates a linter.
    public init(style: StyleGuide = .standard, minimumScore: Int = 10, today: LocalDate? = nil) {
        self.style = style
        self.minimumScore = minimumScore
        self.today = today
    }

    /// Scores a charter's vision and mission, with its behaviours, promises and buy-in.
    public func lint(_ charter: Charter) -> LintReport {
        var statements: [StatementAnalysis] = []
        for (kind, statement) in [(StatementKind.vision, charter.vision), (.mission, charter.mission)] {
            guard let statement else { continue }
            statements.append(
                StatementAnalysis(
                    kind: kind,
                    statement: statement,
                    style: style,
                    tone: charter.tone,
                    organization: charter.organization
                )
            )
        }
        let combined = statements.map(\.statement.text).joined(separator: "\n")
        let (traceability, traceAlerts) = trace(charter, statements)
        let checklist = [
            plainWords(statements),
            shortLength(statements),
            clearBehaviors(statements, behaviors: charter.behaviors),
            measurable(statements, traceability: traceability, promises: charter.promises),
            onBrandTone(statements, tone: charter.tone),
            customerOutcome(statements),
            teamBuyIn(charter.buyIn),
        ]
        return report(
            subject: "charter",
            file: charter.file,
            checklist,
            text: combined,
            statements: statements,
            extraAlerts: traceAlerts,
            traceability: traceability
        )
    }

    /// Scores a bare statement typed on the command line.
    public func lint(text: String, kind: StatementKind, tone: Tone = .friendly) -> LintReport {
        let analysis = StatementAnalysis(
            kind: kind,
            statement: Statement(bareText: text),
            style: style,
            tone: tone,
            organization: ""
        )
        let statements = [analysis]
        let checklist = [
            plainWords(statements),
            shortLength(statements),
            clearBehaviors(statements, behaviors: []),
            measurable(statements, traceability: nil, promises: []),
            onBrandTone(statements, tone: tone),
            customerOutcome(statements),
            teamBuyIn(nil),
        ]
        let empty = Traceability(untracedPhrases: [], unstatedPromises: [])
        return report(
            subject: kind.rawValue,
            file: nil,
            checklist,
            text: text,
            statements: statements,
            extraAlerts: [],
            traceability: empty
        )
    }

    private func report(
        subject: String,
        file: String?,
        _ checklist: [ChecklistResult],
        text: String,
        statements: [StatementAnalysis],
        extraAlerts: [LintAlert],
        traceability: Traceability
    ) -> LintReport {
        let score = checklist.reduce(0) { $0 + $1.score }
        let alerts = (statements.flatMap(\.alerts) + extraAlerts).sorted {
            ($0.line, $0.column, $0.rule) < ($1.line, $1.column, $1.rule)
        }
        return LintReport(
            subject: subject,
            file: file,
            score: score,
            maximum: Self.maximumScore,
            minimumScore: minimumScore,
            passed: score >= minimumScore,
            checklist: checklist,
            readability: Readability(text: text),
            alerts: alerts,
            traceability: traceability
        )
    }

    // MARK: The seven items

    /// Fluff, jargon, wordy phrases and banned words cost a point each; hard reading (Flesch–Kincaid grade
    /// above 16) costs one more, but never on its own takes the item to 0.
    func plainWords(_ statements: [StatementAnalysis]) -> ChecklistResult {
        let hits = statements.reduce(0) { $0 + $1.plainWordHits }
        var reasons: [String] = []
        let hard = statements.filter { $0.readability.words >= 8 && $0.readability.fleschKincaidGrade > 16 }
        for statement in statements where statement.plainWordHits > 0 {
            let words = statement.alerts.filter { ["fluff", "jargon", "wordy", "banned"].contains($0.rule) }.map {
                "\"\($0.match)\""
            }
            reasons.append("The \(statement.kind) uses \(Self.list(words)).")
        }
        for statement in hard {
            reasons.append(
                "The \(statement.kind) reads at grade \(Self.format(statement.readability.fleschKincaidGrade)) (Flesch–Kincaid); aim for 12 or lower."
            )
        }
        var score = hits == 0 ? 2 : hits == 1 ? 1 : 0
        if !hard.isEmpty { score = hits == 0 ? 1 : 0 }
        if reasons.isEmpty { reasons.append("Everyday words, no fluff or jargon, easy to read.") }
        let fix =
            score < 2
            ? "Replace each flagged phrase with what the customer actually gets; shorten long words and sentences."
            : nil
        return ChecklistResult(item: .plainWords, score: score, reasons: reasons, fix: fix)
    }

    /// Vision: 12–20 words (one sentence). Mission: one or two sentences of at most 25 words, 40 in all.
    func shortLength(_ statements: [StatementAnalysis]) -> ChecklistResult {
        var scores: [Int] = []
        var reasons: [String] = []
        var fixes: [String] = []
        for statement in statements {
            let words = statement.readability.words
            let sentences = max(1, statement.sentences.count)
            let longest = statement.sentences.map { Readability.words(in: String($0)).count }.max() ?? words
            switch statement.kind {
            case .vision:
                var score = (12...20).contains(words) ? 2 : (8...25).contains(words) ? 1 : 0
                if sentences > 1 { score = min(score, 1) }
                scores.append(score)
                reasons.append(
                    "The vision has \(words) words in \(sentences) sentence\(sentences == 1 ? "" : "s"); 12–20 words in one sentence is the aim."
                )
                if score < 2 {
                    fixes.append(
                        words < 12
                            ? "Add the touchpoint or the feeling to the vision."
                            : "Cut the vision to one sentence of 12–20 words."
                    )
                }
            case .mission:
                let score: Int
                if sentences <= 2 && longest <= 25 && words <= 40 {
                    score = 2
                } else if sentences <= 3 && longest <= 35 && words <= 60 {
                    score = 1
                } else {
                    score = 0
                }
                scores.append(score)
                reasons.append(
                    "The mission has \(sentences) sentence\(sentences == 1 ? "" : "s"), \(words) words, the longest sentence \(longest) words."
                )
                if score < 2 {
                    fixes.append(
                        "Keep the mission to one or two sentences of at most 25 words; put the numbers in the promises."
                    )
                }
            }
        }
        return ChecklistResult(
            item: .shortLength,
            score: scores.min() ?? 0,
            reasons: reasons,
            fix: fixes.isEmpty ? nil : fixes.joined(separator: " ")
        )
    }

    /// Mission: two or more verbs a customer can see earn 2, one earns 1; vague intentions and passive
    /// voice cost a point each. A vision is judged only on vague verbs and passive voice.
    func clearBehaviors(_ statements: [StatementAnalysis], behaviors: [Statement]) -> ChecklistResult {
        let vague = statements.flatMap(\.vagueVerbs)
        let passive = statements.flatMap(\.passive)
        var reasons: [String] = []
        var score: Int
        let mission = statements.first { $0.kind == .mission }
        if let mission {
            var visible = mission.visibleVerbs
            for behavior in behaviors {
                let tokens = WordToken.tokenize(behavior.text)
                for match in style.visibleVerbs.matches(in: tokens) where match.firstToken == 0 {
                    if !visible.contains(where: { $0.entry == match.entry.phrase }) {
                        visible.append((match.entry.phrase, behavior.text[match.range].lowercased()))
                    }
                }
            }
            score = visible.count >= 2 ? 2 : visible.count
            reasons.append(
                visible.isEmpty
                    ? "The mission names no behaviour a customer can see (answer, fix, explain, follow up)."
                    : "Visible behaviours: \(Self.list(visible.map { "\"\($0.word)\"" }))."
            )
        } else {
            score = 2
            reasons.append("A vision is judged on what it avoids: vague intentions and passive voice.")
        }
        var penalty = 0
        if !vague.isEmpty {
            penalty += 1
            reasons.append("Intentions instead of behaviour: \(Self.list(vague.map { "\"\($0)\"" })).")
        }
        if !passive.isEmpty {
            penalty += 1
            reasons.append("Passive voice hides who acts: \(Self.list(passive.map { "\"\($0)\"" })).")
        }
        // Three or more visible behaviours outweigh one stray intention or passive clause.
        if let mission, mission.visibleVerbs.count >= 3 { penalty = min(penalty, 1) }
        score = max(0, score - penalty)
        let fix = score < 2 ? "Start clauses with what the team does: \"We answer …, fix …, and follow up …\"." : nil
        return ChecklistResult(item: .clearBehaviors, score: score, reasons: reasons, fix: fix)
    }

    /// Two or more numeric targets (a time bound, a percentage, a metric with a number) earn 2, one earns
    /// 1, a cadence alone earns 1. With fewer than two targets, a loophole costs a point. In a charter, a
    /// number no promise backs costs a point. A vision alone is judged on loopholes and a stated outcome.
    func measurable(
        _ statements: [StatementAnalysis],
        traceability: Traceability?,
        promises: [Promise]
    ) -> ChecklistResult {
        var reasons: [String] = []
        let loopholes = statements.flatMap(\.loopholes)
        let judged = statements.filter { $0.kind == .mission }
        if judged.isEmpty, let vision = statements.first {
            let targets = vision.measurable.filter(\.isNumericTarget)
            var score = !targets.isEmpty ? 2 : vision.outcomes.isEmpty ? 0 : 1
            if !targets.isEmpty {
                reasons.append("Targets: \(Self.list(targets.map { "\"\($0.text)\"" })).")
            } else if vision.outcomes.isEmpty {
                reasons.append("The vision names no outcome a survey could check, and no number.")
            } else {
                reasons.append(
                    "No number; the outcome (\(Self.list(vision.outcomes.map { "\"\($0)\"" }))) can be checked by survey, "
                        + "and the charter's promises carry the numbers."
                )
            }
            if !loopholes.isEmpty {
                score = max(0, score - 1)
                reasons.append("Loopholes: \(Self.list(loopholes.map { "\"\($0)\"" })).")
            }
            let fix =
                score < 2
                ? "Back the vision with promises in a charter, or name an outcome customers can be asked about." : nil
            return ChecklistResult(item: .measurable, score: score, reasons: reasons, fix: fix)
        }
        let phrases = judged.flatMap(\.measurable)
        let targets = phrases.filter(\.isNumericTarget)
        let cadences = phrases.filter { $0.kind == .cadence }
        var score = targets.count >= 2 ? 2 : targets.count == 1 ? 1 : cadences.isEmpty ? 0 : 1
        if targets.isEmpty {
            reasons.append(
                cadences.isEmpty
                    ? "No number, time bound or target."
                    : "Only a cadence (\(Self.list(cadences.map { "\"\($0.text)\"" }))), no target."
            )
        } else {
            reasons.append("Targets: \(Self.list(targets.map { "\"\($0.text)\"" })).")
        }
        let vague = phrases.filter { $0.kind == .vagueTime }
        if !vague.isEmpty { reasons.append("Vague speed: \(Self.list(vague.map { "\"\($0.text)\"" })).") }
        if !loopholes.isEmpty {
            reasons.append("Loopholes: \(Self.list(loopholes.map { "\"\($0)\"" })).")
            if targets.count < 2 { score -= 1 }
        }
        if let traceability {
            let untraced = traceability.untracedPhrases.filter { phrase in targets.contains { $0.text == phrase.phrase }
            }
            if !untraced.isEmpty {
                score -= 1
                reasons.append("Not backed by a promise: \(Self.list(untraced.map { "\"\($0.phrase)\"" })).")
            } else if !targets.isEmpty {
                reasons.append(
                    "Every number is backed by one of \(promises.count) promise\(promises.count == 1 ? "" : "s")."
                )
            }
        }
        score = max(0, score)
        let fix =
            score < 2
            ? "Give times and shares: \"answer chats within 30 seconds\", \"CSAT at least 88%\"; back each with a promise."
            : nil
        return ChecklistResult(item: .measurable, score: score, reasons: reasons, fix: fix)
    }

    /// Exclamation marks, capitals that shout, scare quotes, capitalised emphasis and words off the
    /// charter's tone: none earns 2, one earns 1, more earn 0.
    func onBrandTone(_ statements: [StatementAnalysis], tone: Tone) -> ChecklistResult {
        let offenders = statements.flatMap(\.toneOffenders)
        let score = offenders.isEmpty ? 2 : offenders.count == 1 ? 1 : 0
        let reasons =
            offenders.isEmpty
            ? ["Sounds \(tone.rawValue): no shouting, hype or corporate emphasis."]
            : ["Off a \(tone.rawValue) tone: \(Self.list(offenders.map { "\"\($0)\"" }))."]
        let fix =
            score < 2
            ? "Write as you would speak to one customer: no capitals for emphasis, no quotes, no exclamation marks."
            : nil
        return ChecklistResult(item: .onBrandTone, score: score, reasons: reasons, fix: fix)
    }

    /// A feeling or result (confident, informed, resolved) earns 1; earns 2 when the customer is the one
    /// who feels it (the subject, or a "so customers …" clause) in the same statement.
    func customerOutcome(_ statements: [StatementAnalysis]) -> ChecklistResult {
        var best = 0
        var reasons: [String] = []
        for statement in statements {
            let score: Int
            if !statement.outcomes.isEmpty && (statement.customerIsSubject || statement.hasSoClause) {
                score = 2
            } else if !statement.outcomes.isEmpty || statement.hasSoClause {
                score = 1
            } else {
                score = 0
            }
            best = max(best, score)
            if statement.outcomes.isEmpty {
                reasons.append("The \(statement.kind) names no feeling or result for the customer.")
            } else {
                let who =
                    statement.customerIsSubject || statement.hasSoClause
                    ? "the customer leaves with" : "named, but not as the customer's"
                reasons.append("The \(statement.kind): \(Self.list(statement.outcomes.map { "\"\($0)\"" })) (\(who)).")
            }
        }
        let fix =
            best < 2 ? "Say what the customer leaves with: \"Every customer feels …\" or \"… so customers …\"." : nil
        return ChecklistResult(item: .customerOutcome, score: best, reasons: reasons, fix: fix)
    }

    /// Agreement of 80% or more from at least 10 responses (half the team, when its size is known), in a
    /// survey at most a year old, earns 2; 60% or more earns 1; not recorded earns 0.
    func teamBuyIn(_ buyIn: BuyIn?) -> ChecklistResult {
        guard let buyIn else {
            return ChecklistResult(
                item: .teamBuyIn,
                score: 0,
                reasons: ["Not recorded: nobody has asked the team whether they stand behind these words."],
                fix:
                    "Survey the team (\"I can keep this promise\"; agree / disagree) and record it: `buyIn: {surveyed: 2026-10-01, agree: 82%, responses: 45}`."
            )
        }
        var reasons = ["\(buyIn.agree) of \(buyIn.responses) respondents agree (surveyed \(buyIn.surveyed))."]
        var score = buyIn.agree.fraction >= 0.8 ? 2 : buyIn.agree.fraction >= 0.6 ? 1 : 0
        if buyIn.responses < 10 {
            score = min(score, 1)
            reasons.append("Fewer than 10 responses is too few to rely on.")
        }
        if let teamSize = buyIn.teamSize, Double(buyIn.responses) < Double(teamSize) * 0.5 {
            score = min(score, 1)
            reasons.append("Only \(buyIn.responses) of \(teamSize) people answered.")
        }
        if let today, today.daysSinceEpoch - buyIn.surveyed.daysSinceEpoch > 365 {
            score = min(score, 1)
            reasons.append("The survey is more than a year old.")
        }
        let fix = score < 2 ? "Rework the wording with the team until at least 80% agree, and survey again." : nil
        return ChecklistResult(item: .teamBuyIn, score: score, reasons: reasons, fix: fix)
    }

    // MARK: Traceability

    /// Matches each promise's `says` to the words, and each measurable phrase to a promise.
    func trace(_ charter: Charter, _ statements: [StatementAnalysis]) -> (Traceability, [LintAlert]) {
        var alerts: [LintAlert] = []
        var unstated: [Traceability.UnstatedPromise] = []
        var coverage: [StatementKind: [Range<String.Index>]] = [:]
        let behaviorTokens = charter.behaviors.map { WordToken.tokenize($0.text) }
        for promise in charter.promises {
            let location = promise.location ?? SourceLocation(file: charter.file, line: 1, column: 1)
            guard let says = promise.says else {
                unstated.append(
                    .init(
                        id: promise.id,
                        says: nil,
                        reason: "no `says`: the promise is not tied to any words.",
                        line: location.line,
                        column: location.column
                    )
                )
                if !style.disabledRules.contains("unstated-promise") {
                    alerts.append(
                        LintAlert(
                            rule: "unstated-promise",
                            severity: .suggestion,
                            file: location.file,
                            line: location.line,
                            column: location.column,
                            match: promise.id,
                            message: "promise `\(promise.id)` is not stated in the vision, mission or behaviours.",
                            suggestion:
                                "add `says:` with the words it stands for, and put them in the mission if they are missing"
                        )
                    )
                }
                continue
            }
            let saysTokens = WordToken.tokenize(says.text).map(\.lowered)
            var found = false
            for statement in statements {
                if let range = Self.find(saysTokens, in: statement.tokens) {
                    coverage[statement.kind, default: []].append(range)
                    found = true
                }
            }
            if !found, behaviorTokens.contains(where: { Self.find(saysTokens, in: $0) != nil }) { found = true }
            if !found {
                let saysLocation = says.location(ofCharacterOffset: 0) ?? location
                unstated.append(
                    .init(
                        id: promise.id,
                        says: says.text,
                        reason: "its `says` is not found in the vision, mission or behaviours.",
                        line: saysLocation.line,
                        column: saysLocation.column
                    )
                )
                if !style.disabledRules.contains("says-not-found") {
                    alerts.append(
                        LintAlert(
                            rule: "says-not-found",
                            severity: .warning,
                            file: saysLocation.file,
                            line: saysLocation.line,
                            column: saysLocation.column,
                            match: says.text,
                            message:
                                "promise `\(promise.id)` says \"\(says.text)\", but the words are not in the vision, mission or behaviours.",
                            suggestion: "quote the mission's words exactly, or add them to the mission"
                        )
                    )
                }
            }
        }
        var untraced: [Traceability.UntracedPhrase] = []
        for statement in statements {
            for phrase in statement.measurable where phrase.isNumericTarget || phrase.kind == .metricName {
                let covered = coverage[statement.kind, default: []].contains { $0.overlaps(phrase.range) }
                guard !covered else { continue }
                let location =
                    statement.statement.location(of: phrase.range)
                    ?? SourceLocation(file: charter.file, line: 1, column: 1)
                untraced.append(
                    .init(
                        phrase: phrase.text,
                        statement: statement.kind.rawValue,
                        line: location.line,
                        column: location.column
                    )
                )
                if !style.disabledRules.contains("untraced-phrase") {
                    alerts.append(
                        LintAlert(
                            rule: "untraced-phrase",
                            severity: .warning,
                            file: location.file,
                            line: location.line,
                            column: location.column,
                            match: phrase.text,
                            message:
                                "\"\(phrase.text)\" in the \(statement.kind) is not backed by a promise, so nobody measures it.",
                            suggestion: "add a promise whose `says` quotes these words"
                        )
                    )
                }
            }
        }
        return (Traceability(untracedPhrases: untraced, unstatedPromises: unstated), alerts)
    }

    /// The range in the statement of the first run of tokens equal to `words`.
    static func find(_ words: [String], in tokens: [WordToken]) -> Range<String.Index>? {
        guard !words.isEmpty, words.count <= tokens.count else { return nil }
        for start in 0...(tokens.count - words.count)
        where zip(words, tokens[start..<(start + words.count)]).allSatisfy({ $0 == $1.lowered }) {
            return tokens[start].range.lowerBound..<tokens[start + words.count - 1].range.upperBound
        }
        return nil
    }

    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }

    static func format(_ value: Double) -> String {
        String((value * 10).rounded() / 10)
    }
}
