import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOPosix
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
        let runs = try await store.importRuns()
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
            let record = try await store.importRuns().first(where: { $0.id == id })
        else { throw ServerError(code: .notFound, message: "There is no import run with that id.") }
        return record
    }
}

/// What the Import page's form sent: the file, its name, and how to read it.
struct ImportUpload {
    /// The file's bytes.
    var file: ArraySlice<UInt8>
    /// The file's name as sent, for reports and pages only; control characters removed, at most 200 characters.
    var filename: String
    /// The format, zone and mapping to read it with.
    var run: ImportRun

    init(form: MultipartFormData) throws {
        guard let part = form["file"], let sent = part.filename,
            !sent.trimmingCharacters(in: .whitespaces).isEmpty
        else { throw ServerError(code: .badRequest, message: "Choose an export file to upload.") }
        file = part.body
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: sent.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F })
        filename = String(String(scalars).prefix(200))
        let formatName = form["format"]?.text ?? ImportFormat.canonicalCSV.rawValue
        var format: ImportFormat?
        if formatName != ImportView.detectValue {
            guard let named = ImportFormat(rawValue: formatName) else {
                throw ServerError(code: .badRequest, message: "Choose one of the formats the page lists.")
            }
            format = named
        }
        let zone = form["source_timezone"]?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        run = ImportRun(format: format, timeZoneIdentifier: zone.isEmpty ? "UTC" : zone)
        let mapping = form["mapping"]?.text ?? ""
        if !mapping.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            mappingYAML = mapping
        }
    }

    /// The mapping YAML given for the `mapped` format, loaded when the import runs so its mistakes show on the
    /// run's page with their lines and columns.
    var mappingYAML: String?
}

/// One upload's import, run in the background: read, store, complete the run; or mark it failed with the error as
/// the CLI prints it.
struct ImportJob: Sendable {
    let id: Int64
    let export: NamedExport
    let run: ImportRun
    var mappingYAML: String?
    let store: any Store
    let jobs: ImportJobs
    let now: @Sendable () -> Timestamp

    func perform() async {
        let id = self.id
        let jobs = self.jobs
        do {
            var run = self.run
            if let mappingYAML {
                run.mapping = try CSVMapping.load(yaml: mappingYAML, file: "mapping")
            }
            // Reading is synchronous and can take minutes: on the thread pool, the event loops and tasks keep serving.
            let export = self.export
            let (collection, reports) = try await NIOThreadPool.singleton.runIfActive { [run] in
                try run.collect(named: [export]) { _ in
                    { read in jobs.update(id) { $0.contactsRead = read } }
                }
            }
            jobs.update(id) {
                $0.phase = .storing
                $0.contactsRead = collection.contacts.count
                $0.contactsTotal = collection.contacts.count
            }
            try await StoreImport.write(collection, reports: reports, run: id, to: store, now: now) { stored, _ in
                jobs.update(id) { $0.contactsStored = stored }
            }
            jobs.update(id) { $0.phase = .done }
        } catch {
            let message = "\(error)"
            try? await store.failImportRun(id, message: message, at: now())
            jobs.update(id) {
                $0.phase = .failed
                $0.failure = message
            }
        }
    }
}
