import ArgumentParser

/// `northstar staff …`: the agents it takes to keep a promise.
struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "The agents it takes to keep a promise: Erlang C, Erlang A (with abandonment), simulation.",
        discussion: """
            `staff interval` sizes one interval; `staff plan` forecasts the history and plans every time-bound \
            promise (agents, hours, FTE, cost); `staff what-if` shows what a changed target costs; \
            `staff simulate` checks the formulas against a simulation. \
            The models and their formulas are in docs/staffing.md.

            Examples:
              northstar staff interval --offered 100 --interval 30m --aht 3m --answer-within 20s --service-level 80%
              northstar staff plan --charter charter.yaml contacts.csv --handle-time email=8m
              northstar staff what-if --charter charter.yaml contacts.csv --set chat-first-response.within=20s
              northstar staff simulate --offered 100 --interval 30m --aht 3m --patience 5m --agents 13
            """,
        subcommands: [
            StaffIntervalCommand.self, StaffPlanCommand.self, StaffWhatIfCommand.self, StaffSimulateCommand.self,
            StaffBenchCommand.self,
        ]
    )
}
