import Foundation

/// The workplace's shared data folder (`../shared/data` beside the project root). Tests that read it
/// are disabled with a clear comment when it is absent, as it is in a user's fresh clone.
enum SharedData {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // NorthstarCoreTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // project root
        .deletingLastPathComponent()
        .appendingPathComponent("shared/data")

    static func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    static func isAvailable(_ relativePath: String) -> Bool {
        FileManager.default.fileExists(atPath: url(relativePath).path)
    }
}
