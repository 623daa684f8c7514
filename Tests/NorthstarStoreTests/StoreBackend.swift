import Foundation
import NorthstarCore
import PostgresKit
import SQLKit
import Testing

@testable import NorthstarStore

/// The stores the behaviour suite runs on: SQLite always, PostgreSQL when `NORTHSTAR_TEST_POSTGRES_URL` names a
/// server (CI starts one; see `.ci/run`).
enum StoreBackend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    static let postgresURL: String? = ProcessInfo.processInfo.environment["NORTHSTAR_TEST_POSTGRES_URL"]
        .flatMap { $0.isEmpty ? nil : $0 }

    /// The backends this machine can run.
    static let available: [StoreBackend] = postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]

    var testDescription: String { rawValue == "sqlite" ? "SQLite" : "PostgreSQL" }

    /// A new, empty store of this kind, closed and removed after `body`.
    func withStore<Result>(_ body: (any Store) async throws -> Result) async throws -> Result {
        try await withLocation { location in
            let store = try await location.open()
            do {
                let result = try await body(store)
                try await store.close()
                return result
            } catch {
                try? await store.close()
                throw error
            }
        }
    }

    /// A new, empty place for a store, which `body` may open any number of times; removed afterwards.
    func withLocation<Result>(_ body: (TestStoreLocation) async throws -> Result) async throws -> Result {
        switch self {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("northstar-store-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            return try await body(.sqlite(path: directory.appendingPathComponent("northstar.db").path))
        case .postgres:
            let url = try #require(Self.postgresURL)
            // Each test gets its own schema, so tests run side by side on one database.
            let schema = "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            let admin = try await PostgresStore(url: url)
            try await admin.storage.session { database in
                try await database.execute(sql: SQLRaw("CREATE SCHEMA \(schema)")) { _ in }
            }
            var configuration = try SQLPostgresConfiguration(url: url)
            configuration.searchPath = [schema]
            do {
                let result = try await body(.postgres(configuration, schema: schema))
                try await Self.drop(schema, with: admin)
                return result
            } catch {
                try? await Self.drop(schema, with: admin)
                throw error
            }
        }
    }

    private static func drop(_ schema: String, with admin: PostgresStore) async throws {
        try await admin.storage.session { database in
            try await database.execute(sql: SQLRaw("DROP SCHEMA \(schema) CASCADE")) { _ in }
        }
        try await admin.close()
    }
}

/// Where a test's store lives.
enum TestStoreLocation: @unchecked Sendable {
    case sqlite(path: String)
    case postgres(SQLPostgresConfiguration, schema: String)

    /// Opens a new handle on the store: another "process" on the same data.
    func open() async throws -> any Store {
        switch self {
        case .sqlite(let path): try await SQLiteStore(path: path)
        case .postgres(let configuration, _): try await PostgresStore(configuration: configuration, location: "test")
        }
    }
}
