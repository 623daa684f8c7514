extension CheckEngine {
    /// A check fed one contact at a time, as a store streams them page by page: the same report as
    /// ``CheckEngine/evaluate(_:imports:)`` over the same contacts in the same order, without holding them.
    public struct Feed {
        private var tally: CheckTally
        private var position: UInt64 = 0

        /// Starts a check; the as-of time is `--to` when the engine's options set it, otherwise the latest moment
        /// in the data once every contact is fed.
        public init(engine: CheckEngine) {
            tally = CheckTally(charter: engine.charter, options: engine.options, asOf: engine.options.to)
        }

        /// Counts one contact; feed them in the order the in-memory check would see them.
        public mutating func add(_ contact: Contact) {
            tally.add(contact, tag: position)
            position += 1
        }

        /// The number of contacts fed so far.
        public var count: Int { Int(position) }

        /// The report, once every contact is fed.
        public mutating func report(imports: [ImportReport] = []) -> CheckReport {
            tally.finish()
            return tally.report(imports: imports)
        }
    }
}
