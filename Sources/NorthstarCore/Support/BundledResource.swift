package import Foundation

/// Files that ship inside the NorthstarCore bundle: word lists, the syllable table, hyphenation
/// patterns and the worked example charters.
package enum BundledResource {
    /// The URL of a bundled file, such as `wording/fluff.txt`, or `nil` when it is missing.
    package static func url(_ relativePath: String) -> URL? {
        // The copied `Resources` folder sits inside the resource folder on Apple platforms, but Foundation on Linux
        // takes that folder itself as the bundle's resource folder, so look under the bundle too.
        let roots = [Bundle.module.resourceURL, Bundle.module.bundleURL].compactMap { $0 }
        for root in roots {
            let url = root.appendingPathComponent("Resources").appendingPathComponent(relativePath)
            if FileManager.default.fileExists(atPath: url.path) { return url }
        }
        return nil
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
