import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NorthstarCore
import NorthstarServer
import NorthstarStore
import Testing

@Suite("The Import page: upload, progress, summary and refused rows")
struct ImportPageTests {
    /// A canonical CSV with three bad rows whose lines are known by hand: line 4 has no created_at, line 6 answers
    /// before it was created, line 8 is not RFC 3339. Lines 2 and 9 are the same contact (counted once).
    static let export = """
        id,channel,created_at,first_response_at,resolved_at
        UP-1,email,2026-01-05T09:00:00Z,2026-01-05T10:00:00Z,2026-01-05T12:00:00Z
        UP-2,chat,2026-01-05T09:05:00Z,2026-01-05T09:06:00Z,2026-01-05T09:30:00Z
        UP-3,email,,2026-01-05T10:00:00Z,
        UP-4,phone,2026-01-06T08:00:00Z,,2026-01-06T08:10:00Z
        UP-5,email,2026-01-06T09:00:00Z,2026-01-06T08:00:00Z,
        UP-6,email,2026-01-07T09:00:00Z,,
        UP-7,chat,yesterday,,
        UP-1,email,2026-01-05T09:00:00Z,2026-01-05T10:30:00Z,2026-01-05T12:00:00Z
        UP-8,chat,2026-01-08T11:00:00Z,2026-01-08T11:01:00Z,

        """

    /// A `multipart/form-data` body written by hand, the file last as a browser sends it.
    static func multipart(
        boundary: String = "----NorthstarTestBoundary",
        fields: [(String, String)],
        filename: String,
        file: String
    ) -> ByteBuffer {
        var text = ""
        for (name, value) in fields {
            text += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        let quoted = filename.replacingOccurrences(of: "\"", with: "%22")
        text += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(quoted)\"\r\n"
        text += "Content-Type: text/csv\r\n\r\n\(file)\r\n--\(boundary)--\r\n"
        return ByteBuffer(string: text)
    }

    /// Uploads `file` as the signed-in browser, with its CSRF token unless `csrf` is false.
    static func upload(
        _ browser: inout Browser,
        _ client: any TestClientProtocol,
        file: String = export,
        filename: String = "upload.csv",
        format: String = "canonical-csv",
        mapping: String = "",
        csrf: Bool = true
    ) async throws -> TestResponse {
        var fields: [(String, String)] = []
        if csrf {
            let page = try await browser.get(client, "/import")
            fields.append(
                ("csrf_token", try #require(Browser.hiddenField("csrf_token", in: String(buffer: page.body))))
            )
        }
        fields += [("format", format), ("source_timezone", "UTC"), ("mapping", mapping)]
        var headers = browser.headers
        headers[.contentType] = "multipart/form-data; boundary=----NorthstarTestBoundary"
        let response = try await client.execute(
            uri: "/import",
            method: .post,
            headers: headers,
            body: multipart(fields: fields, filename: filename, file: file)
        )
        browser.take(response)
        return response
    }

    /// Follows the redirect to the run's page and reloads it, as its refresh asks, until the import is done.
    static func finish(
        _ browser: inout Browser,
        _ client: any TestClientProtocol,
        _ response: TestResponse,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) async throws -> (path: String, html: String) {
        #expect(response.status == .seeOther, sourceLocation: sourceLocation)
        let path = try #require(response.headers[.location], sourceLocation: sourceLocation)
        #expect(path.hasPrefix("/import/runs/"), sourceLocation: sourceLocation)
        for _ in 0..<400 {
            let page = try await browser.get(client, path)
            let html = String(buffer: page.body)
            if !html.contains("http-equiv=\"refresh\"") { return (path, html) }
            try await Task.sleep(for: .milliseconds(25))
        }
        Issue.record("the import did not finish", sourceLocation: sourceLocation)
        return (path, "")
    }

    /// What `northstar import` reads from the same bytes: the Core importer over a file with the same name.
    static func expectedReport(_ text: String = export) throws -> ImportReport {
        let result = try read(text, format: .canonicalCSV)
        return try #require(try result.get().first)
    }

    /// The reports, or the error's description, of the Core importer over `text` saved as `upload.csv` in a
    /// temporary folder, with the folder taken out of the names, as `northstar import upload.csv` run there says.
    static func read(_ text: String, format: ImportFormat) throws -> Result<[ImportReport], ImportFailure> {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("northstar-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("upload.csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        do {
            var reports = try ImportRun(format: format).collect([path]).reports
            for index in reports.indices { reports[index].file = "upload.csv" }
            return .success(reports)
        } catch {
            return .failure(
                ImportFailure(description: String(describing: error).replacingOccurrences(of: path, with: "upload.csv"))
            )
        }
    }

    /// An import error's description.
    struct ImportFailure: Error {
        var description: String
    }

    @Test("an upload is read, stored and summarised as `northstar import` reads the same file")
    func uploadMatchesCLI() async throws {
        try await ServerFixture.withFixture { fixture, client in
            let expected = try Self.expectedReport()
            let before = try await fixture.store.contactCount()
            var browser = Browser()
            try await browser.logIn(client, name: "manager")
            let form = String(buffer: try await browser.get(client, "/import").body)
            #expect(form.contains("enctype=\"multipart/form-data\""))
            #expect(form.contains("<option value=\"canonical-csv\" selected>"))
            #expect(form.contains("href=\"/import\">Import</a>"), "the navigation links the page")

            let (path, html) = try await Self.finish(&browser, client, try await Self.upload(&browser, client))
            let id = try #require(Int64(path.dropFirst("/import/runs/".count)))
            let run = try #require(try await fixture.store.importRuns().first { $0.id == id })
            #expect(run.status == .completed)
            let stored = try #require(try await fixture.store.importReports(ofRun: id).first)
            #expect(stored.file == "upload.csv")
            #expect(stored.rowsRead == expected.rowsRead)
            #expect(stored.accepted == expected.accepted)
            #expect(stored.duplicates == expected.duplicates)
            #expect(stored.rejectedByReason == expected.rejectedByReason)
            // Known by hand, independently of the importer.
            #expect(stored.rowsRead == 9)
            #expect(stored.rejected == 3)
            #expect(stored.rejects.map(\.line) == [4, 6, 8])
            #expect(stored.rejects.map(\.fields.first) == ["UP-3", "UP-5", "UP-7"])
            #expect(html.contains("first response before creation"))
            #expect(html.contains("<td class=\"num\">6</td>"))
            #expect(html.contains("href=\"/import/runs/\(id)/rejects.csv\""))

            // Five distinct new contacts (UP-1 twice), stored under the canonical source.
            #expect(try await fixture.store.contactCount() == before + 5)
            let contact = try #require(try await fixture.store.contact(source: "canonical-csv", id: "UP-1"))
            #expect(contact.channel == "email")
            #expect(run.contacts == 5)

            let csv = try await browser.get(client, "/import/runs/\(id)/rejects.csv")
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            let lines = String(buffer: csv.body).split(separator: "\n").map(String.init)
            #expect(lines.first == "file,line,reason,row,record")
            #expect(
                lines.dropFirst().map { $0.split(separator: ",").prefix(2).joined(separator: ",") } == [
                    "upload.csv,4", "upload.csv,6", "upload.csv,8",
                ]
            )

            // The API's check reads the stored run's summary as its input.
            let api = try await client.execute(
                uri: "/api/promises",
                method: .get,
                headers: [.authorization: "Bearer \(fixture.tokens[.admin]!)"]
            )
            let report = try JSONDecoder().decode(CheckReport.self, from: Data(String(buffer: api.body).utf8))
            #expect(report.input.rowsRead == expected.rowsRead)
            #expect(report.input.accepted == expected.accepted)
            #expect(report.input.files.map(\.file) == ["upload.csv"])

            // The same export again replaces the same contacts.
            let second = try await Self.finish(&browser, client, try await Self.upload(&browser, client))
            #expect(second.path != path)
            #expect(try await fixture.store.contactCount() == before + 5)
            #expect(try await fixture.store.importRuns().filter { $0.status == .completed }.count == 3)

            let list = String(buffer: try await browser.get(client, "/import").body)
            #expect(list.contains("href=\"\(path)\""))
            #expect(list.contains("href=\"\(second.path)\""))
        }
    }

    @Test("agents and viewers are refused, the signed-out are sent to sign in", arguments: ["agent", "viewer"])
    func roles(_ name: String) async throws {
        try await ServerFixture.withFixture { fixture, client in
            var browser = Browser()
            try await browser.logIn(client, name: name)
            let page = try await browser.get(client, "/import")
            #expect(page.status == .forbidden)
            // With the session's own token, so the refusal is the role's.
            let overview = String(buffer: try await browser.get(client, "/").body)
            #expect(!overview.contains("href=\"/import\""))
            let token = try #require(Browser.hiddenField("csrf_token", in: overview))
            var headers = browser.headers
            headers[.contentType] = "multipart/form-data; boundary=----NorthstarTestBoundary"
            let post = try await client.execute(
                uri: "/import",
                method: .post,
                headers: headers,
                body: Self.multipart(fields: [("csrf_token", token)], filename: "a.csv", file: Self.export)
            )
            #expect(post.status == .forbidden)
            #expect(String(buffer: post.body).contains("may not upload"), "refused before the body is read")
            let run = try #require(try await fixture.store.importRuns().first)
            let runPage = try await browser.get(client, "/import/runs/\(run.id)")
            #expect(runPage.status == .forbidden)
            let download = try await browser.get(client, "/import/runs/\(run.id)/rejects.csv")
            #expect(download.status == .forbidden)
            #expect(try await fixture.store.importRuns().count == 1, "nothing was imported")

            var anonymous = Browser()
            let signedOut = try await anonymous.get(client, "/import")
            #expect(signedOut.status == .seeOther)
            #expect(signedOut.headers[.location]?.hasPrefix("/login") == true)
            let anonymousPost = try await Self.upload(&anonymous, client, csrf: false)
            #expect(anonymousPost.status == .seeOther)
            #expect(anonymousPost.headers[.location]?.hasPrefix("/login") == true)
        }
    }

    @Test("an upload without the session's CSRF token is refused and starts nothing")
    func missingCSRF() async throws {
        try await ServerFixture.withFixture { fixture, client in
            var browser = Browser()
            try await browser.logIn(client, name: "admin")
            let response = try await Self.upload(&browser, client, csrf: false)
            #expect(response.status == .forbidden)
            #expect(try await fixture.store.importRuns().count == 1)
        }
    }

    @Test("an upload over the limit is refused with 413, by its length or its body")
    func tooLarge() async throws {
        let fixture = try await ServerFixture.make()
        var configuration = fixture.configuration
        configuration.maximumUploadBytes = 300
        let app = buildApplication(
            store: fixture.store,
            configuration: configuration,
            logger: ServerFixture.quietLogger
        )
        defer { try? FileManager.default.removeItem(at: fixture.directory) }
        try await app.test(.router) { client in
            var browser = Browser()
            try await browser.logIn(client, name: "admin")
            let response = try await Self.upload(&browser, client)
            #expect(response.status == .contentTooLarge)
            #expect(String(buffer: response.body).contains("larger than this server takes"))

            // A bearer token skips the CSRF check: the route's own cap refuses it.
            var headers: HTTPFields = [.authorization: "Bearer \(fixture.tokens[.manager]!)"]
            headers[.contentType] = "multipart/form-data; boundary=----NorthstarTestBoundary"
            let bearer = try await client.execute(
                uri: "/import",
                method: .post,
                headers: headers,
                body: Self.multipart(fields: [], filename: "big.csv", file: Self.export)
            )
            #expect(bearer.status == .contentTooLarge)
            #expect(try await fixture.store.importRuns().count == 1)
        }
        try await fixture.store.close()
    }

    @Test("a filename with a path and HTML is shown escaped and never used as a path")
    func hostileFilename() async throws {
        try await ServerFixture.withFixture { fixture, client in
            var browser = Browser()
            try await browser.logIn(client, name: "admin")
            let name = "../../<b>evil</b>.csv"
            let (_, html) = try await Self.finish(
                &browser,
                client,
                try await Self.upload(&browser, client, filename: name)
            )
            #expect(html.contains("../../&lt;b&gt;evil&lt;/b&gt;.csv"))
            #expect(!html.contains("<b>evil</b>"))
            let run = try #require(try await fixture.store.importRuns().first)
            #expect(run.files == [name])
            #expect(run.status == .completed)
            let temporary = FileManager.default.temporaryDirectory
            for directory in [temporary, temporary.deletingLastPathComponent(), fixture.directory] {
                #expect(
                    !FileManager.default.fileExists(atPath: directory.appendingPathComponent("<b>evil</b>.csv").path)
                )
            }
            let list = String(buffer: try await browser.get(client, "/import").body)
            #expect(list.contains("&lt;b&gt;evil&lt;/b&gt;"))
            #expect(!list.contains("<b>evil</b>"))
        }
    }

    @Test("an export in the wrong format fails with the CLI's message, naming the upload, and the run is marked failed")
    func wrongFormat() async throws {
        try await ServerFixture.withFixture { fixture, client in
            var browser = Browser()
            try await browser.logIn(client, name: "manager")
            let (path, html) = try await Self.finish(
                &browser,
                client,
                try await Self.upload(&browser, client, format: "servicenow")
            )
            let id = try #require(Int64(path.dropFirst("/import/runs/".count)))
            let run = try #require(try await fixture.store.importRuns().first { $0.id == id })
            #expect(run.status == .failed)
            let failure = try #require(run.failure)
            #expect(failure.contains("upload.csv"))
            #expect(!failure.contains("northstar-upload-"), "the saved path is never shown")
            #expect(html.contains("The import failed"))
            guard case .failure(let expected) = try Self.read(Self.export, format: .serviceNow) else {
                Issue.record("the CLI's importer read the file as ServiceNow")
                return
            }
            #expect(failure == expected.description)
            #expect(html.contains("Error: \(MarkupEscaping.html(expected.description))"))
            let download = try await browser.get(client, "\(path)/rejects.csv")
            #expect(download.status == .notFound)
            let missing = try await browser.get(client, "/import/runs/999")
            #expect(missing.status == .notFound)
        }
    }

    @Test("a mapped CSV is read through the mapping typed into the form; a bad mapping fails at its line and column")
    func mapped() async throws {
        try await ServerFixture.withFixture { fixture, client in
            var browser = Browser()
            try await browser.logIn(client, name: "admin")
            let export = """
                Ticket;Source;Opened
                M-1;Voice;05/01/2026 09:00
                M-2;Web form;05/01/2026 10:30
                M-3;Voice;not a date

                """
            let mapping = """
                columns:
                  id: Ticket
                  channel: Source
                  created_at: Opened
                timestamps:
                  format: "dd/MM/yyyy HH:mm"
                  timezone: Europe/Amsterdam
                values:
                  channel: {Voice: phone, "Web form": web}
                delimiter: ";"

                """
            let response = try await Self.upload(&browser, client, file: export, format: "mapped", mapping: mapping)
            let (path, _) = try await Self.finish(&browser, client, response)
            let id = try #require(Int64(path.dropFirst("/import/runs/".count)))
            let report = try #require(try await fixture.store.importReports(ofRun: id).first)
            #expect(report.rowsRead == 3)
            #expect(report.accepted == 2)
            #expect(report.rejects.map(\.line) == [4])
            let contact = try #require(try await fixture.store.contact(source: report.format, id: "M-1"))
            #expect(contact.channel == "phone")
            // 09:00 in Amsterdam in January is 08:00 UTC.
            #expect(contact.createdAt.seconds == 1_767_600_000)

            let bad = "columns:\n  id: Ticket\n  creatd_at: Opened\n"
            let failed = try await Self.finish(
                &browser,
                client,
                try await Self.upload(&browser, client, file: export, format: "mapped", mapping: bad)
            )
            let failedID = try #require(Int64(failed.path.dropFirst("/import/runs/".count)))
            let run = try #require(try await fixture.store.importRuns().first { $0.id == failedID })
            #expect(run.status == .failed)
            #expect(run.failure?.hasPrefix("mapping:3:3: ") == true)
            #expect(failed.html.contains("mapping:3:3: "))
        }
    }
}
