import Dispatch
import Foundation

/// `northstar check` straight from Northstar's contacts CSV, without holding the contacts: each file is cut into
/// parts at record boundaries, the parts are read at once on every core into their own ``CheckTally``, and the
/// tallies are merged in file order. Memory holds the samples, the contact ids (to count each contact once) and
/// the contacts still open, never the file.
///
/// The same contact listed again (a re-export) counts once, as an import does: the later row wins. A replaced
/// row's samples are taken out of the totals again, read back from the file at its offset.
public enum StreamingCheck {
    /// Whether the streaming check can read these exports: all of them Northstar's contacts CSV.
    public static func canRead(_ paths: [String], run: ImportRun) -> Bool {
        guard run.mappingPath == nil, !paths.isEmpty else { return false }
        if let format = run.format { return format == .canonicalCSV }
        return paths.allSatisfy { (try? ImportFormat.detect(path: $0)) == .canonicalCSV }
    }

    /// Evaluates the charter's promises over the files; returns the report and one import report per file.
    ///
    /// - Parameters:
    ///   - parts: how many parts a large file is read in at once; `nil` for one per core.
    ///   - progress: called now and then, from any thread, with a file and the rows read from it so far.
    public static func evaluate(
        charter: Charter,
        options: CheckEngine.Options,
        paths: [String],
        parts: Int? = nil,
        progress: (@Sendable (String, Int) -> Void)? = nil
    ) throws(ImportError) -> (report: CheckReport, imports: [ImportReport]) {
        try evaluate(
            charter: charter,
            options: options,
            paths: paths,
            parts: parts,
            smallestSplit: 8 << 20,
            progress: progress
        )
    }

    /// ``evaluate(charter:options:paths:parts:)``, splitting files of at least `smallestSplit` bytes (tests cut
    /// small files).
    static func evaluate(
        charter: Charter,
        options: CheckEngine.Options,
        paths: [String],
        parts: Int?,
        smallestSplit: Int,
        progress: (@Sendable (String, Int) -> Void)? = nil
    ) throws(ImportError) -> (report: CheckReport, imports: [ImportReport]) {
        var outcomes: [PartOutcome] = []
        var imports: [ImportReport] = []
        var files: [FileLayout] = []
        for (fileIndex, path) in paths.enumerated() {
            let layout = try FileLayout(path: path, fileIndex: fileIndex)
            files.append(layout)
            let count = max(1, parts ?? ProcessInfo.processInfo.activeProcessorCount)
            let cut = layout.parts(count, smallestSplit: smallestSplit)
            let counter = progress.map { RowCounter(file: path, report: $0) }
            var read = try readParts(layout, cut, charter: charter, options: options, counter: counter)
            if read == nil {
                // A cut fell inside a quoted field: read the file in one part.
                let whole = layout.parts(1, smallestSplit: smallestSplit)
                read = try readParts(layout, whole, charter: charter, options: options, counter: counter)
            }
            guard let read else { continue }
            imports.append(layout.report(combining: read))
            outcomes += read
        }
        var tally = outcomes.first?.tally ?? CheckTally(charter: charter, options: options, asOf: options.to)
        for outcome in outcomes.dropFirst() { tally.merge(outcome.tally) }

        // A contact in several parts counts once: the rows before its last are replaced.
        var replaced = Set(outcomes.flatMap(\.replaced))
        for (tags, file, seen) in crossPartRepeats(outcomes) {
            replaced.formUnion(tags)
            imports[file].duplicates += seen
        }
        let waiting = Set(tally.deferred.map(\.tag))
        for tag in replaced where !waiting.contains(tag) {
            try retract(tag, files: files, from: &tally)
        }
        tally.finish(skipping: replaced)
        return (tally.report(imports: imports), imports)
    }

    /// The ids of each part that an earlier part holds too, looked up on every core: per stretch of a part's ids,
    /// the earlier rows they replace, the part's file, and how many of its ids were seen before.
    private static func crossPartRepeats(_ outcomes: [PartOutcome]) -> [(tags: [UInt64], file: Int, seen: Int)] {
        var jobs: [(part: Int, entries: Range<Int>)] = []
        for part in outcomes.indices.dropFirst() {
            let count = outcomes[part].index.count
            for start in stride(from: 0, to: count, by: 1 << 16) {
                jobs.append((part, start..<min(start + 1 << 16, count)))
            }
        }
        guard !jobs.isEmpty else { return [] }
        let results = UnsafeMutableBufferPointer<(tags: [UInt64], file: Int, seen: Int)>.allocate(capacity: jobs.count)
        results.initialize(repeating: ([], 0, 0))
        defer {
            results.deinitialize()
            results.deallocate()
        }
        let shared = UncheckedShare((outcomes.map(\.index), outcomes.map(\.fileIndex), jobs, results))
        DispatchQueue.concurrentPerform(iterations: jobs.count) { job in
            let (indices, files, jobs, results) = shared.value
            let (part, entries) = jobs[job]
            // Each index is taken out of the array once per job: per id it would be copied.
            let own = indices[part]
            var found = [Bool](repeating: false, count: entries.count)
            var tags: [UInt64] = []
            for earlier in 0..<part {
                let other = indices[earlier]
                for entry in entries {
                    guard let tag = own.withID(entry, other.find) else { continue }
                    tags.append(tag)
                    found[entry - entries.lowerBound] = true
                }
            }
            results[job] = (tags, files[part], found.reduce(0) { $0 + ($1 ? 1 : 0) })
        }
        return Array(results)
    }

    /// Takes the replaced row `tag` out of the totals, reading it back from its file.
    private static func retract(_ tag: UInt64, files: [FileLayout], from tally: inout CheckTally) throws(ImportError) {
        let layout = files[Int(tag >> 48)]
        let offset = Int(tag & (1 << 48 - 1))
        let reader = try CSVRangeReader(
            path: layout.path,
            start: offset,
            end: layout.size,
            line: 0,
            isEndOfFile: true,
            chunkSize: 1 << 11
        )
        guard let record = try reader.next(), var row = try? CanonicalCSVImporter.parse(record.fields, layout.columns)
        else {
            throw ImportError(
                code: .unreadable,
                message: "\(layout.path) changed while it was read: a row could not be read again at byte \(offset)."
            )
        }
        CanonicalCSVImporter.intern(
            record.fields,
            channel: layout.columns.channel,
            others: layout.columns.otherDimensions,
            into: &row,
            values: &tally.values
        )
        tally.retract(row, id: UnsafeRawBufferPointer(record.fields[layout.columns.id]), tag: tag)
    }

    /// Reads the parts of one file at once; `nil` when a cut turns out to lie inside a quoted field (the part
    /// before it ends inside quotes, and the parts after it read garbage).
    private static func readParts(
        _ layout: FileLayout,
        _ parts: [FileLayout.Part],
        charter: Charter,
        options: CheckEngine.Options,
        counter: RowCounter?
    ) throws(ImportError) -> [PartOutcome]? {
        let results = UnsafeMutableBufferPointer<Result<PartOutcome, ImportError>?>.allocate(capacity: parts.count)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        let slots = UncheckedSlots(results)
        DispatchQueue.concurrentPerform(iterations: parts.count) { index in
            let outcome = Result { () throws(ImportError) -> PartOutcome in
                try readPart(layout, parts[index], charter: charter, options: options, counter: counter)
            }
            slots.buffer[index] = outcome
        }
        var outcomes: [PartOutcome] = []
        for (position, result) in results.enumerated() {
            // Every part before this one ended where a record ends, so this one started at a record: its error
            // is the file's.
            switch result {
            case .success(let outcome):
                if outcome.endsInsideQuotes && position < parts.count - 1 { return nil }
                outcomes.append(outcome)
            case .failure(let error): throw error
            case nil: break
            }
        }
        return outcomes
    }

    /// Reads one part of a file into its own tally, id index and report.
    private static func readPart(
        _ layout: FileLayout,
        _ part: FileLayout.Part,
        charter: Charter,
        options: CheckEngine.Options,
        counter: RowCounter?
    ) throws(ImportError) -> PartOutcome {
        let reader = try CSVRangeReader(
            path: layout.path,
            start: part.start,
            end: part.end,
            line: part.line,
            isEndOfFile: part.end == layout.size
        )
        var outcome = PartOutcome(
            fileIndex: layout.fileIndex,
            tally: CheckTally(charter: charter, options: options, asOf: options.to),
            report: ImportReport(file: layout.path, format: ImportFormat.canonicalCSV.rawValue)
        )
        outcome.index = ContactIDIndex(expected: Int(Double(part.end - part.start) / layout.bytesPerRow * 1.05))
        let columns = layout.columns
        let others = columns.otherDimensions
        let width = layout.width
        let fileTag = UInt64(layout.fileIndex) << 48
        while let record = try reader.next() {
            let fields = record.fields
            if fields.count == 1 && fields[0].isEmpty { continue }  // a blank line is not a row
            outcome.report.rowsRead += 1
            if outcome.report.rowsRead % RowCounter.step == 0 { counter?.add(RowCounter.step) }
            if record.invalidUTF8 {
                outcome.report.reject(line: record.line, reason: "not UTF-8 text", fields: fields.strings)
                continue
            }
            guard fields.count == width else {
                outcome.report.reject(
                    line: record.line,
                    reason: "has \(fields.count) fields, the header has \(width)",
                    fields: fields.strings
                )
                continue
            }
            var row: ContactRow
            do throws(CanonicalCSVImporter.RowProblem) {
                row = try CanonicalCSVImporter.parse(fields, columns)
            } catch {
                outcome.report.reject(line: record.line, reason: error.text, fields: fields.strings)
                continue
            }
            CanonicalCSVImporter.intern(
                fields,
                channel: columns.channel,
                others: others,
                into: &row,
                values: &outcome.tally.values
            )
            outcome.report.accepted += 1
            outcome.report.contacts += 1
            let tag = fileTag | UInt64(record.offset)
            let id = fields[columns.id]
            if let earlier = outcome.index.insert(UnsafeRawBufferPointer(id), tag: tag) {
                outcome.replaced.append(earlier)
                outcome.report.duplicates += 1
            }
            outcome.tally.add(row, id: UnsafeRawBufferPointer(id), tag: tag)
        }
        outcome.endsInsideQuotes = reader.endsInsideQuotes
        outcome.endLine = reader.line
        return outcome
    }

    /// The rows read from one file by all its parts, for progress.
    final class RowCounter: @unchecked Sendable {
        static let step = 100_000
        private let lock = NSLock()
        private var rows = 0
        private let file: String
        private let report: @Sendable (String, Int) -> Void

        init(file: String, report: @escaping @Sendable (String, Int) -> Void) {
            self.file = file
            self.report = report
        }

        func add(_ count: Int) {
            lock.lock()
            rows += count
            let total = rows
            lock.unlock()
            report(file, total)
        }
    }

    /// What one part of a file yields.
    struct PartOutcome {
        var fileIndex: Int
        var tally: CheckTally
        var report: ImportReport
        var index = ContactIDIndex()
        /// The rows replaced by a later row of the same contact within the part.
        var replaced: [UInt64] = []
        var endsInsideQuotes = false
        /// The line after the part's last record (relative to the part's first line for parts after the first).
        var endLine = 0

        init(fileIndex: Int, tally: CheckTally, report: ImportReport) {
            self.fileIndex = fileIndex
            self.tally = tally
            self.report = report
        }
    }

    /// The buffer the parts write their outcomes to, one slot each.
    private final class UncheckedSlots: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<Result<PartOutcome, ImportError>?>
        init(_ buffer: UnsafeMutableBufferPointer<Result<PartOutcome, ImportError>?>) { self.buffer = buffer }
    }
}

/// A contacts CSV file: its header, where its data starts, and where it can be cut into parts.
struct FileLayout: Sendable {
    /// A stretch of the file that starts at a record and ends after one.
    struct Part: Sendable {
        var start: Int
        var end: Int
        /// The line the part starts on; `0` for every part after the first, whose lines are counted from there
        /// and put right when the parts are combined.
        var line: Int
    }

    let path: String
    let fileIndex: Int
    let size: Int
    let width: Int
    let columns: CanonicalCSVImporter.ColumnIndex
    let dataStart: Int
    let dataLine: Int
    let ignoredColumns: [String]
    /// The average length of a row at the start of the data, to size a part's id index before reading it.
    let bytesPerRow: Double

    /// Reads the header of the file at `path`.
    init(path: String, fileIndex: Int) throws(ImportError) {
        let reader = try CSVReader(path: path, chunkSize: 1 << 16)
        var report = ImportReport(file: path, format: ImportFormat.canonicalCSV.rawValue)
        (width, columns) = try CanonicalCSVImporter.readHeader(reader, file: path, report: &report)
        dataStart = reader.bytesConsumed
        dataLine = reader.nextLine
        ignoredColumns = report.ignoredColumns
        self.path = path
        self.fileIndex = fileIndex
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        bytesPerRow = Self.averageRowLength(path: path, from: dataStart)
        guard size < 1 << 48 else {
            throw ImportError(code: .unreadable, message: "\(path) is larger than 256 TB.")
        }
    }

    /// The average bytes per line in the first 64 KB from `offset` (at least 16).
    private static func averageRowLength(path: String, from offset: Int) -> Double {
        guard let handle = FileHandle(forReadingAtPath: path) else { return 100 }
        defer { try? handle.close() }
        guard (try? handle.seek(toOffset: UInt64(offset))) != nil, let data = try? handle.read(upToCount: 1 << 16),
            !data.isEmpty
        else { return 100 }
        let lines = data.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        return max(16, Double(data.count) / Double(max(lines, 1)))
    }

    /// Up to `count` parts, cut after a line end near equal shares; a file under `smallestSplit` bytes is one part.
    func parts(_ count: Int, smallestSplit: Int) -> [Part] {
        let data = size - dataStart
        guard count > 1, data >= max(smallestSplit, count) else {
            return [Part(start: dataStart, end: size, line: dataLine)]
        }
        var cuts = [dataStart]
        for share in 1..<count {
            if let cut = lineStart(atOrAfter: dataStart + data / count * share), cut > cuts.last!, cut < size {
                cuts.append(cut)
            }
        }
        cuts.append(size)
        return (0..<(cuts.count - 1)).map { Part(start: cuts[$0], end: cuts[$0 + 1], line: $0 == 0 ? dataLine : 0) }
    }

    /// The first offset after a line end at or after `offset`; `nil` when none is found within 1 MB.
    private func lineStart(atOrAfter offset: Int) -> Int? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard (try? handle.seek(toOffset: UInt64(offset))) != nil,
            let data = try? handle.read(upToCount: 1 << 20)
        else { return nil }
        let bytes = [UInt8](data)
        guard let end = bytes.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else { return nil }
        var start = end + 1
        if bytes[end] == 0x0D {
            guard start < bytes.count else { return nil }
            if bytes[start] == 0x0A { start += 1 }
        }
        return offset + start
    }

    /// One report for the file from its parts' reports, their lines put right.
    func report(combining outcomes: [StreamingCheck.PartOutcome]) -> ImportReport {
        var report = ImportReport(file: path, format: ImportFormat.canonicalCSV.rawValue)
        report.ignoredColumns = ignoredColumns
        var lineOffset = 0
        for (position, outcome) in outcomes.enumerated() {
            let part = outcome.report
            report.rowsRead += part.rowsRead
            report.accepted += part.accepted
            report.contacts += part.contacts
            report.duplicates += part.duplicates
            for (reason, count) in part.rejectedByReason { report.rejectedByReason[reason, default: 0] += count }
            for var reject in part.rejects where report.rejects.count < ImportReport.maximumKeptRejects {
                reject.line += lineOffset
                report.rejects.append(reject)
            }
            lineOffset = (position == 0 ? 0 : lineOffset) + outcome.endLine
        }
        return report
    }
}
