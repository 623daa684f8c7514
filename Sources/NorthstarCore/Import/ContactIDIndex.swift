/// The contact ids of an export with the row that holds each one's latest state: how a streaming check counts
/// the same contact once when an export lists it again. Ids are compared byte for byte (a hash only finds the
/// slot), and the memory is what the ids need: their bytes, a row tag and a slot each.
struct ContactIDIndex {
    private var bytes: [UInt8] = []
    private var ends: [Int] = [0]  // entry `n` is bytes[ends[n] ..< ends[n + 1]]
    private(set) var tags: [UInt64] = []
    /// Open addressing: the high 32 bits of the hash and the entry number + 1 (0: an empty slot), so most
    /// probes are decided without touching the ids.
    private var slots: [UInt64]
    private var mask: Int

    /// An index with room for about `expected` ids before it grows (growing reads every id again).
    init(expected: Int = 0) {
        var size = 1 << 12
        while Double(size) * Self.loadLimit < Double(expected) { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        tags.reserveCapacity(expected)
        ends.reserveCapacity(expected + 1)
    }

    /// The share of slots in use at which the table doubles: linear probing stays short below it.
    private static let loadLimit = 0.7

    /// The number of distinct ids.
    var count: Int { tags.count }

    /// Calls `body` with the bytes of entry `entry`.
    func withID<Result>(_ entry: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[ends[entry]..<ends[entry + 1]])) }
    }

    /// Records that `id` is held by the row `tag`; returns the tag of the row it replaces, if the id was seen.
    mutating func insert(_ id: UnsafeRawBufferPointer, tag: UInt64) -> UInt64? {
        let hash = ByteHash.hash(id)
        let (slot, entry) = locate(id, hash: hash)
        if let entry {
            let replaced = tags[entry]
            tags[entry] = tag
            return replaced
        }
        bytes.append(contentsOf: id)
        ends.append(bytes.count)
        tags.append(tag)
        slots[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(tags.count)
        if Double(tags.count) > Double(slots.count) * Self.loadLimit { grow() }
        return nil
    }

    /// The tag of the row holding `id`, if any.
    func find(_ id: UnsafeRawBufferPointer) -> UInt64? {
        locate(id, hash: ByteHash.hash(id)).entry.map { tags[$0] }
    }

    /// The slot of `id` and its entry, or the empty slot where it would go.
    @inline(__always)
    private func locate(_ id: UnsafeRawBufferPointer, hash: UInt64) -> (slot: Int, entry: Int?) {
        let high = hash & 0xFFFF_FFFF_0000_0000
        return slots.withUnsafeBufferPointer { slots in
            bytes.withUnsafeBytes { stored in
                var slot = Int(truncatingIfNeeded: hash) & mask
                while true {
                    let value = slots[slot]
                    if value == 0 { return (slot, nil) }
                    if value & 0xFFFF_FFFF_0000_0000 == high {
                        let entry = Int(value & 0xFFFF_FFFF) - 1
                        let start = ends[entry]
                        let end = ends[entry + 1]
                        if ByteHash.equal(UnsafeRawBufferPointer(rebasing: stored[start..<end]), id) {
                            return (slot, entry)
                        }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    private mutating func grow() {
        var larger = [UInt64](repeating: 0, count: slots.count * 2)
        let largerMask = larger.count - 1
        for entry in tags.indices {
            let hash = withID(entry) { ByteHash.hash($0) }
            var slot = Int(truncatingIfNeeded: hash) & largerMask
            while larger[slot] != 0 { slot = (slot + 1) & largerMask }
            larger[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(entry + 1)
        }
        slots = larger
        mask = largerMask
    }
}
