import ArgumentParser
import Foundation
import NorthstarCore

/// What `staff plan` and `staff what-if` share: the charter, the history, and the plan's settings.
struct PlanOptions: ParsableArguments {
    @Option(help: "The charter YAML file.", completion: .file(extensions: ["yaml", "yml"]))
    var charter: String

    @Argument(help: "The contacts history to forecast from (any export `check` reads).", completion: .file())
    var data: [String]

    @Option(help: "The exports' format (default: detected from the header).")
    var inputFormat: ImportFormat?

    @Option(help: "The IANA zone of times written without one (default: the charter's time zone).")
    var sourceTimezone: String?

    @Option(help: "Interval length: 15m, 30m or 60m.")
    var interval = "30m"

    @Option(help: "Weeks to plan.")
    var weeks = 2

    @Option(help: "Cost of one paid hour, before differentials.")
    var hourlyCost = 32.0

    @Option(help: "Extra pay for night hours (22:00–06:00): 15% adds 15% to those hours.")
    var nightDifferential = "15%"

    @Option(help: "Extra pay for Saturday and Sunday hours; added to the night differential.")
    var weekendDifferential = "10%"

    @Option(help: "Paid hours a week of one full-time equivalent.")
    var hoursPerFte = 40.0

    @Option(help: "Share of paid time agents cannot answer (breaks, training, absence).")
    var shrinkage = "30%"

    @Option(help: "Highest agent occupancy.")
    var maxOccupancy = "85%"

    @Option(help: "Chats one agent handles at once.")
    var chatConcurrency = 1

    @Option(
        help: ArgumentHelp(
            "A channel's handle time where the data has none (email) or to override it: email=8m. Repeatable.",
            valueName: "channel=duration"
        )
    )
    var handleTime: [String] = []

    @Option(help: "Output format: text, json, csv or html (a page with a heat map and requirement curves).")
    var format: PlanFormat = .text

    enum PlanFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, csv, html
    }

    func validate() throws {
        if data.isEmpty { throw ValidationError("Give the contacts history to forecast from.") }
        if weeks < 1 || weeks > 12 { throw ValidationError("--weeks must be 1 to 12; got \(weeks).") }
        if !(hourlyCost >= 0) { throw ValidationError("--hourly-cost must be zero or more; got \(hourlyCost).") }
        if !(hoursPerFte > 0) { throw ValidationError("--hours-per-fte must be above zero; got \(hoursPerFte).") }
        if chatConcurrency < 1 { throw ValidationError("--chat-concurrency must be at least 1.") }
        _ = try settings()  // the shares and durations, before any data is read
    }

    /// The settings these options describe.
    func settings() throws -> StaffingPlan.Settings {
        var settings = StaffingPlan.Settings()
        let minutes = try StaffingArgument.seconds(interval, option: "--interval") / 60
        guard [15.0, 30, 60].contains(minutes) else {
            throw ValidationError("--interval must be 15m, 30m or 60m; got \(interval).")
        }
        settings.intervalMinutes = Int(minutes)
        settings.weeks = weeks
        settings.hourlyCost = hourlyCost
        settings.nightDifferential = try StaffingArgument.share(nightDifferential, option: "--night-differential")
        settings.weekendDifferential = try StaffingArgument.share(weekendDifferential, option: "--weekend-differential")
        settings.hoursPerFTE = hoursPerFte
        settings.shrinkage = try StaffingArgument.share(shrinkage, option: "--shrinkage")
        guard settings.shrinkage < 1 else { throw ValidationError("--shrinkage must be below 100%.") }
        settings.maxOccupancy = try StaffingArgument.share(maxOccupancy, option: "--max-occupancy")
        guard settings.maxOccupancy > 0 else { throw ValidationError("--max-occupancy must be above 0%, e.g. 85%.") }
        settings.chatConcurrency = chatConcurrency
        for entry in handleTime {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw ValidationError("--handle-time `\(entry)`: write channel=duration, e.g. email=8m.")
            }
            let seconds = try StaffingArgument.seconds(parts[1], option: "--handle-time \(parts[0])")
            guard seconds > 0 else { throw ValidationError("--handle-time \(parts[0]) must be above zero.") }
            settings.handleTimes[parts[0].lowercased()] = seconds
        }
        return settings
    }

    /// The charter, the history and a planner over them.
    func planner() throws -> StaffingPlanner {
        let loaded = try CharterReporting.load(charter, invalidExitCode: ExitStatus.unreadable)
        let run = ImportRun(
            format: inputFormat,
            timeZoneIdentifier: sourceTimezone ?? loaded.charter.timeZoneIdentifier
        )
        let (contacts, _) = try ExportReading.read(data, run: run, summarize: format == .text)
        return StaffingPlanner(charter: loaded.charter, contacts: contacts, settings: try settings())
    }
}

/// `northstar staff plan`: the agents, hours and money it takes to keep each promise.
struct StaffPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Forecast arrivals and plan the agents, hours and cost to keep each time-bound promise.",
        discussion: """
            For each first-response or speed-of-answer promise on one channel, counts the history's arrivals per \
            interval, forecasts the next weeks (seasonal naive or Holt-Winters, whichever had the lower error on \
            the last week), sizes every interval (Erlang A when callers abandon, Erlang C, or workload for email), \
            and prices the heads with night and weekend differentials, around the clock and in business hours. \
            Also shows each promise's cost with its time limit 25% tighter and 25% looser. docs/staffing.md.

            Examples:
              northstar staff plan --charter charter.yaml contacts.csv --handle-time email=8m
              northstar staff plan --charter charter.yaml contacts.csv --format html > plan.html
            """
    )

    @OptionGroup var options: PlanOptions

    func run() throws {
        let planner = try options.planner()
        let plan = try staffingCall { try planner.plan() }
        switch options.format {
        case .json: print(CharterReporting.json(plan))
        case .csv: print(StaffingPlanRenderer().csv(plan), terminator: "")
        case .html: print(StaffingPlanRenderer().html(plan, title: "Staffing plan: \(planner.charter.organization)"))
        case .text:
            print(StaffingPlanText.render(plan))
            print(try StaffingPlanText.promiseCosts(planner, base: plan))
        }
    }
}

/// `northstar staff what-if`: the change in agents, FTE and cost when a promise's target moves.
struct StaffWhatIfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "what-if",
        abstract: "Tighten or loosen a promise's target and see the change in agents, FTE and yearly cost.",
        discussion: """
            --set takes PROMISE.within=DURATION, PROMISE.share=PERCENT or PROMISE.pNN=DURATION, and may be repeated.

            Examples:
              northstar staff what-if --charter charter.yaml contacts.csv --set chat-first-response.within=20s
              northstar staff what-if --charter charter.yaml contacts.csv --set phone-speed-of-answer.share=90%
            """
    )

    @OptionGroup var options: PlanOptions

    @Option(name: .customLong("set"), help: ArgumentHelp("A changed target: PROMISE.within=20s.", valueName: "change"))
    var changes: [String] = []

    func validate() throws {
        if changes.isEmpty { throw ValidationError("Give at least one --set PROMISE.within=DURATION.") }
    }

    func run() throws {
        let planner = try options.planner()
        var targets: [String: PromiseTarget] = [:]
        for change in changes {
            let (id, target) = try Self.target(change, charter: planner.charter, earlier: targets)
            targets[id] = target
        }
        let base = try staffingCall { try planner.plan() }
        let changed = try staffingCall { try planner.plan(targets: targets) }
        switch options.format {
        case .json:
            print(CharterReporting.json(WhatIf(base: base, changed: changed)))
        case .csv:
            print(StaffingPlanRenderer().csv(changed), terminator: "")
        case .html:
            print(StaffingPlanRenderer().html(changed, title: "What if: \(changes.joined(separator: ", "))"))
        case .text:
            print(StaffingPlanText.compare(base: base, changed: changed, changes: changes))
        }
    }

    struct WhatIf: Encodable {
        var base: StaffingPlan
        var changed: StaffingPlan
    }

    /// `PROMISE.within=20s` as the promise's new target.
    static func target(
        _ change: String,
        charter: Charter,
        earlier: [String: PromiseTarget]
    ) throws -> (String, PromiseTarget) {
        let sides = change.split(separator: "=", maxSplits: 1).map(String.init)
        guard sides.count == 2, let dot = sides[0].lastIndex(of: ".") else {
            throw ValidationError(
                "--set `\(change)`: write PROMISE.within=DURATION, e.g. chat-first-response.within=20s."
            )
        }
        let id = String(sides[0][..<dot])
        let field = String(sides[0][sides[0].index(after: dot)...])
        guard let promise = charter.promises.first(where: { $0.id == id }) else {
            let ids = charter.promises.map(\.id)
            throw ValidationError(
                "--set: no promise `\(id)`." + Suggestion.didYouMean(id, in: ids) + " Promises: "
                    + ids.joined(separator: ", ") + "."
            )
        }
        let current = earlier[id] ?? promise.target
        switch (current, field) {
        case (.attainment(_, let share), "within"):
            return (id, .attainment(within: try duration(sides[1]), share: share))
        case (.attainment(let within, _), "share"):
            let fraction = try StaffingArgument.share(sides[1], option: "--set \(id).share")
            guard fraction > 0, fraction < 1 else {
                throw ValidationError("--set \(id).share must be above 0% and below 100%.")
            }
            return (id, .attainment(within: within, share: Share(fraction: fraction)))
        case (.statistic(let statistic, _), let name) where name == statistic.description:
            return (id, .statistic(statistic, try duration(sides[1])))
        default:
            throw ValidationError(
                "--set: `\(field)` is not part of \(id)'s target (\(promise.target.summary(for: promise.metric, options: promise.options)))."
            )
        }
    }

    static func duration(_ text: String) throws -> CharterDuration {
        guard let duration = CharterDuration(parsing: text.trimmingCharacters(in: .whitespaces)), duration.seconds > 0
        else { throw ValidationError("--set: `\(text)` is not a duration such as 20s, 4h or 1h30m.") }
        return duration
    }
}

/// The plan in words for a terminal.
enum StaffingPlanText {
    static func render(_ plan: StaffingPlan) -> String {
        var lines = [
            "Staffing plan: \(plan.settings.weeks) week\(plan.settings.weeks == 1 ? "" : "s") from \(plan.firstDay) "
                + "(\(plan.timeZoneIdentifier)), \(plan.settings.intervalMinutes)-minute intervals",
            "",
        ]
        let header = [
            "promise", "channel", "model", "forecast (WAPE)", "AHT", "peak", "FTE 24/7", "FTE office", "24/7 premium",
            "cost/week",
        ]
        var rows = [header]
        for promise in plan.promises {
            let wape = (promise.backtests[promise.forecastMethod.rawValue] ?? nil).map { percentText($0) } ?? "untested"
            let premium =
                promise.businessHoursFTE > 0
                ? "+" + percentText(promise.fte / promise.businessHoursFTE - 1, digits: 0) : "—"
            rows.append([
                promise.id, promise.channel, promise.model, "\(promise.forecastMethod.rawValue) (\(wape))",
                secondsText(promise.handleTimeSeconds), String(promise.intervals.map(\.agents).max() ?? 0),
                String(format: "%.1f", promise.fte), String(format: "%.1f", promise.businessHoursFTE), premium,
                String(format: "%.0f", promise.weeklyCost),
            ])
        }
        lines += table(rows)
        lines.append("")
        lines.append(
            String(
                format: "All channels: %.1f FTE, %.0f hours and %.0f a week, %.0f a year.",
                plan.totalFTE,
                plan.totalWeeklyHours,
                plan.totalWeeklyCost,
                plan.totalYearlyCost
            )
        )
        for skipped in plan.skipped { lines.append("Not staffed: \(skipped.id) (\(skipped.reason)).") }
        return lines.joined(separator: "\n")
    }

    /// The cost of each promise at its target and with its time limit 25% tighter and looser.
    static func promiseCosts(_ planner: StaffingPlanner, base: StaffingPlan) throws -> String {
        var rows = [
            ["cost of the promise", "−25% time: FTE", "a year", "target: FTE", "a year", "+25% time: FTE", "a year"]
        ]
        for promise in base.promises {
            guard let charterPromise = planner.charter.promises.first(where: { $0.id == promise.id }) else { continue }
            var cells = [promise.id]
            for factor in [0.75, 1.0, 1.25] {
                let plan =
                    factor == 1
                    ? base : try planner.plan(targets: [promise.id: scaled(charterPromise.target, by: factor)])
                let found = plan.promises.first { $0.id == promise.id }
                cells.append(found.map { String(format: "%.1f", $0.fte) } ?? "—")
                cells.append(found.map { String(format: "%.0f", $0.weeklyCost * 52) } ?? "—")
            }
            rows.append(cells)
        }
        return "\n" + table(rows).joined(separator: "\n")
    }

    static func scaled(_ target: PromiseTarget, by factor: Double) -> PromiseTarget {
        func scale(_ duration: CharterDuration) -> CharterDuration {
            CharterDuration(seconds: max(1, Int((Double(duration.seconds) * factor).rounded())))
        }
        switch target {
        case .attainment(let within, let share): return .attainment(within: scale(within), share: share)
        case .statistic(let statistic, let limit): return .statistic(statistic, scale(limit))
        case .atLeast, .atMost: return target
        }
    }

    static func compare(base: StaffingPlan, changed: StaffingPlan, changes: [String]) -> String {
        var rows = [["promise", "peak agents", "FTE", "cost a year"]]
        for promise in changed.promises {
            guard let before = base.promises.first(where: { $0.id == promise.id }) else { continue }
            let peakBefore = before.intervals.map(\.agents).max() ?? 0
            let peakAfter = promise.intervals.map(\.agents).max() ?? 0
            rows.append([
                promise.id, "\(peakBefore) → \(peakAfter)", String(format: "%.1f → %.1f", before.fte, promise.fte),
                String(format: "%.0f → %.0f", before.weeklyCost * 52, promise.weeklyCost * 52),
            ])
        }
        rows.append([
            "all channels", "", String(format: "%.1f → %.1f", base.totalFTE, changed.totalFTE),
            String(
                format: "%.0f → %.0f (%+.0f)",
                base.totalYearlyCost,
                changed.totalYearlyCost,
                changed.totalYearlyCost - base.totalYearlyCost
            ),
        ])
        return (["What if \(changes.joined(separator: ", ")):", ""] + table(rows)).joined(separator: "\n")
    }

    /// Left-aligned columns padded to their widest cell.
    static func table(_ rows: [[String]]) -> [String] {
        let widths = (0..<(rows.first?.count ?? 0)).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }
    }
}
