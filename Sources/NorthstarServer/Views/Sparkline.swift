import Foundation
import NorthstarCore

/// A small inline SVG of a promise's last periods: the values as a line with a dot per period in its verdict's
/// colour, the target as a dashed line. Labelled for screen readers; no script, no font.
struct Sparkline {
    /// The most periods drawn.
    static let periodCount = 12
    static let width = 240.0
    static let height = 56.0
    static let pad = 6.0

    var promise: CheckReport.PromiseResult

    func render() -> String {
        let periods = Array(promise.periods.suffix(Self.periodCount))
        let unit = promise.unit
        let target = promise.target.bound
        let values = periods.compactMap(\.value).filter(\.isFinite)
        var low = min(values.min() ?? target, target)
        var high = max(values.max() ?? target, target)
        if high - low < 1e-9 {
            low -= 1
            high += 1
        }
        let span = high - low
        low -= span * 0.1
        high += span * 0.1
        func y(_ value: Double) -> Double {
            Self.height - Self.pad - (value - low) / (high - low) * (Self.height - 2 * Self.pad)
        }
        let step = periods.count > 1 ? (Self.width - 2 * Self.pad) / Double(periods.count - 1) : 0
        func x(_ index: Int) -> Double { periods.count > 1 ? Self.pad + Double(index) * step : Self.width / 2 }

        let described = periods.map { "\($0.label) \(unit.format($0.value)) \($0.verdict.phrase)" }
            .joined(separator: "; ")
        let label =
            "\(promise.id): last \(periods.count) periods against the target \(promise.target.summary). "
            + described
        var svg = [
            "<svg viewBox=\"0 0 \(Self.number(Self.width)) \(Self.number(Self.height))\" role=\"img\" "
                + "aria-label=\"\(esc(label))\" class=\"sparkline\">",
            "<title>\(esc(label))</title>",
            "<line x1=\"0\" x2=\"\(Self.number(Self.width))\" y1=\"\(Self.number(y(target)))\" "
                + "y2=\"\(Self.number(y(target)))\" stroke=\"#57606a\" stroke-width=\"1\" "
                + "stroke-dasharray=\"4 3\" class=\"target\"/>",
        ]
        // The line breaks where a period has no value.
        var segment: [String] = []
        var segments: [[String]] = []
        for (index, period) in periods.enumerated() {
            if let value = period.value, value.isFinite {
                segment.append("\(Self.number(x(index))),\(Self.number(y(value)))")
            } else if !segment.isEmpty {
                segments.append(segment)
                segment = []
            }
        }
        if !segment.isEmpty { segments.append(segment) }
        for points in segments where points.count > 1 {
            svg.append(
                "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"#24292f\" "
                    + "stroke-width=\"1.5\"/>"
            )
        }
        for (index, period) in periods.enumerated() {
            guard let value = period.value, value.isFinite else { continue }
            svg.append(
                "<circle cx=\"\(Self.number(x(index)))\" cy=\"\(Self.number(y(value)))\" r=\"3\" "
                    + "fill=\"\(period.partial ? "#fff" : period.verdict.colour)\" "
                    + "stroke=\"\(period.verdict.colour)\" stroke-width=\"1.5\">"
                    + "<title>\(esc("\(period.displayLabel): \(unit.format(value)), \(period.verdict.phrase)"))</title>"
                    + "</circle>"
            )
        }
        svg.append("</svg>")
        return svg.joined()
    }

    static func number(_ value: Double) -> String { String(format: "%.1f", value) }
}
