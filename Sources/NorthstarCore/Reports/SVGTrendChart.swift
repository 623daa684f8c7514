import Foundation

/// A promise's value per period as an SVG line chart: each period's value as a marker whose shape and colour
/// say its verdict, its 95% interval as a whisker, the target as a dashed line, and a legend in words.
///
/// The SVG is well-formed XML, needs no script, font or image, and carries a `<title>`, a `<desc>` and an
/// `aria-label` for screen readers. Inline in HTML it needs no namespace, so the page names no URL at all;
/// ``render(standalone:)`` adds the SVG namespace for a file of its own.
public struct SVGTrendChart: Sendable {
    /// One period on the chart.
    public struct Point: Sendable {
        /// The period's label, such as `2026-W10`.
        public var label: String
        /// The measured value, in the chart's unit; `nil` without samples.
        public var value: Double?
        /// The 95% interval, when there is one.
        public var interval: CheckReport.Interval?
        /// The samples behind the value.
        public var n: Int
        /// The period's verdict.
        public var verdict: Verdict
        /// Whether the period is still running.
        public var partial: Bool

        /// Creates a point.
        public init(
            label: String,
            value: Double?,
            interval: CheckReport.Interval?,
            n: Int,
            verdict: Verdict,
            partial: Bool
        ) {
            self.label = label
            self.value = value
            self.interval = interval
            self.n = n
            self.verdict = verdict
            self.partial = partial
        }
    }

    /// The chart's name, such as the promise id.
    public var title: String
    /// The unit of the values, the intervals and the target.
    public var unit: ReportUnit
    /// What the value axis measures, such as `share of first response within 30s`.
    public var valueTitle: String
    /// The periods, oldest first.
    public var points: [Point]
    /// The value the promise is judged against, in the chart's unit.
    public var target: Double?
    /// The target in words, such as `90% within 30s`.
    public var targetSummary: String
    /// A prefix for the ids of the chart's elements, unique within the page.
    public var idPrefix: String

    /// Creates a chart.
    public init(
        title: String,
        unit: ReportUnit,
        valueTitle: String,
        points: [Point],
        target: Double?,
        targetSummary: String,
        idPrefix: String = "chart"
    ) {
        self.title = title
        self.unit = unit
        self.valueTitle = valueTitle
        self.points = points
        self.target = target
        self.targetSummary = targetSummary
        self.idPrefix = idPrefix
    }

    /// The chart of one promise of a report: every period, against the target's bound.
    public init(promise: CheckReport.PromiseResult, idPrefix: String = "chart") {
        self.init(
            title: promise.id,
            unit: promise.unit,
            valueTitle: promise.valueTitle,
            points: promise.periods.map {
                Point(
                    label: $0.label,
                    value: $0.value,
                    interval: $0.interval,
                    n: $0.n,
                    verdict: $0.verdict,
                    partial: $0.partial
                )
            },
            target: promise.target.bound,
            targetSummary: promise.target.summary,
            idPrefix: idPrefix
        )
    }

    // MARK: Geometry

    /// The drawing's width; it scales to its container.
    static let width = 720.0
    /// The plot area: value axis labels on the left, the target's label on the right, period labels and the
    /// legend below.
    static let plotLeft = 72.0
    static let plotRight = 632.0
    static let plotTop = 32.0
    static let plotBottom = 232.0
    /// The most intervals between ticks on the value axis.
    static let maximumTickIntervals = 6

    /// The value axis: from `low` at the bottom of the plot to `high` at the top, ticked every `step`.
    struct Scale: Equatable {
        var low: Double
        var high: Double
        var step: Double

        /// The y coordinate of `value`, kept inside the plot.
        func y(_ value: Double) -> Double {
            let fraction = (value - low) / (high - low)
            let y = SVGTrendChart.plotBottom - fraction * (SVGTrendChart.plotBottom - SVGTrendChart.plotTop)
            return min(SVGTrendChart.plotBottom, max(SVGTrendChart.plotTop, y))
        }

        /// The tick values, bottom to top.
        var ticks: [Double] {
            let count = Int(((high - low) / step).rounded())
            return (0...count).map { low + Double($0) * step }
        }
    }

    /// The value axis: it holds every value, interval and the target with a little room, starts and ends on
    /// a tick, and uses the smallest round step that needs at most six intervals.
    var scale: Scale {
        var values: [Double] = []
        for point in points {
            if let value = point.value { values.append(value) }
            if let interval = point.interval { values += [interval.low, interval.high] }
        }
        if let target { values.append(target) }
        values = values.filter(\.isFinite)
        let limits = unit.limits
        var low: Double
        var high: Double
        if let minimum = values.min(), let maximum = values.max() {
            let span = maximum - minimum
            if span < unit.minimumSpan {
                let pad = (unit.minimumSpan - span) / 2
                low = minimum - pad
                high = maximum + pad
            } else {
                low = minimum - span * 0.05
                high = maximum + span * 0.05
            }
        } else {
            low = unit == .points ? -100 : 0
            high = unit == .duration ? 60 : unit == .share ? 1 : unit == .score ? 5 : 100
        }
        low = max(limits.lowerBound, low)
        high = min(limits.upperBound, high)
        let steps = unit.tickSteps
        var step = steps.last ?? 1
        for candidate in steps {
            let intervals = Self.ceiling(high / candidate) - Self.floor(low / candidate)
            if intervals <= Double(Self.maximumTickIntervals) {
                step = candidate
                break
            }
        }
        // Past the longest round step (a duration of months), keep doubling it.
        while Self.ceiling(high / step) - Self.floor(low / step) > Double(Self.maximumTickIntervals) {
            step *= 2
        }
        var scale = Scale(low: Self.floor(low / step) * step, high: Self.ceiling(high / step) * step, step: step)
        if scale.high <= scale.low { scale.high = scale.low + step }
        return scale
    }

    /// Rounds down, forgiving the last bits of a division such as `0.8 / 0.05`.
    private static func floor(_ value: Double) -> Double { (value + 1e-9).rounded(.down) }
    /// Rounds up, forgiving the last bits of a division.
    private static func ceiling(_ value: Double) -> Double { (value - 1e-9).rounded(.up) }

    /// The x coordinate of the middle of period `index`'s slot.
    func x(_ index: Int) -> Double {
        Self.plotLeft + (Double(index) + 0.5) * slotWidth
    }

    private var slotWidth: Double {
        (Self.plotRight - Self.plotLeft) / Double(max(points.count, 1))
    }

    // MARK: Drawing

    /// The chart as SVG markup. `standalone` adds the SVG namespace, needed in a `.svg` file but not inline
    /// in HTML.
    public func render(standalone: Bool = false) -> String {
        let scale = self.scale
        let (left, right, bottom) = (Self.plotLeft, Self.plotRight, Self.plotBottom)
        let legendRows = layoutLegend(legendItems())
        let legendTop = bottom + 42
        let height = legendTop + Double(legendRows.count) * 20 + 6
        let titleID = "\(idPrefix)-title"
        let descriptionID = "\(idPrefix)-desc"
        let n = Self.number
        var svg: [String] = []
        let root: KeyValuePairs<String, String> = [
            "class": "trend", "viewBox": "0 0 \(n(Self.width)) \(n(height))", "width": n(Self.width),
            "height": n(height), "role": "img", "aria-labelledby": "\(titleID) \(descriptionID)",
            "aria-label": summary, "font-family": "system-ui, 'Segoe UI', 'DejaVu Sans', sans-serif",
            "font-size": "12",
        ]
        let opening = Self.open("svg", root)
        svg.append(standalone ? "<svg xmlns=\"http://www.w3.org/2000/svg\"" + opening.dropFirst(4) : opening)
        svg.append(Self.element("title", ["id": titleID], text: "\(title): \(valueTitle) per period"))
        svg.append(Self.element("desc", ["id": descriptionID], text: summary))
        svg.append(
            Self.element("rect", ["x": "0", "y": "0", "width": n(Self.width), "height": n(height), "fill": "#ffffff"])
        )
        svg.append(
            Self.element(
                "text",
                ["class": "axis-title", "x": n(left), "y": "16", "fill": "#1f2328", "font-weight": "600"],
                text: valueTitle
            )
        )

        // Grid and value axis.
        svg.append(Self.open("g", ["class": "value-axis", "fill": "#57606a", "text-anchor": "end"]))
        for tick in scale.ticks {
            let y = n(scale.y(tick))
            svg.append(
                Self.element(
                    "line",
                    ["x1": n(left), "x2": n(right), "y1": y, "y2": y, "stroke": "#d8dee4", "stroke-width": "1"]
                )
            )
            svg.append(
                Self.element(
                    "text",
                    ["x": n(left - 8), "y": y, "dy": "0.32em"],
                    text: unit.axisLabel(tick, step: scale.step)
                )
            )
        }
        svg.append("</g>")
        svg.append(
            Self.element(
                "line",
                [
                    "class": "baseline", "x1": n(left), "x2": n(right), "y1": n(bottom), "y2": n(bottom),
                    "stroke": "#8c959f", "stroke-width": "1",
                ]
            )
        )

        // Period labels, thinned so they do not collide; the newest is always labelled.
        svg.append(
            Self.open("g", ["class": "period-axis", "fill": "#57606a", "text-anchor": "middle", "font-size": "11"])
        )
        let longest = Double(points.map(\.label.count).max() ?? 1)
        let every = max(1, Int((longest * 6.4 + 10) / slotWidth) + 1)
        for (index, point) in points.enumerated() where (points.count - 1 - index) % every == 0 {
            svg.append(Self.element("text", ["x": n(x(index)), "y": n(bottom + 18)], text: point.label))
        }
        svg.append("</g>")

        // The target, labelled in the right margin (where no marker can hide it) in the axis's own units.
        if let target, target.isFinite {
            let y = n(scale.y(target))
            svg.append(
                Self.element(
                    "line",
                    [
                        "class": "target", "x1": n(left), "x2": n(right), "y1": y, "y2": y, "stroke": "#1f2328",
                        "stroke-width": "1.5", "stroke-dasharray": "6 4",
                    ]
                )
            )
            svg.append(
                Self.element(
                    "text",
                    [
                        "class": "target-label", "x": n(right + 8), "y": y, "dy": "0.32em", "fill": "#1f2328",
                        "font-size": "11",
                    ],
                    text: "target \(unit.axisLabel(target, step: scale.step))"
                )
            )
        }

        // Whiskers for the 95% intervals, dashed while the period is running.
        svg.append(Self.open("g", ["class": "intervals", "stroke": "#6e7781", "stroke-width": "1.5"]))
        for (index, point) in points.enumerated() {
            guard let interval = point.interval, point.value != nil else { continue }
            let whisker = Self.whisker(x: x(index), top: scale.y(interval.high), bottom: scale.y(interval.low))
            svg.append(
                Self.element("path", point.partial ? ["d": whisker, "stroke-dasharray": "3 2"] : ["d": whisker])
            )
        }
        svg.append("</g>")

        // The line through the values, broken where a period has none.
        var segments: [[String]] = []
        var current: [String] = []
        for (index, point) in points.enumerated() {
            if let value = point.value, value.isFinite {
                current.append("\(n(x(index))) \(n(scale.y(value)))")
            } else if !current.isEmpty {
                segments.append(current)
                current = []
            }
        }
        if !current.isEmpty { segments.append(current) }
        let path = segments.filter { $0.count > 1 }.map { "M" + $0.joined(separator: "L") }.joined()
        if !path.isEmpty {
            svg.append(
                Self.element(
                    "path",
                    ["class": "trend-line", "d": path, "fill": "none", "stroke": "#57606a", "stroke-width": "1.5"]
                )
            )
        }

        // The markers: shape and colour by verdict, hollow while the period is running; each with a tooltip.
        svg.append(Self.open("g", ["class": "points"]))
        for (index, point) in points.enumerated() {
            let tooltip = Self.element("title", [:], text: tooltip(point))
            guard let value = point.value, value.isFinite else {
                svg.append(
                    Self.element(
                        "text",
                        [
                            "class": "no-data", "x": n(x(index)), "y": n(bottom - 6), "text-anchor": "middle",
                            "font-size": "10", "fill": "#6e7781",
                        ],
                        markup: tooltip + (slotWidth >= 44 ? "no data" : "–")
                    )
                )
                continue
            }
            let marker = Self.marker(point.verdict, x: x(index), y: scale.y(value), hollow: point.partial)
            let classes = "point \(point.verdict.rawValue)\(point.partial ? " partial" : "")"
            svg.append(Self.element("g", ["class": classes], markup: tooltip + marker))
        }
        svg.append("</g>")

        // The legend, in words beside each symbol.
        svg.append(Self.open("g", ["class": "legend", "fill": "#1f2328"]))
        for (row, items) in legendRows.enumerated() {
            let y = legendTop + Double(row) * 20
            for (item, itemLeft) in items {
                svg.append(item.symbol(itemLeft, y))
                svg.append(Self.element("text", ["x": n(itemLeft + 20), "y": n(y), "dy": "0.32em"], text: item.text))
            }
        }
        svg.append("</g>")
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }

    /// One sentence for screen readers: what is plotted, the span, and the latest complete period.
    var summary: String {
        var text = "\(title): \(valueTitle), target \(targetSummary)"
        if let first = points.first, let last = points.last {
            text += first.label == last.label ? ", \(first.label)" : ", \(first.label) to \(last.label)"
        }
        text += "."
        if let latest = points.last(where: { !$0.partial }) ?? points.last {
            text += " Latest\(latest.partial ? " (to date)" : "") \(latest.label): \(unit.format(latest.value))"
            text += ", n=\(latest.n), \(latest.verdict.phrase)."
        }
        let counts = Verdict.allCases.compactMap { verdict -> String? in
            let count = points.filter { $0.verdict == verdict }.count
            return count > 0 ? "\(count) \(verdict.phrase)" : nil
        }
        if points.count > 1, !counts.isEmpty { text += " Periods: \(counts.joined(separator: ", "))." }
        return text
    }

    private func tooltip(_ point: Point) -> String {
        var text = "\(point.label)\(point.partial ? " (to date)" : ""): \(unit.format(point.value))"
        if let interval = point.interval { text += " (95% \(unit.format(interval)))" }
        return text + ", n=\(point.n), \(point.verdict.phrase)"
    }

    /// `<name a="v"…>`: attribute values escaped.
    static func open(_ name: String, _ attributes: KeyValuePairs<String, String>) -> String {
        "<" + name + attributes.map { " \($0.key)=\"\(MarkupEscaping.html($0.value))\"" }.joined() + ">"
    }

    /// `<name a="v"…/>`, or with content: `text` is escaped, `markup` is taken as it is.
    static func element(
        _ name: String,
        _ attributes: KeyValuePairs<String, String>,
        text: String? = nil,
        markup: String? = nil
    ) -> String {
        let content = text.map(MarkupEscaping.html) ?? markup
        guard let content else { return String(open(name, attributes).dropLast()) + "/>" }
        return open(name, attributes) + content + "</\(name)>"
    }

    /// An interval whisker: a vertical line from `top` to `bottom` with a short cap at each end.
    static func whisker(x: Double, top: Double, bottom: Double) -> String {
        let (left, centre, right) = (number(x - 4), number(x), number(x + 4))
        return "M\(left) \(number(top))H\(right)M\(centre) \(number(top))V\(number(bottom))M\(left) "
            + "\(number(bottom))H\(right)"
    }

    /// A verdict's marker centred on (`x`, `y`): kept a circle, at risk a triangle, broken a square,
    /// insufficient data a diamond.
    static func marker(_ verdict: Verdict, x: Double, y: Double, hollow: Bool, colour: String? = nil) -> String {
        let colour = colour ?? verdict.colour
        let fill = hollow ? "#ffffff" : colour
        let stroke = hollow ? colour : "#ffffff"
        let width = hollow ? "2" : "1.5"
        let n = number
        switch verdict {
        case .kept:
            return element(
                "circle",
                ["cx": n(x), "cy": n(y), "r": "5.5", "fill": fill, "stroke": stroke, "stroke-width": width]
            )
        case .atRisk:
            let d = "M\(n(x)) \(n(y - 7))L\(n(x + 6.5)) \(n(y + 5))L\(n(x - 6.5)) \(n(y + 5))Z"
            return element("path", ["d": d, "fill": fill, "stroke": stroke, "stroke-width": width])
        case .broken:
            return element(
                "rect",
                [
                    "x": n(x - 5), "y": n(y - 5), "width": "10", "height": "10", "fill": fill, "stroke": stroke,
                    "stroke-width": width,
                ]
            )
        case .insufficient:
            let d = "M\(n(x)) \(n(y - 6.5))L\(n(x + 6.5)) \(n(y))L\(n(x)) \(n(y + 6.5))L\(n(x - 6.5)) \(n(y))Z"
            return element("path", ["d": d, "fill": fill, "stroke": stroke, "stroke-width": width])
        }
    }

    /// A coordinate with at most one decimal: `128`, `96.5`.
    static func number(_ value: Double) -> String {
        ReportUnit.trimmed(value, decimals: 1)
    }

    // MARK: Legend

    private struct LegendItem {
        var text: String
        var symbol: @Sendable (Double, Double) -> String
    }

    private func legendItems() -> [LegendItem] {
        var items: [LegendItem] = []
        for verdict in Verdict.allCases where points.contains(where: { $0.verdict == verdict && $0.value != nil }) {
            items.append(
                LegendItem(text: verdict.phrase) { x, y in Self.marker(verdict, x: x + 8, y: y, hollow: false) }
            )
        }
        if points.contains(where: { $0.partial && $0.value != nil }) {
            items.append(
                LegendItem(text: "hollow: period to date") { x, y in
                    Self.marker(.kept, x: x + 8, y: y, hollow: true, colour: "#57606a")
                }
            )
        }
        if points.contains(where: { $0.interval != nil }) {
            items.append(
                LegendItem(text: "95% interval") { x, y in
                    Self.element(
                        "path",
                        [
                            "d": Self.whisker(x: x + 8, top: y - 7, bottom: y + 7), "stroke": "#6e7781",
                            "stroke-width": "1.5",
                        ]
                    )
                }
            )
        }
        if target != nil {
            items.append(
                LegendItem(text: "target: \(targetSummary)") { x, y in
                    Self.element(
                        "line",
                        [
                            "x1": Self.number(x), "x2": Self.number(x + 16), "y1": Self.number(y), "y2": Self.number(y),
                            "stroke": "#1f2328", "stroke-width": "1.5", "stroke-dasharray": "6 4",
                        ]
                    )
                }
            )
        }
        return items
    }

    /// Places legend items left to right from the plot's left edge, wrapping before the right edge.
    private func layoutLegend(_ items: [LegendItem]) -> [[(LegendItem, Double)]] {
        var rows: [[(LegendItem, Double)]] = []
        var row: [(LegendItem, Double)] = []
        var left = Self.plotLeft
        for item in items {
            let width = 20 + Double(item.text.count) * 6.3 + 14
            if !row.isEmpty, left + width > Self.width - 8 {
                rows.append(row)
                row = []
                left = Self.plotLeft
            }
            row.append((item, left))
            left += width
        }
        if !row.isEmpty { rows.append(row) }
        return rows
    }
}
