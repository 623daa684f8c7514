import NorthstarCore
import SQLKit

extension SQLStorage {
    /// Records why a running run stopped and when, in one transaction; the run's `status` column stays `running`
    /// (its CHECK allows no third value), and a row in `import_failures` is what makes it failed.
    func failImportRun(_ id: Int64, message: String, at time: Timestamp) async throws {
        let location = self.location
        try await transaction { database in
            let running = try await database.select().column("id").from("import_runs")
                .where("id", .equal, id).where("status", .equal, ImportRunRecord.Status.running.rawValue).all()
            let failed = try await database.select().column("run_id").from("import_failures")
                .where("run_id", .equal, id).all()
            guard !running.isEmpty, failed.isEmpty else {
                throw StoreError(code: .conflict, message: "\(location): import run \(id) is not running.")
            }
            try await database.update("import_runs").set("finished_at", to: SQLBind(time.seconds))
                .where("id", .equal, id).run()
            try await database.insert(into: "import_failures").columns("run_id", "message")
                .values(SQLBind(id), SQLBind(message)).run()
        }
    }
}
