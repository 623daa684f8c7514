import ArgumentParser
import Foundation
import NorthstarCore

/// `northstar staff interval`: the agents one interval needs to meet its targets.
struct StaffIntervalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interval",
        abstract: "The agents one interval needs: Erlang C, or Erlang A when callers abandon.",
        discussion: """
            Finds the smallest number of agents that meets every target given at once: the service level \
            (answered within --answer-within), --max-asa, --max-abandonment and --max-occupancy. Counts are exact: \
            21 agents at 30% shrinkage is 30 scheduled heads, not 31.

            Without --patience callers never hang up (Erlang C, M/M/c). With --patience they abandon after an \
            exponential patience of that mean (Erlang A, M/M/c+M): the service level then counts contacts \
            answered within the time over all offered ones, and the answer may be below the offered load.

            Chat: --concurrency 3 lets an agent handle three chats; agents = ⌈servers / 3⌉. Email and other \
            asynchronous work: --asynchronous sizes the capacity to clear each interval's contacts within \
            --answer-within.

            Examples:
              # 100 calls in 30 minutes, 3 minutes each, 80% answered within 20 seconds
              northstar staff interval --offered 100 --interval 30m --aht 3m --answer-within 20s --service-level 80%

              # the same with occupancy at most 85%, 30% shrinkage, callers who wait 5 minutes on average
              northstar staff interval --offered 100 --aht 3m --answer-within 20s --service-level 80% \\
                --max-occupancy 85% --shrinkage 30% --patience 5m --max-abandonment 5%

              # chat, three at a time, JSON for a script
              northstar staff interval --offered 240 --aht 6m --answer-within 30s --service-level 90% \\
                --concurrency 3 --format json

              # email answered within 4 hours
              northstar staff interval --offered 90 --interval 1h --aht 4m --answer-within 4h --asynchronous
            """
    )

    @OptionGroup var queue: QueueOptions

    @Option(help: "The answer-time target of the service level: 20s, 1m.")
    var answerWithin = "20s"

    @Option(help: "Share answered within --answer-within: 80% or 0.8.")
    var serviceLevel: String?

    @Option(help: "Highest average speed of answer (answered contacts): 30s.")
    var maxAsa: String?

    @Option(help: "Highest share of callers who abandon (needs --patience): 5%.")
    var maxAbandonment: String?

    @Option(help: "Highest agent occupancy: 85%.")
    var maxOccupancy: String?

    @Option(help: "Share of paid time not available to answer (breaks, training, absence): 30%.")
    var shrinkage = "0%"

    @Flag(help: "An asynchronous channel (email): capacity to clear the interval's contacts within --answer-within.")
    var asynchronous = false

    @Option(help: "Output format: text for people, json for scripts.")
    var format: OutputFormat = .text

    func validate() throws {
        _ = try question()
    }

    /// Every input parsed and checked; a problem is a `ValidationError` (exit 64).
    func question() throws -> (interval: StaffingInterval, targets: StaffingTargets) {
        let interval = try queue.staffingInterval()
        if maxAbandonment != nil, interval.patienceSeconds == nil {
            throw ValidationError("--max-abandonment needs --patience: without it nobody abandons (Erlang C).")
        }
        if asynchronous, interval.patienceSeconds != nil {
            throw ValidationError("--asynchronous and --patience do not go together: nobody hangs up on an email.")
        }
        let targets = try staffingCall {
            try StaffingTargets(
                serviceLevel: try serviceLevel.map { try StaffingArgument.share($0, option: "--service-level") },
                answerWithinSeconds: try StaffingArgument.seconds(answerWithin, option: "--answer-within"),
                maxASASeconds: try maxAsa.map { try StaffingArgument.seconds($0, option: "--max-asa") },
                maxAbandonment: try maxAbandonment.map { try StaffingArgument.share($0, option: "--max-abandonment") },
                maxOccupancy: try maxOccupancy.map { try StaffingArgument.share($0, option: "--max-occupancy") },
                shrinkage: try StaffingArgument.share(shrinkage, option: "--shrinkage")
            )
        }
        if asynchronous, targets.answerWithinSeconds <= 0 {
            throw ValidationError("--asynchronous needs a response target: --answer-within 4h.")
        }
        if !asynchronous, targets.serviceLevel == nil, targets.maxASASeconds == nil,
            targets.maxAbandonment == nil, targets.maxOccupancy == nil
        {
            throw ValidationError(
                "Give at least one target: --service-level 80% (with --answer-within), --max-asa, "
                    + "--max-abandonment or --max-occupancy."
            )
        }
        return (interval, targets)
    }

    func run() throws {
        let (interval, targets) = try question()
        let requirement =
            asynchronous
            ? try AsynchronousStaffing.requirement(
                interval,
                respondWithinSeconds: targets.answerWithinSeconds,
                maxOccupancy: targets.maxOccupancy ?? 1,
                shrinkage: targets.shrinkage
            )
            : try StaffingModel(interval).requirement(for: targets)
        let output = IntervalOutput(interval: interval, requirement: requirement, asynchronous: asynchronous)
        switch format {
        case .json: print(CharterReporting.json(output))
        case .text: print(render(output, interval: interval, targets: targets))
        }
    }

    private func render(_ output: IntervalOutput, interval: StaffingInterval, targets: StaffingTargets) -> String {
        let terminal = Terminal.standardOutput
        func row(_ label: String, _ value: String, _ note: String = "") -> String {
            "  " + label.padding(toLength: 18, withPad: " ", startingAt: 0) + terminal.bold(value)
                + (note.isEmpty ? "" : "  " + terminal.dim(note))
        }
        let load = String(format: "%.2f", output.offeredLoad)
        var lines = [
            "\(queue.offered) contacts in \(queue.interval), handle time \(queue.aht): \(load) Erlangs offered"
                + (asynchronous ? " (asynchronous)" : ""),
            "",
        ]
        let servers =
            output.servers == output.agents ? "" : "\(output.servers) contacts at once, \(interval.concurrency) each"
        lines.append(row("Agents", "\(output.agents)", servers))
        lines.append(
            row("Scheduled", "\(output.scheduled)", "with \(percentText(targets.shrinkage, digits: 0)) shrinkage")
        )
        if !asynchronous {
            let target = targets.serviceLevel.map { "target \(percentText($0, digits: 0))" } ?? ""
            lines.append(
                row(
                    "Service level",
                    percentText(output.serviceLevel),
                    "answered within \(answerWithin)\(interval.patienceSeconds == nil ? "" : " of all offered") \(target)"
                )
            )
            lines.append(row("Wait probability", percentText(output.waitProbability)))
            lines.append(row("ASA", secondsText(output.asaSeconds), "answered contacts"))
            if let abandonment = output.abandonment {
                lines.append(row("Abandonment", percentText(abandonment), "mean patience \(queue.patience ?? "")"))
            }
        }
        let cap = targets.maxOccupancy.map { "cap \(percentText($0, digits: 0))" } ?? ""
        lines.append(row("Occupancy", percentText(output.occupancy), cap))
        return lines.joined(separator: "\n")
    }
}

/// The JSON of `staff interval`; `abandonment` only with a patience.
struct IntervalOutput: Encodable {
    let offeredLoad: Double
    let servers: Int
    let agents: Int
    let scheduled: Int
    let serviceLevel: Double
    let answeredServiceLevel: Double
    let waitProbability: Double
    let asaSeconds: Double
    let occupancy: Double
    let abandonment: Double?

    init(interval: StaffingInterval, requirement: StaffingRequirement, asynchronous: Bool) {
        let performance = requirement.performance
        offeredLoad = interval.offeredLoad
        servers = requirement.servers
        agents = requirement.agents
        scheduled = requirement.scheduled
        serviceLevel = performance.serviceLevel
        answeredServiceLevel = performance.answeredServiceLevel
        waitProbability = performance.waitProbability
        asaSeconds = performance.asaSeconds
        occupancy = performance.occupancy
        abandonment = interval.patienceSeconds == nil ? nil : performance.abandonment
    }
}
