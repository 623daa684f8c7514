/// A contact as a streaming check holds it: plain numbers, its population values as codes of a
/// ``ValueInterner``, and no id. Copying one retains nothing unless it carries event-stream data.
struct ContactRow: ContactFacts {
    var createdAt: Timestamp
    var firstResponseAt: Timestamp?
    var resolvedAt: Timestamp?
    var endedAt: Timestamp?
    var wrapSeconds: Int?
    var abandoned: Bool?
    var reopens: Int?
    var agentReplies: Int?
    var csat: Double?
    var nps: Int?
    var selfService: Bool?
    var fcrAnswer: Bool?
    /// Channel, tier, priority, team, agent and category (in ``Dimension`` order), `0` for none.
    var dimensions = SIMD8<UInt32>()
    /// What only an event stream records; `nil` for one-row-per-contact exports.
    var timeline: Timeline?

    init(createdAt: Timestamp) {
        self.createdAt = createdAt
    }

    var botHandoffAt: Timestamp? { timeline?.botHandoffAt }
    var pauses: [PauseInterval] { timeline?.pauses ?? [] }
    var nextReplyWaits: [ReplyWait]? { timeline?.nextReplyWaits }
    var firstCustomerMessageAt: Timestamp? { timeline?.firstCustomerMessageAt }
    var firstAssignmentAt: Timestamp? { timeline?.firstAssignmentAt }
    var solveCycles: [SolveCycle]? { timeline?.solveCycles }
    var customerFollowUps: Int? { timeline?.customerFollowUps }
    /// The first SLA policy that holds the row, by position: the plan of an `sla` promise sets it (matching value
    /// codes) before the row is sampled.
    var policyIndex = -1

    func slaPolicy(in policies: [SLAPolicy]) -> SLAPolicy? {
        policies.indices.contains(policyIndex) ? policies[policyIndex] : nil
    }

    /// The code of the contact's value for `dimension`, `0` for none.
    @inline(__always)
    func code(of dimension: Dimension) -> UInt32 { dimensions[dimension.position] }

    /// The row of `contact`, its population values interned in `values`.
    init(_ contact: Contact, values: inout ValueInterner) {
        self.init(createdAt: contact.createdAt)
        firstResponseAt = contact.firstResponseAt
        resolvedAt = contact.resolvedAt
        endedAt = contact.endedAt
        wrapSeconds = contact.wrapSeconds
        abandoned = contact.abandoned
        reopens = contact.reopens
        agentReplies = contact.agentReplies
        csat = contact.csat
        nps = contact.nps
        selfService = contact.selfService
        fcrAnswer = contact.fcrAnswer
        let timeline = Timeline(
            botHandoffAt: contact.botHandoffAt,
            pauses: contact.pauses,
            nextReplyWaits: contact.nextReplyWaits,
            firstCustomerMessageAt: contact.firstCustomerMessageAt,
            firstAssignmentAt: contact.firstAssignmentAt,
            solveCycles: contact.solveCycles,
            customerFollowUps: contact.customerFollowUps
        )
        self.timeline = timeline == Timeline() ? nil : timeline
        for dimension in Dimension.allCases {
            if let value = contact.value(of: dimension) { dimensions[dimension.position] = values.code(of: value) }
        }
    }
}

extension Dimension {
    /// The dimension's place in ``ContactRow/dimensions``.
    var position: Int {
        switch self {
        case .channel: 0
        case .tier: 1
        case .priority: 2
        case .team: 3
        case .agent: 4
        case .category: 5
        }
    }
}

/// Small whole numbers for the values of population dimensions (channels, teams, agents …), so a streaming
/// check compares and groups by number: `0` is no value, each new value gets the next code.
struct ValueInterner {
    /// The values by code − 1.
    private(set) var values: [String] = []
    private var bytes: [UInt8] = []
    private var ends: [Int] = []  // value `code` occupies bytes[ends[code - 1] ..< ends[code]]; ends[0] == 0
    private var slots: [UInt32]  // open addressing: a code, or 0 for an empty slot
    private var mask: Int

    init() {
        slots = Array(repeating: 0, count: 64)
        mask = 63
        ends = [0]
    }

    /// The value of `code`, `nil` for `0`.
    func value(of code: UInt32) -> String? { code == 0 ? nil : values[Int(code) - 1] }

    /// The code of `value`, made when new.
    mutating func code(of value: String) -> UInt32 {
        var value = value
        return value.withUTF8 { code(of: UnsafeRawBufferPointer($0)) }
    }

    /// The code of the UTF-8 `value`, made when new; the empty value is `0`.
    mutating func code(of value: UnsafeRawBufferPointer) -> UInt32 {
        guard !value.isEmpty else { return 0 }
        let hash = ByteHash.hash(value)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let code = slots[slot]
            if code == 0 { break }
            let (start, end) = (ends[Int(code) - 1], ends[Int(code)])
            let same = bytes.withUnsafeBytes {
                ByteHash.equal(UnsafeRawBufferPointer(rebasing: $0[start..<end]), value)
            }
            if same { return code }
            slot = (slot + 1) & mask
        }
        bytes.append(contentsOf: value)
        ends.append(bytes.count)
        values.append(String(decoding: value, as: UTF8.self))
        let code = UInt32(values.count)
        slots[slot] = code
        if values.count * 2 > slots.count { grow() }
        return code
    }

    private mutating func grow() {
        var larger = [UInt32](repeating: 0, count: slots.count * 2)
        let largerMask = larger.count - 1
        for code in 1...UInt32(values.count) {
            let (start, end) = (ends[Int(code) - 1], ends[Int(code)])
            let hash = bytes.withUnsafeBytes { ByteHash.hash(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
            var slot = Int(truncatingIfNeeded: hash) & largerMask
            while larger[slot] != 0 { slot = (slot + 1) & largerMask }
            larger[slot] = code
        }
        slots = larger
        mask = largerMask
    }
}
