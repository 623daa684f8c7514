package import Foundation

/// Files that ship inside the NorthstarCore bundle: word lists, the syllable table, hyphenation
/// patterns and the worked example charters.
package enum BundledResource {
    /// The URL of a bundled file, such as `wording/fluff.txt`, or `nil` when it is missing.
    package static func url(_ relativePath: String) -> URL? {
        guard let root = Bundle.module.resourceURL else { return nil }
        let url = root.appendingPathComponent("Resources").appendingPathComponent(relativePath)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The UTF-8 text of a bundled file. A missing resource is a packaging bug, so this traps with
    /// a message that names the file rather than letting a scorecard silently lose a rule.
    package static func text(_ relativePath: String) -> String {
        guard let url = url(relativePath), let text = try? String(contentsOf: url, encoding: .utf8) else {
            fatalError("NorthstarCore resource \(relativePath) is missing from the bundle")
        }
        return text
    }
}
