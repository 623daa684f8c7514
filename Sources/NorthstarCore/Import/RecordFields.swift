/// The fields of one CSV record as byte ranges of one buffer: what the streaming check reads a row from
/// without making a string per field.
struct RecordFields {
    /// The buffer the ranges point into.
    let base: UnsafePointer<UInt8>
    /// The start and end offset of each field from `base`, in pairs.
    let bounds: UnsafePointer<Int>
    /// The number of fields.
    let count: Int

    /// The bytes of field `index`.
    @inline(__always)
    subscript(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + bounds[2 * index], count: bounds[2 * index + 1] - bounds[2 * index])
    }

    /// Field `index` as text, for messages and rejected rows.
    func string(_ index: Int) -> String { String(decoding: self[index], as: UTF8.self) }

    /// Every field as text.
    var strings: [String] { (0..<count).map(string) }

    /// Calls `body` with the fields of `strings`, laid out in one buffer.
    static func withFields<Result>(of strings: [String], _ body: (RecordFields) throws -> Result) rethrows -> Result {
        var bytes: [UInt8] = []
        var bounds: [Int] = []
        bounds.reserveCapacity(strings.count * 2)
        for field in strings {
            bounds.append(bytes.count)
            bytes.append(contentsOf: field.utf8)
            bounds.append(bytes.count)
        }
        if bytes.isEmpty { bytes.append(0) }  // a valid base even when every field is empty
        return try bytes.withUnsafeBufferPointer { base in
            try bounds.withUnsafeBufferPointer { bounds in
                try body(RecordFields(base: base.baseAddress!, bounds: bounds.baseAddress!, count: strings.count))
            }
        }
    }
}

/// Numbers and flags read from UTF-8 bytes with the same rules as the standard library's `Int(_:)` and
/// `Double(_:)`, without making a string.
enum FieldNumber {
    /// A whole number: an optional sign, then digits; `nil` for anything else or on overflow.
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        var negative = false
        if let first = bytes.first, first == 0x2B || first == 0x2D {
            negative = first == 0x2D
            index = 1
        }
        guard index < bytes.count else { return nil }
        var value = 0
        while index < bytes.count {
            let digit = Int(bytes[index]) &- 0x30
            guard digit >= 0, digit <= 9 else { return nil }
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) =
                negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            guard !overflow1, !overflow2 else { return nil }
            value = next
            index += 1
        }
        return value
    }

    /// A decimal number. Plain `digits[.digits]` is worked out here, exactly as `Double(_:)` rounds it (an
    /// integer below 2⁵³ divided by a power of ten up to 10²² is correctly rounded); anything else goes to
    /// `Double(_:)`.
    static func decimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var mantissa: UInt64 = 0
        var digits = 0
        var fraction = -1
        for byte in bytes {
            if byte == 0x2E, fraction < 0 {
                fraction = 0
                continue
            }
            guard byte >= 0x30, byte <= 0x39, digits < 15 else { return Double(String(decoding: bytes, as: UTF8.self)) }
            mantissa = mantissa * 10 + UInt64(byte - 0x30)
            digits += 1
            if fraction >= 0 { fraction += 1 }
        }
        guard digits > 0 else { return Double(String(decoding: bytes, as: UTF8.self)) }
        return Double(mantissa) / powersOfTen[max(fraction, 0)]
    }

    private static let powersOfTen: [Double] = (0...15).map { (0..<$0).reduce(1.0) { value, _ in value * 10 } }

    /// `true`, `yes`, `y` or `1`; `false`, `no`, `n` or `0`, in any case; `nil` for anything else.
    static func flag(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard bytes.count <= 5 else { return nil }
        var lowered: UInt64 = 0
        for byte in bytes {
            let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            lowered = lowered << 8 | UInt64(lower)
        }
        switch lowered {
        case 0x74_72_75_65, 0x79_65_73, 0x79, 0x31: return true  // true, yes, y, 1
        case 0x66_61_6C_73_65, 0x6E_6F, 0x6E, 0x30: return false  // false, no, n, 0
        default: return nil
        }
    }
}
