import Foundation

/// A phrase that makes a statement checkable, or one that pretends to.
struct MeasurablePhrase: Sendable, Hashable {
    enum Kind: String, Sendable, Hashable {
        /// A number with a time unit, or a bounded day: "within 30 seconds", "4-hour", "same-day", "24/7".
        case timeBound = "time-bound"
        /// A percentage: "88%".
        case percent
        /// A metric with a number: "CSAT ≥ 88%", "NPS ≥ +30", "median resolution ≤ 48 hours".
        case metricTarget = "metric-target"
        /// A metric named without a number: "first contact", "CSAT". Traceable, not measurable alone.
        case metricName = "metric-name"
        /// A cadence: "weekly", "every month".
        case cadence
        /// A vague speed: "fast", "in minutes".
        case vagueTime = "vague-time"
    }

    let kind: Kind
    let range: Range<String.Index>
    let text: String

    /// Whether the phrase states a number someone can check.
    var isNumericTarget: Bool { kind == .timeBound || kind == .percent || kind == .metricTarget }

    private static let timeUnit =
        #"(?:(?:(?:business|working|office|opening)\s+)?(?:hours?|hrs?|days?|minutes?|mins?)|seconds?|secs?|weeks?|months?|s|m|h|d)"#
    private static let metricWords =
        #"(?:csat|nps|fcr|ces|sla|aht|asa|satisfaction(?:\s+score)?|net\s+promoter\s+score|first[\s-]contact\s+resolution|resolution(?:\s+time)?|first[\s-]response(?:\s+time)?|response\s+time|handle\s+time|abandonment(?:\s+rate)?|churn|self[\s-]service|reopen(?:\s+rate)?)"#

    private static let number = #"[+\-]?\d+(?:\.\d+)?"#
    /// A number that is a target: with a percent sign or a time unit.
    private static let amount = number + #"\s*(?:%|"# + timeUnit + #"\b)"#

    private static let patterns: [(Kind, String)] = [
        (.metricTarget, #"\b(?:reduce|cut|raise|increase|lower|grow)\s+\w+(?:\s+\w+)?\s+by\s+"# + amount),
        // A metric, at most two plain words, then a comparison with a number, or a number with its unit:
        // "CSAT ≥ 88%", "median resolution ≤ 48 hours", "NPS of +30", "CSAT score at least 90%".
        (
            .metricTarget,
            #"\b(?:(?:median|mean|average|p\d{2})\s+)?"# + metricWords + #"(?:\s+[a-z]+){0,2}?\s*"#
                + #"(?:(?:≥|>=|≤|<=|>|<|=)\s*"# + number + #"(?:\s*(?:%|"# + timeUnit + #"\b))?"#
                + #"|(?:at\s+least|at\s+most|above|below|under|over|of)\s+"# + number + #"(?:\s*(?:%|"# + timeUnit
                + #"\b))?|"# + amount + ")"
        ),
        // The charter's own compact durations: "within 1h30m".
        (.timeBound, #"\b(?:(?:within|in|under|less\s+than)\s+)?(?:\d+[dhms]){2,4}\b"#),
        (
            .timeBound,
            #"\b(?:(?:within|in|under|less\s+than|inside|after|before)\s+)?\d+(?:\.\d+)?(?:\s*|-)"# + timeUnit + #"\b"#
        ),
        (.timeBound, #"(?:≤|<=|<)\s*\d+(?:\.\d+)?\s*"# + timeUnit + #"\b"#),
        (.timeBound, #"\b(?:same|next)[\s-](?:business[\s-]|working[\s-])?day\b"#),
        (.timeBound, #"\b24\s*(?:/|x)\s*7\b|\b24\s+hours\s+a\s+day\b|\baround\s+the\s+clock\b"#),
        (.percent, #"[+\-]?\d+(?:\.\d+)?\s*(?:%|percent\b)"#),
        (
            .metricName,
            #"\b(?:on\s+)?(?:the\s+)?first[\s-](?:contact|call|reply)\b|\bfirst[\s-]time\s+fix\b|\b(?:csat|nps|ces)\b|\bnet\s+promoter\b|\bself[\s-]service\b"#
        ),
        (.cadence, #"\b(?:daily|weekly|monthly|quarterly|yearly|annually|every\s+(?:day|week|month|quarter|year))\b"#),
        (
            .vagueTime,
            #"\b(?:fast|quick|quickly|rapid|rapidly|swift|swiftly|speedy|soon|in\s+minutes|in\s+no\s+time|right\s+away|at\s+all\s+hours)\b"#
        ),
    ]

    private static let compiled: [(Kind, NSRegularExpression)] = patterns.map { kind, pattern in
        // The patterns are constants written above; failing to compile them is a programming error.
        (kind, try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive]))
    }

    /// Every measurable (or vaguely timed) phrase in the text. Where phrases overlap, the most specific
    /// kind wins: a metric target over the percentage inside it, a time bound over a bare duration.
    static func find(in text: String) -> [MeasurablePhrase] {
        let whole = NSRange(text.startIndex..<text.endIndex, in: text)
        var found: [MeasurablePhrase] = []
        for (kind, expression) in compiled {
            for result in expression.matches(in: text, range: whole) {
                guard let range = Range(result.range, in: text) else { continue }
                let trimmed = trim(range, in: text)
                guard !trimmed.isEmpty else { continue }
                if found.contains(where: { $0.range.overlaps(trimmed) }) { continue }
                found.append(MeasurablePhrase(kind: kind, range: trimmed, text: String(text[trimmed])))
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private static func trim(_ range: Range<String.Index>, in text: String) -> Range<String.Index> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, text[lower].isWhitespace { lower = text.index(after: lower) }
        while upper > lower, text[text.index(before: upper)].isWhitespace { upper = text.index(before: upper) }
        return lower..<upper
    }
}
