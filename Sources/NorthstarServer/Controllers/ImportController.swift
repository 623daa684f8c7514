import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NorthstarCore
import NorthstarStore

/// The Import page (managers and admins): upload an export, watch it being read and stored, then see what was
/// accepted and refused, with the refused rows; the same pipeline as `northstar import --database`.
struct ImportController {
    let store: any Store
    let jobs: ImportJobs
    let configuration: ServerConfiguration

    static let roles: Set<Role> = [.admin, .manager]
    /// Refused rows shown on a run's page; the CSV download has them all.
    static let shownRejects = 500

    func addRoutes(to router: Router<NorthstarRequestContext>) {
        router.get("/import", use: form)
        router.post("/import", use: upload)
        router.get("/import/runs/:id", use: run)
        router.get("/import/runs/:id/rejects.csv", use: rejects)
    }

    /// The upload form and the recent runs.
    @Sendable func form(_ request: Request, context: NorthstarRequestContext) async throws -> Response {
        let identity = try context.require(Self.roles)
        let runs = try await store.importRuns(at: timestamp(configuration.now()))
        return Layout.html(ImportView.render(runs: runs, identity: identity))
    }

    /// Saves the upload under a name of the server's choosing, begins the run, reads and stores it in the
    /// background, and sends the browser to the run's page.
    @Sendable func upload(_ request: Request, context: NorthstarRequestContext) async throws -> Response {
        _ = try context.require(Self.roles)
        guard let boundary = MultipartFormData.boundary(contentType: request.headers[.contentType]) else {
            throw ServerError(
                code: .badRequest,
                message: "The upload must be sent as multipart/form-data with a boundary, as the Import page's form is."
            )
        }
        var request = request
        let body = try await UploadBody.collect(&request, upTo: configuration.maximumUploadBytes)
        let upload = try ImportUpload(form: MultipartFormData(body: body, boundary: boundary))
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("northstar-upload-\(UUID().uuidString)", isDirectory: true)
        let path = directory.appendingPathComponent("export").path
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
            try Data(upload.file).write(to: URL(fileURLWithPath: path))
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
        let now = configuration.now
        let id: Int64
        do {
            id = try await store.beginImportRun(files: [upload.filename], at: timestamp(now()))
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
        jobs.start(id)
        let work = ImportJob(
            id: id,
            export: NamedExport(name: upload.filename, path: path),
            run: upload.run,
            mappingYAML: upload.mappingYAML,
            store: store,
            jobs: jobs,
            now: { timestamp(now()) }
        )
        context.logger.info(
            "import started",
            metadata: ["run": .stringConvertible(id), "bytes": .stringConvertible(upload.file.count)]
        )
        Task.detached {
            await work.perform()
            try? FileManager.default.removeItem(at: directory)
        }
        return Response(status: .seeOther, headers: [.location: "/import/runs/\(id)"])
    }

    /// A run: its progress while under way (the page reloads itself each second), its outcome once done.
    @Sendable func run(_ request: Request, context: NorthstarRequestContext) async throws -> Response {
        let identity = try context.require(Self.roles)
        let record = try await self.record(context)
        let progress = jobs.progress(record.id)
        switch record.status {
        case .completed:
            let reports = try await store.importReports(ofRun: record.id)
            return Layout.html(ImportRunView.completed(record, reports: reports, identity: identity))
        case .failed:
            return Layout.html(ImportRunView.failed(record, message: record.failure ?? "", identity: identity))
        case .abandoned:
            // This server may still be reading a long export (no heartbeat while reading): its progress wins.
            if let progress, progress.phase == .reading || progress.phase == .storing {
                return Layout.html(ImportRunView.running(record, progress: progress, identity: identity))
            }
            return Layout.html(ImportRunView.abandoned(record, identity: identity))
        case .running:
            if let progress, progress.phase == .failed {
                return Layout.html(ImportRunView.failed(record, message: progress.failure ?? "", identity: identity))
            }
            return Layout.html(ImportRunView.running(record, progress: progress, identity: identity))
        }
    }

    /// Every refused row of a completed run as CSV, in the columns of `northstar import --rejects`.
    @Sendable func rejects(_ request: Request, context: NorthstarRequestContext) async throws -> Response {
        _ = try context.require(Self.roles)
        let record = try await self.record(context)
        guard record.status == .completed else {
            throw ServerError(code: .notFound, message: "Import run \(record.id) has not completed; it has no summary.")
        }
        let reports = try await store.importReports(ofRun: record.id)
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8",
                .contentDisposition: "attachment; filename=\"import-run-\(record.id)-rejects.csv\"",
                .cacheControl: "no-store",
                HTTPField.Name("X-Content-Type-Options")!: "nosniff",
            ],
            body: .init(byteBuffer: ByteBuffer(string: RejectsCSV.text(reports)))
        )
    }

    /// The run named by the `:id` of the path.
    private func record(_ context: NorthstarRequestContext) async throws -> ImportRunRecord {
        guard let id = context.parameters.get("id").flatMap({ Int64($0) }),
            let record = try await store.importRuns(at: timestamp(configuration.now())).first(where: { $0.id == id })
        else { throw ServerError(code: .notFound, message: "There is no import run with that id.") }
        return record
    }
}
