/// Sorting a large array of durations in linear time: a least-significant-digit radix sort on the bits of each
/// double, 11 bits a pass, skipping the passes in which every value has the same digit (the high bits of
/// durations mostly agree). Doubles order like their bit patterns once negative ones have all bits flipped and
/// the others the sign bit.
enum RadixSort {
    /// `values` in ascending order; NaN is not expected.
    static func sorted(_ values: [Double]) -> [Double] {
        guard values.count > 2_048 else { return values.sorted() }
        var keys = values.map { value -> UInt64 in
            let bits = value.bitPattern
            return bits >> 63 == 1 ? ~bits : bits | 1 << 63
        }
        var other = [UInt64](repeating: 0, count: keys.count)
        var counts = [Int](repeating: 0, count: 2_048)
        for shift in stride(from: 0, to: 64, by: 11) {
            for index in counts.indices { counts[index] = 0 }
            for key in keys { counts[Int(truncatingIfNeeded: key >> UInt64(shift)) & 2_047] += 1 }
            if counts.contains(keys.count) { continue }  // one digit for all: this pass changes nothing
            var total = 0
            for index in counts.indices {
                let count = counts[index]
                counts[index] = total
                total += count
            }
            keys.withUnsafeBufferPointer { source in
                other.withUnsafeMutableBufferPointer { target in
                    counts.withUnsafeMutableBufferPointer { offsets in
                        for key in source {
                            let digit = Int(truncatingIfNeeded: key >> UInt64(shift)) & 2_047
                            target[offsets[digit]] = key
                            offsets[digit] += 1
                        }
                    }
                }
            }
            swap(&keys, &other)
        }
        return keys.map { key in
            Double(bitPattern: key >> 63 == 1 ? key & ~(1 << 63) : ~key)
        }
    }
}
