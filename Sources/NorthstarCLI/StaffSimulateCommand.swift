import ArgumentParser
import Foundation
import NorthstarCore

/// `northstar staff simulate`: the formulas beside a discrete-event simulation of the same queue.
struct StaffSimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Check the formulas: simulate the queue and show the closed form beside the 95% interval.",
        discussion: """
            Simulates M/M/c (or M/M/c+M with --patience) contact by contact: Poisson arrivals, exponential \
            handle times and patience, first come, first served. Independent replications give a mean and a \
            Student t 95% interval for each measure; the closed form (Erlang C or A) should fall inside. The same \
            --seed gives the same numbers.

            Examples:
              northstar staff simulate --offered 100 --interval 30m --aht 3m --patience 5m --agents 13
              northstar staff simulate --offered 1000 --aht 3m --patience 2m --agents 96 --replications 40 --format json
            """
    )

    @OptionGroup var queue: QueueOptions

    @Option(help: "Agents on duty (servers = agents × --concurrency).")
    var agents: Int

    @Option(help: "The answer-time target of the service level: 20s.")
    var answerWithin = "20s"

    @Option(help: "Independent replications (at least 2).")
    var replications = 20

    @Option(help: "Contacts measured per replication.")
    var contacts = 20_000

    @Option(help: "Seed of the random stream.")
    var seed: UInt64 = 1

    @Option(help: "Output format: text for people, json for scripts.")
    var format: OutputFormat = .text

    func validate() throws {
        _ = try queue.staffingInterval()
        _ = try StaffingArgument.seconds(answerWithin, option: "--answer-within")
        if agents < 1 { throw ValidationError("--agents must be at least 1.") }
        if replications < 2 { throw ValidationError("--replications must be at least 2 for an interval.") }
        if contacts < 100 { throw ValidationError("--contacts must be at least 100.") }
    }

    func run() throws {
        let interval = try queue.staffingInterval()
        let t = try StaffingArgument.seconds(answerWithin, option: "--answer-within")
        let servers = agents * interval.concurrency
        let exact = StaffingModel(interval).performance(servers: servers, answerWithinSeconds: t)
        let simulated = QueueSimulation(
            interval: interval,
            servers: servers,
            answerWithinSeconds: t,
            replications: replications,
            contactsPerReplication: contacts,
            warmUpContacts: max(1_000, contacts / 10),
            seed: seed
        ).run()
        let rows: [SimulationRow] = [
            SimulationRow(measure: "waitProbability", closedForm: exact.waitProbability, simulated.waitProbability),
            SimulationRow(measure: "serviceLevel", closedForm: exact.serviceLevel, simulated.serviceLevel),
            SimulationRow(measure: "abandonment", closedForm: exact.abandonment, simulated.abandonment),
            SimulationRow(measure: "asaSeconds", closedForm: exact.asaSeconds, simulated.asaSeconds),
        ]
        switch format {
        case .json: print(CharterReporting.json(rows))
        case .text:
            let terminal = Terminal.standardOutput
            let model = interval.patienceSeconds == nil ? "Erlang C" : "Erlang A"
            print(
                "\(String(format: "%.2f", interval.offeredLoad)) Erlangs on \(servers) servers: \(model) beside "
                    + "\(replications) replications of \(contacts) contacts (seed \(seed))\n"
            )
            print(terminal.dim("  measure           closed form    simulation mean   95% interval"))
            for row in rows {
                let mark = row.inside ? terminal.green("inside") : terminal.red("outside")
                print(
                    "  " + row.measure.padding(toLength: 18, withPad: " ", startingAt: 0)
                        + String(format: "%-15.6g%-18.6g[%.6g, %.6g]  ", row.closedForm, row.mean, row.low, row.high)
                        + mark
                )
            }
        }
    }
}

/// One measure of `staff simulate`.
struct SimulationRow: Encodable {
    let measure: String
    let closedForm: Double
    let mean: Double
    let low: Double
    let high: Double
    let inside: Bool

    init(measure: String, closedForm: Double, _ estimate: QueueSimulation.Estimate) {
        self.measure = measure
        self.closedForm = closedForm
        self.mean = estimate.mean
        self.low = estimate.low
        self.high = estimate.high
        self.inside = estimate.contains(closedForm) || (estimate.low == estimate.high && closedForm == estimate.mean)
    }
}
