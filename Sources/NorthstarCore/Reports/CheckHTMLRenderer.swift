/// A check report as one self-contained HTML5 page: a summary table, then per promise a trend chart
/// (``SVGTrendChart``) against its target, the table of every period and the breakdown of the latest complete
/// period, then the rules applied and what was read.
///
/// The page loads nothing: its style is inline, its charts are inline SVG, it has no script, font, image or
/// link to anything outside itself. It reads on screen and on paper (white background, each promise on a new
/// page when printed), and colour is never the only signal: every verdict is also a word and a shape.
/// All report text is escaped. The markup is also well-formed XML.
public struct CheckHTMLRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The report as an HTML document.
    public func render(_ report: CheckReport) -> String {
        var html: [String] = []
        let input = report.input
        let title = "\(report.organization): promise check"
        html.append("<!DOCTYPE html>")
        html.append("<html lang=\"en\">")
        html.append("<head>")
        html.append("<meta charset=\"utf-8\"/>")
        html.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
        html.append("<meta name=\"generator\" content=\"Northstar\"/>")
        html.append("<title>\(esc(title))</title>")
        html.append("<style>\n\(Self.style)</style>")
        html.append("</head>")
        html.append("<body>")
        html.append("<header>")
        html.append("<h1>\(esc(report.organization)): were the promises kept?</h1>")
        html.append(
            "<p class=\"meta\">Data to <time datetime=\"\(esc(report.asOf))\">\(esc(report.asOf))</time> · "
                + "\(report.promises.count) promise\(report.promises.count == 1 ? "" : "s") · "
                + "\(count(input.rowsRead)) rows read, \(count(input.accepted)) accepted, "
                + "\(count(input.rejected)) rejected</p>"
        )
        html.append("</header>")
        html.append(contentsOf: summary(report))
        for (index, promise) in report.promises.enumerated() {
            html.append(contentsOf: section(promise, number: index + 1))
        }
        html.append(contentsOf: appendix(report))
        html.append("</body>")
        html.append("</html>")
        return html.joined(separator: "\n") + "\n"
    }

    // MARK: Parts

    private func summary(_ report: CheckReport) -> [String] {
        var html = ["<section class=\"summary\">", "<h2>Latest complete period</h2>"]
        let latest = report.promises.compactMap(\.headline)
        let counts = Verdict.allCases.compactMap { verdict -> String? in
            let count = latest.filter { $0.verdict == verdict }.count
            return count > 0 ? "\(count) \(verdict.phrase)" : nil
        }
        if !counts.isEmpty { html.append("<p>\(esc(counts.joined(separator: ", "))).</p>") }
        html.append("<table>")
        html.append(
            "<thead><tr><th scope=\"col\">Promise</th><th scope=\"col\">Period</th><th scope=\"col\" class=\"num\">"
                + "Value</th><th scope=\"col\">Target</th><th scope=\"col\" class=\"num\">n</th><th scope=\"col\">"
                + "95% interval</th><th scope=\"col\">Verdict</th><th scope=\"col\">Period to date</th></tr></thead>"
        )
        html.append("<tbody>")
        for (index, promise) in report.promises.enumerated() {
            let unit = promise.unit
            let link = "<th scope=\"row\"><a href=\"#promise-\(index + 1)\">\(esc(promise.id))</a></th>"
            guard let period = promise.headline else {
                html.append(
                    "<tr>\(link)<td>—</td><td class=\"num\">—</td><td>\(esc(promise.target.summary))</td>"
                        + "<td class=\"num\">0</td><td>—</td><td>no samples</td><td>—</td></tr>"
                )
                continue
            }
            let toDate =
                promise.periodToDate.map {
                    "\(esc($0.label)): \(esc(unit.format($0.value))) \(badge($0.verdict))"
                } ?? "—"
            html.append(
                "<tr>\(link)<td>\(esc(period.displayLabel))</td><td class=\"num\">\(esc(unit.format(period.value)))"
                    + "</td><td>\(esc(promise.target.summary))</td><td class=\"num\">\(count(period.n))</td>"
                    + "<td class=\"interval\">\(esc(unit.format(period.interval)))</td><td>\(badge(period.verdict))</td>"
                    + "<td class=\"to-date\">\(toDate)</td></tr>"
            )
        }
        html.append("</tbody>")
        html.append("</table>")
        html.append("</section>")
        return html
    }

    package func section(_ promise: CheckReport.PromiseResult, number: Int) -> [String] {
        let unit = promise.unit
        var html = ["<section class=\"promise\" id=\"promise-\(number)\">", "<h2>\(esc(promise.id))</h2>"]
        html.append(
            "<p class=\"meta\">\(esc(promise.metric.displayName)) · \(esc(promise.population)) · clock: "
                + "\(esc(promise.clock)) · \(esc(promise.periodPhrase)) · target <strong>"
                + "\(esc(promise.target.summary))</strong></p>"
        )
        guard let latest = promise.headline else {
            html.append("<p>No samples in the range.</p>")
            html.append("</section>")
            return html
        }
        var headline =
            "<p class=\"headline\">\(esc(latest.displayLabel)): <strong>\(esc(unit.format(latest.value)))"
            + "</strong> against \(esc(promise.target.summary)), n=\(count(latest.n))"
        if let interval = latest.interval { headline += ", 95% interval \(esc(unit.format(interval)))" }
        headline += " — \(badge(latest.verdict))"
        if let note = latest.note { headline += " <span class=\"note\">(\(esc(note)))</span>" }
        html.append(headline + "</p>")

        let chart = SVGTrendChart(promise: promise, idPrefix: "chart-\(number)")
        html.append("<figure class=\"chart\">")
        html.append(chart.render())
        html.append(
            "<figcaption>\(esc(promise.valueTitle)) \(esc(promise.periodPhrase)); whiskers show the 95% "
                + "interval, the dashed line the target.</figcaption>"
        )
        html.append("</figure>")

        let percentiles = promise.showsPercentiles
        html.append("<table class=\"periods\">")
        html.append(
            "<caption>Every period of \(esc(promise.id))</caption>"
                + "<thead><tr><th scope=\"col\">Period</th><th scope=\"col\" class=\"num\">Value</th>"
                + "<th scope=\"col\" class=\"num\">n</th><th scope=\"col\">95% interval</th>"
                + "<th scope=\"col\">Verdict</th>"
                + (percentiles
                    ? "<th scope=\"col\" class=\"num\">Median</th><th scope=\"col\" class=\"num\">p90</th>" : "")
                + "<th scope=\"col\">Notes</th></tr></thead>"
        )
        html.append("<tbody>")
        for period in promise.periods {
            var row =
                "<tr\(period.partial ? " class=\"partial\"" : "")><th scope=\"row\" title=\""
                + "\(esc("\(period.start) to \(period.end)"))\">\(esc(period.displayLabel))</th>"
                + "<td class=\"num\">\(esc(unit.format(period.value)))</td><td class=\"num\">\(count(period.n))</td>"
                + "<td class=\"interval\">\(esc(unit.format(period.interval)))</td><td>\(badge(period.verdict))</td>"
            if percentiles {
                row +=
                    "<td class=\"num\">\(esc(ReportUnit.duration.format(period.median)))</td>"
                    + "<td class=\"num\">\(esc(ReportUnit.duration.format(period.p90)))</td>"
            }
            row += "<td class=\"note\">\(esc(period.remarks.joined(separator: "; ")))</td></tr>"
            html.append(row)
        }
        html.append("</tbody>")
        html.append("</table>")

        if let breakdown = latest.breakdown, !breakdown.isEmpty {
            html.append("<h3>Breakdown, \(esc(latest.displayLabel))</h3>")
            var dimensions: [String] = []
            for slice in breakdown where !dimensions.contains(slice.dimension) { dimensions.append(slice.dimension) }
            for dimension in dimensions {
                html.append("<table class=\"breakdown\">")
                html.append(
                    "<caption>By \(esc(dimension))</caption><thead><tr><th scope=\"col\">\(esc(dimension))</th>"
                        + "<th scope=\"col\" class=\"num\">Value</th><th scope=\"col\" class=\"num\">n</th>"
                        + "<th scope=\"col\">95% interval</th><th scope=\"col\">Verdict</th></tr></thead>"
                )
                html.append("<tbody>")
                for slice in breakdown where slice.dimension == dimension {
                    html.append(
                        "<tr><th scope=\"row\">\(esc(slice.key))</th><td class=\"num\">\(esc(unit.format(slice.value)))"
                            + "</td><td class=\"num\">\(count(slice.n))</td><td class=\"interval\">"
                            + "\(esc(unit.format(slice.interval)))</td><td>\(badge(slice.verdict))</td></tr>"
                    )
                }
                html.append("</tbody>")
                html.append("</table>")
            }
        }
        html.append("</section>")
        return html
    }

    private func appendix(_ report: CheckReport) -> [String] {
        let input = report.input
        var html = ["<section class=\"appendix\">", "<h2>How the numbers were computed</h2>", "<ul>"]
        html += report.definitions.map { "<li>\(MarkupEscaping.htmlWithCode($0))</li>" }
        html.append("</ul>")
        html.append("<h2>What was read</h2>")
        html.append(
            "<p>\(count(input.rowsRead)) rows read, \(count(input.accepted)) accepted, \(count(input.rejected)) "
                + "rejected, \(count(input.duplicates)) duplicates counted once.</p>"
        )
        if !input.files.isEmpty {
            html.append("<table class=\"input\">")
            html.append(
                "<thead><tr><th scope=\"col\">File</th><th scope=\"col\">Format</th><th scope=\"col\" class=\"num\">"
                    + "Rows read</th><th scope=\"col\" class=\"num\">Accepted</th><th scope=\"col\" class=\"num\">"
                    + "Rejected</th><th scope=\"col\">Reasons</th></tr></thead>"
            )
            html.append("<tbody>")
            for file in input.files {
                let rejected = file.rejectedByReason.values.reduce(0, +)
                let reasons = file.rejectedByReason.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
                    .map { "\($0.key) (\(count($0.value)))" }.joined(separator: "; ")
                html.append(
                    "<tr><th scope=\"row\">\(esc(file.file))</th><td>\(esc(file.format))</td><td class=\"num\">"
                        + "\(count(file.rowsRead))</td><td class=\"num\">\(count(file.accepted))</td>"
                        + "<td class=\"num\">\(count(rejected))</td><td>\(esc(reasons.isEmpty ? "—" : reasons))</td></tr>"
                )
            }
            html.append("</tbody>")
            html.append("</table>")
        }
        html.append("</section>")
        return html
    }

    /// A verdict as its symbol and word, coloured.
    private func badge(_ verdict: Verdict) -> String {
        "<span class=\"verdict \(verdict.rawValue)\">\(verdict.symbol) \(esc(verdict.phrase))</span>"
    }

    private func esc(_ text: String) -> String { MarkupEscaping.html(text) }

    private func count(_ value: Int) -> String { MarkupEscaping.grouped(value) }

    /// The page's style: system fonts, white paper, tabular numbers; in print, each promise on a new page
    /// and no table or chart split across pages. Written without `<`, `>` or `&` so the page stays XML.
    package static let style = """
        :root { color-scheme: light; }
        body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
          color: #1f2328; background: #ffffff; max-width: 980px; margin: 2rem auto; padding: 0 1.25rem; }
        h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.3rem; margin: 2.5rem 0 .5rem; padding-bottom: .25rem; border-bottom: 1px solid #d0d7de; }
        h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
        .meta { color: #57606a; margin: .25rem 0 1rem; }
        .headline { font-size: 1.05rem; }
        table { border-collapse: collapse; margin: .75rem 0 1.25rem; min-width: 50%; }
        caption { text-align: left; font-weight: 600; padding: .25rem 0; color: #57606a; }
        th, td { text-align: left; padding: .3rem .65rem; border-bottom: 1px solid #d0d7de; vertical-align: top; }
        thead th { border-bottom: 2px solid #8c959f; font-weight: 600; }
        tbody th { font-weight: 600; }
        .num, .interval { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .interval { color: #57606a; }
        .summary tbody th, .summary td { white-space: nowrap; }
        .summary td.to-date { white-space: normal; min-width: 11em; }
        tr.partial { color: #57606a; font-style: italic; }
        .note { color: #57606a; font-size: .9em; }
        .verdict { font-weight: 600; white-space: nowrap; }
        .verdict.kept { color: #1a7f37; }
        .verdict.at-risk { color: #9a6700; }
        .verdict.broken { color: #cf222e; }
        .verdict.insufficient { color: #6e7781; }
        figure.chart { margin: 1rem 0; }
        figure.chart svg { display: block; width: 100%; max-width: 720px; height: auto; }
        figcaption { color: #57606a; font-size: .9em; margin-top: .25rem; }
        a { color: #0550ae; }
        code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .9em; }
        @media print {
          body { font-size: 10.5pt; max-width: none; margin: 0; padding: 0; }
          section.promise { break-before: page; page-break-before: always; }
          section.appendix { break-before: page; page-break-before: always; }
          table, figure { break-inside: avoid; page-break-inside: avoid; }
          h2, h3 { break-after: avoid; page-break-after: avoid; }
          thead { display: table-header-group; }
          a { color: inherit; text-decoration: none; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        @page { margin: 14mm; }

        """
}
