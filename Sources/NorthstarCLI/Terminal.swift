import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What the process is talking to: colours only on a terminal, and never when `NO_COLOR` is set.
struct Terminal {
    let useColor: Bool
    let isInteractive: Bool
    /// Whether the stream is a terminal, where progress lines can be redrawn in place.
    let isTerminal: Bool

    static let standardOutput = Terminal(fileDescriptor: STDOUT_FILENO)
    static let standardError = Terminal(fileDescriptor: STDERR_FILENO)

    init(fileDescriptor: Int32) {
        let isTerminal = isatty(fileDescriptor) == 1
        let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        let dumb = getenv("TERM").map { String(cString: $0) == "dumb" } ?? false
        self.isTerminal = isTerminal
        self.isInteractive = isTerminal && isatty(STDIN_FILENO) == 1
        self.useColor = isTerminal && !noColor && !dumb
    }

    func bold(_ text: String) -> String { paint(text, "1") }
    func dim(_ text: String) -> String { paint(text, "2") }
    func red(_ text: String) -> String { paint(text, "31") }
    func green(_ text: String) -> String { paint(text, "32") }
    func yellow(_ text: String) -> String { paint(text, "33") }
    func cyan(_ text: String) -> String { paint(text, "36") }

    private func paint(_ text: String, _ code: String) -> String {
        useColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

/// Progress for long imports on standard error, redrawn in place, only when it is a terminal.
func importProgress(_ path: String) -> ((Int) -> Void)? {
    guard Terminal.standardError.isTerminal else { return nil }
    return { count in
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(path): \(count) contacts read…".utf8))
    }
}

/// Progress of a streaming check on standard error, only when it is a terminal; called from several threads.
func streamProgress() -> (@Sendable (String, Int) -> Void)? {
    guard Terminal.standardError.isTerminal else { return nil }
    return { path, count in
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(path): \(count) rows read…".utf8))
    }
}

/// Clears a progress line, if one was drawn.
func clearProgress() {
    if Terminal.standardError.isTerminal { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
}

/// Prints to standard error.
func printError(_ text: String) {
    var standardError = StandardErrorStream()
    print(text, to: &standardError)
}

struct StandardErrorStream: TextOutputStream {
    mutating func write(_ string: String) {
        // FileHandle avoids touching the C `stderr` global, which Swift 6 treats as shared mutable state.
        FileHandle.standardError.write(Data(string.utf8))
    }
}
