import NorthstarCore
import SQLKit

extension SQLStorage {
    // MARK: Login failures

    func recordLoginFailure(keys: [String], at time: Timestamp) async throws {
        guard !keys.isEmpty else { return }
        try await session { database in
            try await database.insert(into: "login_failures").columns("key_hash", "failed_at")
                .rows(keys.map { [SQLBind($0), SQLBind(time.seconds)] }).run()
        }
    }

    func loginFailures(key: String, since time: Timestamp) async throws -> [Timestamp] {
        let rows = try await session { database in
            try await database.select().column("failed_at").from("login_failures")
                .where("key_hash", .equal, key).where("failed_at", .greaterThanOrEqual, SQLBind(time.seconds))
                .orderBy("failed_at").all()
        }
        return try rows.map { Timestamp(seconds: try $0.decode(column: "failed_at", as: Int64.self)) }
    }

    func clearLoginFailures(keys: [String]) async throws {
        guard !keys.isEmpty else { return }
        try await session { database in
            try await database.delete(from: "login_failures").where("key_hash", .in, keys).run()
        }
    }

    func removeLoginFailures(before time: Timestamp) async throws -> Int {
        try await session { database in
            try await database.delete(from: "login_failures").where("failed_at", .lessThan, SQLBind(time.seconds))
                .returning("key_hash").all().count
        }
    }
}
