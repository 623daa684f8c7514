import Foundation
import FoundationXML
import Testing

@testable import NorthstarCore

/// The Markdown, CSV and HTML forms of a check report, and the SVG trend chart, on a report built by hand so
/// every expected string can be read off the fixture below.
@Suite("Rendering check reports")
struct CheckReportRenderingTests {
    // MARK: Fixture

    static func period(
        _ label: String,
        _ value: Double?,
        n: Int,
        _ interval: (Double, Double)?,
        _ verdict: Verdict,
        partial: Bool = false,
        note: String? = nil,
        median: Double? = nil,
        p90: Double? = nil,
        breakdown: [CheckReport.BreakdownRow]? = nil
    ) -> CheckReport.PeriodResult {
        let week = Int(label.suffix(2)) ?? 1
        return CheckReport.PeriodResult(
            label: label,
            start: "2026-03-\(week < 10 ? "0" : "")\(week)T00:00:00Z",
            end: "2026-03-\(week + 1 < 10 ? "0" : "")\(week + 1)T00:00:00Z",
            partial: partial,
            value: value,
            n: n,
            interval: interval.map { CheckReport.Interval(low: $0.0, high: $0.1) },
            verdict: verdict,
            note: note,
            median: median,
            p90: p90,
            closedHours: 0,
            lateOpen: 0,
            breaches: [],
            breakdown: breakdown
        )
    }

    /// Chat first response, `90% within 30s`, three complete weeks and one to date. Values and intervals span
    /// 0.84…0.97, which fixes the chart's scale (worked out in `targetLineOnShareScale`).
    static func chatFirstResponse(
        id: String = "chat-first-response",
        teamKey: String = "Tier 2"
    )
        -> CheckReport.PromiseResult
    {
        CheckReport.PromiseResult(
            id: id,
            metric: .firstResponse,
            target: .init(
                summary: "90% within 30s",
                kind: "attainment",
                within: 30,
                share: 0.9,
                statistic: nil,
                bound: 0.9
            ),
            population: "channel=chat",
            clock: "calendar",
            period: "week",
            definition: "Northstar's defaults",
            periods: [
                period("2026-W10", 0.92, n: 400, (0.89, 0.94), .kept, median: 12, p90: 28),
                period("2026-W11", 0.88, n: 380, (0.84, 0.91), .atRisk, median: 14, p90: 33),
                period(
                    "2026-W12",
                    0.95,
                    n: 1_204,
                    (0.93, 0.97),
                    .kept,
                    median: 9.5,
                    p90: 24,
                    breakdown: [
                        .init(
                            dimension: "team",
                            key: "Tier 1",
                            value: 0.96,
                            n: 900,
                            interval: .init(low: 0.94, high: 0.97),
                            verdict: .kept
                        ),
                        .init(
                            dimension: "team",
                            key: teamKey,
                            value: 0.91,
                            n: 304,
                            interval: .init(low: 0.87, high: 0.94),
                            verdict: .atRisk
                        ),
                    ]
                ),
                period("2026-W13", 0.91, n: 25, (0.85, 0.96), .atRisk, partial: true, median: 11, p90: 30),
            ]
        )
    }

    /// Median resolution, `median ≤ 48h`: values 32h…56h (the scale is worked out in `targetLineOnDurationScale`).
    static let medianResolution = CheckReport.PromiseResult(
        id: "median-resolution",
        metric: .resolution,
        target: .init(
            summary: "median ≤ 48h",
            kind: "statistic",
            within: nil,
            share: nil,
            statistic: "median",
            bound: 172_800
        ),
        population: "all contacts",
        clock: "office",
        period: "week",
        definition: "Northstar's defaults",
        periods: [
            period("2026-W10", 129_600, n: 220, (115_200, 144_000), .kept, median: 129_600, p90: 302_400),
            period("2026-W11", 187_200, n: 210, (176_400, 201_600), .broken, median: 187_200, p90: 360_000),
            period("2026-W12", nil, n: 0, nil, .insufficient, note: "0 samples, fewer than the minimum of 20"),
            period("2026-W13", 165_600, n: 240, (151_200, 180_000), .atRisk, median: 165_600, p90: 320_000),
        ]
    )

    /// NPS, `≥ 30` points, per month.
    static let nps = CheckReport.PromiseResult(
        id: "nps",
        metric: .nps,
        target: .init(summary: "≥ 30", kind: "atLeast", within: nil, share: nil, statistic: nil, bound: 30),
        population: "all contacts",
        clock: "calendar",
        period: "month",
        definition: "Northstar's defaults",
        periods: [
            period("2026-01", 32.46, n: 150, (25.1, 39.9), .atRisk),
            period(
                "2026-02",
                -4,
                n: 12,
                (-20.5, 12.5),
                .insufficient,
                note: "12 samples, fewer than the minimum of 20"
            ),
        ]
    )

    static func report(
        organization: String = "Acme Support",
        promises: [CheckReport.PromiseResult]? = nil
    ) -> CheckReport {
        CheckReport(
            organization: organization,
            asOf: "2026-03-26T00:00:00Z",
            promises: promises ?? [chatFirstResponse(), medianResolution, nps],
            definitions: [
                "Open contacts already past a `within` limit count as misses.",
                "Verdict: kept when the whole 95% interval meets the target.",
            ],
            input: .init(
                rowsRead: 12_345,
                accepted: 12_300,
                rejected: 45,
                duplicates: 3,
                files: [
                    .init(
                        file: "contacts.csv",
                        format: "canonical",
                        rowsRead: 12_345,
                        accepted: 12_300,
                        rejectedByReason: ["first_response_at before created_at": 40, "created_at is not a time": 5]
                    )
                ]
            )
        )
    }

    /// A report whose every text field tries to break out of its markup.
    static let hostile = report(
        organization: "Acme & \"Sons\" <Support>",
        promises: [
            chatFirstResponse(id: "chat|first <script>alert('x')</script>", teamKey: "Tier \"2\", | R&D <b>")
        ]
    )

    // MARK: Values

    @Test(
        "values read in their unit",
        arguments: [
            (ReportUnit.duration, 45.0, "45s"),
            (.duration, 12.5, "12.5s"),
            (.duration, 250, "4m 10s"),
            (.duration, 3_600, "1h"),
            (.duration, 7_500, "2h 5m"),
            (.duration, 97_200, "1d 3h"),
            (.duration, 172_800, "2d"),
            (.share, 0.9234, "92.3%"),
            (.share, 1, "100.0%"),
            (.points, 32.46, "+32.5"),
            (.points, -4, "-4.0"),
        ]
    )
    func valueFormats(unit: ReportUnit, value: Double, expected: String) {
        #expect(unit.format(value) == expected)
    }

    @Test(
        "axis ticks read in the unit of their step",
        arguments: [
            (ReportUnit.duration, 30.0, 10.0, "30s"),
            (.duration, 900, 300, "15m"),
            (.duration, 5_400, 1_800, "1h 30m"),
            (.duration, 14_400, 3_600, "4h"),
            (.duration, 172_800, 21_600, "48h"),
            (.duration, 172_800, 86_400, "2d"),
            (.duration, 0, 3_600, "0"),
            (.share, 0.8, 0.05, "80%"),
            (.share, 0.995, 0.005, "99.5%"),
            (.points, 20, 10, "+20"),
            (.points, 0, 10, "0"),
            (.points, -10, 10, "-10"),
        ]
    )
    func axisLabels(unit: ReportUnit, value: Double, step: Double, expected: String) {
        #expect(unit.axisLabel(value, step: step) == expected)
    }

    // MARK: Markdown

    @Test("the Markdown summary headlines the latest complete period with the period to date beside it")
    func markdownSummary() {
        let markdown = CheckMarkdownRenderer().render(Self.report())
        let lines = markdown.split(separator: "\n").map(String.init)
        #expect(lines.first == "# Acme Support: promise check")
        #expect(
            lines.contains(
                "| chat-first-response | 2026-W12 | 95.0% | 90% within 30s | 1,204 | 93.0%–97.0% | kept | 2026-W13: 91.0%, n=25, at-risk |"
            )
        )
        #expect(
            lines.contains(
                "| median-resolution | 2026-W13 | 1d 22h | median ≤ 48h | 240 | 1d 18h–2d 2h | at-risk | — |"
            )
        )
        #expect(lines.contains("| nps | 2026-02 | -4.0 | ≥ 30 | 12 | -20.5–+12.5 | insufficient | — |"))
        // The period table of a duration metric shows the median and p90.
        #expect(lines.contains("| 2026-W10 | 1d 12h | 220 | 1d 8h–1d 16h | kept | 1d 12h | 3d 12h |  |"))
        #expect(lines.contains("| 2026-W13 (to date) | 91.0% | 25 | 85.0%–96.0% | at-risk | 11s | 30s |  |"))
        #expect(lines.contains("### Breakdown, 2026-W12"))
        #expect(lines.contains("| team | Tier 2 | 91.0% | 304 | 87.0%–94.0% | at-risk |"))
        #expect(lines.contains("- Open contacts already past a `within` limit count as misses."))
        #expect(
            lines.contains(
                "| contacts.csv | canonical | 12,345 | 12,300 | 45 | first_response_at before created_at (40); created_at is not a time (5) |"
            )
        )
    }

    @Test("Markdown cells escape pipes and markup, so every row keeps its columns")
    func markdownEscaping() throws {
        let markdown = CheckMarkdownRenderer().render(Self.hostile)
        #expect(markdown.contains("chat\\|first \\<script\\>alert('x')\\</script\\>"))
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains("| team | Tier \"2\", \\| R&D \\<b\\> | 91.0% |"))
        // Each of these rows keeps as many cell borders (unescaped pipes) as its header.
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| team |") || $0.hasPrefix("| chat") }
        #expect(rows.count == 3)
        for row in rows {
            let borders = zip(row, " " + row).filter { $0.0 == "|" && $0.1 != "\\" }.count
            #expect(borders == (row.hasPrefix("| team") ? 7 : 9), "\(row)")
        }
    }

    // MARK: CSV

    @Test("CSV has one row per promise and period and one per breakdown slice, and reads back through CSVReader")
    func csvRoundTrip() throws {
        let report = Self.hostile
        let csv = CheckCSVRenderer().render(report)
        #expect(csv.hasSuffix("\r\n"))
        let reader = CSVReader(bytes: Array(csv.utf8), file: "report.csv")
        var records: [[String]] = []
        while let record = try reader.next() { records.append(record.fields) }
        #expect(records.first == CheckCSVRenderer.columns)
        // 4 periods, plus 2 slices in 2026-W12.
        try #require(records.count == 1 + 4 + 2)
        let id = "chat|first <script>alert('x')</script>"
        #expect(
            records[1] == [
                id, "first-response", "2026-W10", "2026-03-10T00:00:00Z", "2026-03-11T00:00:00Z", "false", "", "",
                "0.92", "400", "0.89", "0.94", "kept", "90% within 30s", "0.9",
            ]
        )
        #expect(
            records[5] == [
                id, "first-response", "2026-W12", "2026-03-12T00:00:00Z", "2026-03-13T00:00:00Z", "false", "team",
                "Tier \"2\", | R&D <b>", "0.91", "304", "0.87", "0.94", "at-risk", "90% within 30s", "0.9",
            ]
        )
        #expect(records[6][2] == "2026-W13" && records[6][5] == "true" && records[6][12] == "at-risk")
        // The key with a comma and quotes is quoted, its quotes doubled.
        #expect(csv.contains(",team,\"Tier \"\"2\"\", | R&D <b>\",0.91,304,"))
    }

    @Test("CSV numbers are raw: seconds, fractions and points, empty when missing")
    func csvNumbers() throws {
        let csv = CheckCSVRenderer().render(Self.report())
        let reader = CSVReader(bytes: Array(csv.utf8), file: "report.csv")
        var records: [[String]] = []
        while let record = try reader.next() { records.append(record.fields) }
        let median = records.filter { $0[0] == "median-resolution" }
        #expect(median.map { $0[8] } == ["129600", "187200", "", "165600"])
        #expect(median[2][9] == "0" && median[2][10] == "" && median[2][12] == "insufficient")
        #expect(median[0][14] == "172800")
        let nps = records.filter { $0[0] == "nps" }
        #expect(nps.map { $0[8] } == ["32.46", "-4"])
        #expect(nps[1][10] == "-20.5")
    }

    // MARK: HTML

    @Test("the HTML page is one well-formed document that names no URL and loads nothing")
    func htmlSelfContained() throws {
        let html = CheckHTMLRenderer().render(Self.report())
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(!html.contains("http://") && !html.contains("https://"))
        for outside in ["<script", "<link", "<img", "@import", "url(", "src=", "<iframe", "<object"] {
            #expect(!html.contains(outside), "\(outside)")
        }
        #expect(html.contains("@media print"))
        #expect(html.contains("break-before: page"))
        // Well-formed XML: the page parses whole, charts and all.
        let document = try XMLDocument(xmlString: html, options: [])
        let svgs = try document.nodes(forXPath: "//svg")
        #expect(svgs.count == 3)
        let sections = try document.nodes(forXPath: "//section[@class='promise']")
        #expect(sections.count == 3)
    }

    @Test("the HTML summary and period tables show formatted values and verdicts as words and symbols")
    func htmlValues() throws {
        let html = CheckHTMLRenderer().render(Self.report())
        let document = try XMLDocument(xmlString: html, options: [])
        let row = try #require(try document.nodes(forXPath: "//section[@class='summary']//tbody/tr").first)
        let cells = try row.nodes(forXPath: "th|td").map { $0.stringValue ?? "" }
        #expect(
            cells == [
                "chat-first-response", "2026-W12", "95.0%", "90% within 30s", "1,204", "93.0%–97.0%", "● kept",
                "2026-W13: 91.0% ▲ at risk",
            ]
        )
        #expect(html.contains("<span class=\"verdict broken\">■ broken</span>"))
        #expect(html.contains("<span class=\"verdict insufficient\">◆ insufficient data</span>"))
        #expect(html.contains("<td class=\"num\">+32.5</td>"))
        #expect(html.contains("<li>Open contacts already past a <code>within</code> limit count as misses.</li>"))
        #expect(html.contains("<caption>By team</caption>"))
        #expect(html.contains("first_response_at before created_at (40); created_at is not a time (5)"))
    }

    @Test("every text in the HTML is escaped: no tag, entity or quote from the data gets through")
    func htmlEscaping() throws {
        let html = CheckHTMLRenderer().render(Self.hostile)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("chat|first &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(html.contains("<h1>Acme &amp; &quot;Sons&quot; &lt;Support&gt;: were the promises kept?</h1>"))
        #expect(html.contains("Tier &quot;2&quot;, | R&amp;D &lt;b&gt;"))
        // The page still parses, and the text reads back exactly as given.
        let document = try XMLDocument(xmlString: html, options: [])
        let heading = try #require(try document.nodes(forXPath: "//section[@class='promise']/h2").first)
        #expect(heading.stringValue == "chat|first <script>alert('x')</script>")
        let label = try #require(try document.nodes(forXPath: "//svg/@aria-label").first)
        #expect(label.stringValue?.hasPrefix("chat|first <script>alert('x')</script>: share of") == true)
    }

    @Test("control characters that XML forbids are replaced, so a stray byte cannot break the page")
    func htmlControlCharacters() throws {
        let html = CheckHTMLRenderer().render(Self.report(organization: "Acme\u{1}\u{8} Support"))
        #expect(!html.contains("\u{1}"))
        _ = try XMLDocument(xmlString: html, options: [])
    }

    // MARK: Chart

    @Test("a standalone chart is well-formed SVG with a title, a description and a label")
    func chartWellFormed() throws {
        let chart = SVGTrendChart(promise: Self.chatFirstResponse(), idPrefix: "c1")
        let svg = chart.render(standalone: true)
        let document = try XMLDocument(xmlString: svg, options: [])
        let root = try #require(document.rootElement())
        #expect(root.name == "svg")
        #expect(root.uri == "http://www.w3.org/2000/svg")
        // (swift-corelibs-foundation does not find plain attributes by name under a default namespace.)
        func attribute(_ name: String) -> String? { root.attributes?.first { $0.name == name }?.stringValue }
        #expect(attribute("role") == "img")
        #expect(attribute("aria-labelledby") == "c1-title c1-desc")
        let label = try #require(attribute("aria-label"))
        #expect(
            label
                == "chat-first-response: share of first response within 30s, target 90% within 30s, 2026-W10 to 2026-W13. Latest 2026-W12: 95.0%, n=1204, kept. Periods: 2 kept, 2 at risk."
        )
        let children = root.children?.compactMap(\.name) ?? []
        #expect(Array(children.prefix(2)) == ["title", "desc"])
        // Inline (the default) it carries no namespace and so no URL.
        #expect(!chart.render().contains("http"))
    }

    @Test("the target line sits where the scale puts it: 90% on a 80%–100% axis is halfway down the plot")
    func targetLineOnShareScale() throws {
        let chart = SVGTrendChart(promise: Self.chatFirstResponse())
        // Values and intervals run 0.84…0.97 with the target 0.9: span 0.13, padded by 5% to 0.8335…0.9765.
        // A 2% step needs 41…49 (8 intervals) and 2.5% needs 33…40 (7), more than 6; 5% needs 16…20 (4).
        // So the axis runs 0.80…1.00. The plot spans y 232 (bottom) to 32 (top), 200 units:
        // y(0.9) = 232 − (0.9 − 0.8) / (1.0 − 0.8) × 200 = 232 − 100 = 132.
        #expect(chart.scale == .init(low: 0.8, high: 1.0, step: 0.05))
        let document = try XMLDocument(xmlString: chart.render(standalone: false), options: [])
        let line = try #require(try document.nodes(forXPath: "//line[@class='target']").first as? XMLElement)
        #expect(line.attribute(forName: "y1")?.stringValue == "132")
        #expect(line.attribute(forName: "y2")?.stringValue == "132")
        #expect(line.attribute(forName: "stroke-dasharray") != nil)
        let ticks = try document.nodes(forXPath: "//g[@class='value-axis']/text").map { $0.stringValue ?? "" }
        #expect(ticks == ["80%", "85%", "90%", "95%", "100%"])
        let label = try document.nodes(forXPath: "//text[@class='target-label']").first?.stringValue
        #expect(label == "target 90%")
    }

    @Test("a duration chart ticks in hours and puts a 48h target at its scale's place")
    func targetLineOnDurationScale() throws {
        let chart = SVGTrendChart(promise: Self.medianResolution)
        // Values and intervals run 115,200…201,600 s (32h…56h), the target 172,800 s (48h): span 86,400,
        // padded by 5% to 110,880…205,920. A 4h step needs 7…15 (8 intervals), too many; 6h (21,600 s) needs
        // 5…10 (5). So the axis runs 108,000…216,000 s (30h…60h):
        // y(172,800) = 232 − (172,800 − 108,000) / 108,000 × 200 = 232 − 120 = 112.
        #expect(chart.scale == .init(low: 108_000, high: 216_000, step: 21_600))
        let document = try XMLDocument(xmlString: chart.render(), options: [])
        let line = try #require(try document.nodes(forXPath: "//line[@class='target']").first as? XMLElement)
        #expect(line.attribute(forName: "y1")?.stringValue == "112")
        let ticks = try document.nodes(forXPath: "//g[@class='value-axis']/text").map { $0.stringValue ?? "" }
        #expect(ticks == ["30h", "36h", "42h", "48h", "54h", "60h"])
        let label = try document.nodes(forXPath: "//text[@class='target-label']").first?.stringValue
        #expect(label == "target 48h")
        // The week without samples is marked, and the line breaks there instead of bridging it.
        let noData = try document.nodes(forXPath: "//text[@class='no-data']")
        #expect(noData.count == 1)
        let path = try #require(try document.nodes(forXPath: "//path[@class='trend-line']/@d").first?.stringValue)
        #expect(path.filter { $0 == "M" }.count == 1)
        #expect(path.filter { $0 == "L" }.count == 1)
    }

    @Test("an NPS chart ticks in signed points")
    func npsScale() throws {
        let chart = SVGTrendChart(promise: Self.nps)
        // −20.5…39.9 padded by 3.02 to −23.52…42.92: a 10-point step needs −3…5 (8), 20 needs −2…3 (5).
        #expect(chart.scale == .init(low: -40, high: 60, step: 20))
        let document = try XMLDocument(xmlString: chart.render(), options: [])
        let ticks = try document.nodes(forXPath: "//g[@class='value-axis']/text").map { $0.stringValue ?? "" }
        #expect(ticks == ["-40", "-20", "0", "+20", "+40", "+60"])
    }

    @Test("each verdict has its own marker shape and a legend in words, so colour is never the only signal")
    func chartMarkersAndLegend() throws {
        let chart = SVGTrendChart(promise: Self.chatFirstResponse())
        let document = try XMLDocument(xmlString: chart.render(), options: [])
        let kept = try document.nodes(forXPath: "//g[@class='point kept']/circle")
        let atRisk = try document.nodes(forXPath: "//g[starts-with(@class, 'point at-risk')]/path")
        #expect(kept.count == 2)
        #expect(atRisk.count == 2)
        let partial = try #require(
            try document.nodes(forXPath: "//g[@class='point at-risk partial']/path").first as? XMLElement
        )
        #expect(partial.attribute(forName: "fill")?.stringValue == "#ffffff")
        let tooltip = try document.nodes(forXPath: "//g[@class='point at-risk partial']/title").first?.stringValue
        #expect(tooltip == "2026-W13 (to date): 91.0% (95% 85.0%–96.0%), n=25, at risk")
        let legend = try document.nodes(forXPath: "//g[@class='legend']/text").map { $0.stringValue ?? "" }
        #expect(legend == ["kept", "at risk", "hollow: period to date", "95% interval", "target: 90% within 30s"])
        let broken = try XMLDocument(xmlString: SVGTrendChart(promise: Self.medianResolution).render(), options: [])
        #expect(try broken.nodes(forXPath: "//g[@class='point broken']/rect").count == 1)
    }

    @Test("a chart without any value still draws a readable empty axis")
    func emptyChart() throws {
        var promise = Self.nps
        promise.periods = []
        let chart = SVGTrendChart(promise: promise)
        #expect(chart.scale.low >= -100 && chart.scale.high <= 100)
        _ = try XMLDocument(xmlString: chart.render(standalone: true), options: [])
    }
}

/// Renders a real report to look at: `NORTHSTAR_SAMPLE_REPORT=report.json swift test --filter SampleReport`
/// reads the JSON of `northstar check --format json` and writes `report.html`, `report.md` and `report.csv`
/// beside it. Skipped unless the variable is set.
@Suite("Sample report")
struct SampleReportRendering {
    static let path = ProcessInfo.processInfo.environment["NORTHSTAR_SAMPLE_REPORT"]

    @Test("renders the report named by NORTHSTAR_SAMPLE_REPORT", .enabled(if: path != nil))
    func renderSample() throws {
        let url = URL(fileURLWithPath: try #require(Self.path))
        let report = try JSONDecoder().decode(CheckReport.self, from: Data(contentsOf: url))
        let base = url.deletingPathExtension()
        try CheckHTMLRenderer().render(report).write(
            to: base.appendingPathExtension("html"),
            atomically: true,
            encoding: .utf8
        )
        try CheckMarkdownRenderer().render(report).write(
            to: base.appendingPathExtension("md"),
            atomically: true,
            encoding: .utf8
        )
        try CheckCSVRenderer().render(report).write(
            to: base.appendingPathExtension("csv"),
            atomically: true,
            encoding: .utf8
        )
    }
}
