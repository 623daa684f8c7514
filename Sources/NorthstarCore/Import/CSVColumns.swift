import Foundation

/// A CSV header whose columns can be found by any of their accepted names, as vendor exports name the same
/// field differently (a Salesforce report writes `Date/Time Opened` where the API says `CreatedDate`).
///
/// Names are matched without regard to case, surrounding spaces or runs of inner spaces. When a name appears
/// twice, the first column with it is the one read.
struct CSVColumns {
    /// The header's names as written, without surrounding spaces.
    let names: [String]
    /// The line of the header.
    let line: Int
    private let positions: [String: Int]

    /// Reads a header record.
    init(header: CSVReader.Record) {
        names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        line = header.line
        var positions: [String: Int] = [:]
        for (position, name) in names.enumerated() {
            let key = Self.normalized(name)
            if positions[key] == nil { positions[key] = position }
        }
        self.positions = positions
    }

    /// Lower case, trimmed, inner runs of blanks made one space.
    static func normalized(_ name: String) -> String {
        name.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// The number of columns.
    var count: Int { names.count }

    /// The position of the first of `candidates` the header has.
    func position(_ candidates: [String]) -> Int? {
        for candidate in candidates {
            if let position = positions[Self.normalized(candidate)] { return position }
        }
        return nil
    }

    /// Whether the header has any of `candidates`.
    func has(_ candidates: [String]) -> Bool { position(candidates) != nil }

    /// The names of the columns not among `used`, for ``ImportReport/ignoredColumns``.
    func unused(_ used: [Int?]) -> [String] {
        let used = Set(used.compactMap { $0 })
        return names.enumerated().filter { !used.contains($0.offset) && !$0.element.isEmpty }.map(\.element)
    }
}

extension CSVReader {
    /// Reads the data rows after the header: a blank line is not a row; every other row counts in
    /// ``ImportReport/rowsRead``; a row that is not UTF-8 text or has a different number of fields than the
    /// header is rejected with that reason; the rest go to `body`. Records for which `skip` says `true` (a report's
    /// footer) are passed over without counting; `skip` sees every record, blank lines included.
    func forEachRow(
        width: Int,
        report: inout ImportReport,
        skip: (Record) -> Bool = { _ in false },
        body: (Record, inout ImportReport) -> Void
    ) throws(ImportError) {
        while let record = try next() {
            if skip(record) { continue }
            // Blank lines, bytes that are not UTF-8 and rows of the wrong width are counted and refused here.
            guard CSVHeader.usableFields(record, width: width, report: &report) != nil else { continue }
            body(record, &report)
        }
    }
}
