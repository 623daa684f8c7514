import Testing

@testable import NorthstarCore

/// The phrases that make a mission checkable, and the ones that only pretend to.
@Suite("MeasurablePhrase")
struct MeasurablePhraseTests {
    @Test(
        "finds each measurable phrase with its kind and exact words",
        arguments: [
            // Time bounds: a number with a time unit, or a bounded day.
            PhraseCase("We answer chats within 30 seconds.", .timeBound, "within 30 seconds"),
            PhraseCase("We reply to emails in 2 hours.", .timeBound, "in 2 hours"),
            PhraseCase("Callbacks happen under 15 minutes.", .timeBound, "under 15 minutes"),
            PhraseCase("Enterprise customers get a 4-hour fix.", .timeBound, "4-hour"),
            PhraseCase("We ship same-day replacements.", .timeBound, "same-day"),
            PhraseCase("Refunds arrive by the next business day.", .timeBound, "next business day"),
            PhraseCase("Chat is staffed 24/7.", .timeBound, "24/7"),
            PhraseCase("We answer around the clock.", .timeBound, "around the clock"),
            PhraseCase("We resolve returns within 2 business days.", .timeBound, "within 2 business days"),
            // Percentages.
            PhraseCase("We answer 90% of calls.", .percent, "90%"),
            PhraseCase("We refund 95 percent of claims.", .percent, "95 percent"),
            // Metric targets: a metric with a comparator and a number.
            PhraseCase("We keep CSAT ≥ 88%.", .metricTarget, "CSAT ≥ 88%"),
            PhraseCase("We aim for NPS ≥ +30.", .metricTarget, "NPS ≥ +30"),
            PhraseCase("We hold median resolution ≤ 48 hours.", .metricTarget, "median resolution ≤ 48 hours"),
            PhraseCase("We keep CSAT at least 90%.", .metricTarget, "CSAT at least 90%"),
            PhraseCase("First response time under 1 hour, always.", .metricTarget, "First response time under 1 hour"),
            PhraseCase("We cut handle time by 10%.", .metricTarget, "cut handle time by 10%"),
            PhraseCase("Abandonment rate below 5%.", .metricTarget, "Abandonment rate below 5%"),
            // A metric named without a number: traceable, not measurable alone.
            PhraseCase("We fix issues on first contact.", .metricName, "on first contact"),
            PhraseCase("We report CSAT to the team.", .metricName, "CSAT"),
            PhraseCase("Customers find answers in self-service.", .metricName, "self-service"),
            PhraseCase("We track net promoter feedback.", .metricName, "net promoter"),
            // Cadences.
            PhraseCase("We improve weekly with feedback.", .cadence, "weekly"),
            PhraseCase("We review our promises every quarter.", .cadence, "every quarter"),
            PhraseCase("Reports go out monthly.", .cadence, "monthly"),
            // Vague speed: sounds timed, promises no time.
            PhraseCase("We fix issues fast.", .vagueTime, "fast"),
            PhraseCase("We answer questions in minutes.", .vagueTime, "in minutes"),
            PhraseCase("We call back right away.", .vagueTime, "right away"),
            PhraseCase("We are there at all hours.", .vagueTime, "at all hours"),
            PhraseCase("We reply quickly.", .vagueTime, "quickly"),
        ]
    )
    func findsPhrase(_ phraseCase: PhraseCase) {
        let found = MeasurablePhrase.find(in: phraseCase.text)
        #expect(
            found.contains { $0.kind == phraseCase.kind && $0.text == phraseCase.phrase },
            "found \(found.map { "\($0.kind.rawValue) \($0.text.debugDescription)" })"
        )
    }

    @Test(
        "finds nothing where there is nothing to measure",
        arguments: [
            "We answer every question and explain the next step.",
            "Every customer feels confident and cared for after every interaction.",
            "We have 3 sites and 40 people.",
            "We listen, we fix, we follow up.",
            "Open Monday to Friday.",
        ]
    )
    func findsNothing(_ text: String) {
        let found = MeasurablePhrase.find(in: text)
        #expect(found.isEmpty, "found \(found.map { "\($0.kind.rawValue) \($0.text.debugDescription)" })")
    }

    @Test(
        "numeric targets are time bounds, percentages and metric targets only",
        arguments: [
            (MeasurablePhrase.Kind.timeBound, true),
            (.percent, true),
            (.metricTarget, true),
            (.metricName, false),
            (.cadence, false),
            (.vagueTime, false),
        ]
    )
    func numericTargets(kind: MeasurablePhrase.Kind, isTarget: Bool) {
        let text = "x"
        let phrase = MeasurablePhrase(kind: kind, range: text.startIndex..<text.endIndex, text: text)
        #expect(phrase.isNumericTarget == isTarget)
    }

    @Test("the most specific kind wins where phrases overlap")
    func mostSpecificWins() {
        // "88%" is inside the metric target and "1 hour" inside the time bound: each is reported once.
        let found = MeasurablePhrase.find(in: "We reply within 1 hour and keep CSAT ≥ 88%.")
        #expect(found.map(\.kind) == [.timeBound, .metricTarget])
        #expect(found.map(\.text) == ["within 1 hour", "CSAT ≥ 88%"])
    }

    @Test("phrases come in text order with ranges that point at their words")
    func rangesPointAtWords() {
        let text = "Weekly, we answer 90% of chats within 30 seconds, fast."
        let found = MeasurablePhrase.find(in: text)
        #expect(found.map(\.text) == ["Weekly", "90%", "within 30 seconds", "fast"])
        #expect(found.allSatisfy { String(text[$0.range]) == $0.text })
    }

    @Test("statement 5: the CSAT target is \"CSAT ≥ 88%\", not the clause before it")
    func csatInsideParentheses() {
        let text = "follow up until satisfaction is confirmed (CSAT ≥ 88%)."
        let found = MeasurablePhrase.find(in: text).filter { $0.kind == .metricTarget }
        #expect(found.count == 1)
        // "satisfaction" is itself a metric word, and the pattern lets up to 24 characters of anything but
        // digits and `.;:` sit between the metric and its number, so the match starts at "satisfaction" and
        // reads "satisfaction is confirmed (CSAT ≥ 88%". The reasons then quote that fragment as a target.
        #expect(found.map(\.text) == ["CSAT ≥ 88%"])

    }

    @Test("statement 6: \"NPS ≥ +30\" is found as itself after \"time-to-resolution, targeting\"")
    func npsAfterAnotherMetric() {
        let text =
            "we measure our success by NPS and time-to-resolution, "
            + "targeting NPS ≥ +30 and median resolution ≤ 48 hours."
        let targets = MeasurablePhrase.find(in: text).filter { $0.kind == .metricTarget }.map(\.text)
        #expect(targets.contains("median resolution ≤ 48 hours"))
        // Found instead: "resolution, targeting NPS ≥ +30": the gap may cross a comma and another metric name.
        #expect(targets.contains("NPS ≥ +30"))

    }

    @Test("\"reduce churn by 15%\" is one metric target, verb included")
    func reduceChurn() {
        let found = MeasurablePhrase.find(in: "aim to reduce churn by 15% in 12 months.")
        let target = found.first { $0.kind == .metricTarget }
        #expect(target?.text.hasSuffix("churn by 15%") == true)
        // The first pattern (metric word … number) matches "churn by 15%" before the dedicated
        // "reduce|cut|raise … by N%" pattern runs, so the verb is left out.
        #expect(target?.text == "reduce churn by 15%")

    }

    @Test("a compound duration in the charter's own syntax is a time bound")
    func compoundDuration() {
        // Charters accept `1h30m` for durations; in a statement "within 1h30m" finds nothing at all: the unit must
        // end at a word boundary, and there is none between "1h" and "30m", nor before "30".
        #expect(MeasurablePhrase.find(in: "We answer within 90 minutes.").map(\.text) == ["within 90 minutes"])
        #expect(MeasurablePhrase.find(in: "We answer within 1h30m.").map(\.text) == ["within 1h30m"])

    }

    @Test("a metric word followed by an unrelated number is not a target")
    func unrelatedNumberAfterMetric() {
        let found = MeasurablePhrase.find(in: "We publish CSAT for all 12 teams.")
        // Found: metric target "CSAT for all 12", which earns measurable a point for a head count.
        #expect(!found.contains { $0.isNumericTarget })

    }
}

struct PhraseCase: Sendable, CustomTestStringConvertible {
    let text: String
    let kind: MeasurablePhrase.Kind
    let phrase: String

    init(_ text: String, _ kind: MeasurablePhrase.Kind, _ phrase: String) {
        self.text = text
        self.kind = kind
        self.phrase = phrase
    }

    var testDescription: String { "\(kind.rawValue) \(phrase.debugDescription) in \(text.debugDescription)" }
}
