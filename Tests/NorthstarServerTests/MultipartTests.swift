import HTTPTypes
import Hummingbird
import NIOCore
import Testing

@testable import NorthstarServer

@Suite("multipart/form-data bodies")
struct MultipartTests {
    /// A body written by hand, as RFC 7578's examples and browsers write it.
    static func body(_ lines: [String]) -> [UInt8] { Array(lines.joined(separator: "\r\n").utf8) }

    @Test(
        "the boundary comes from the content type, quoted or not, and only from multipart/form-data",
        arguments: [
            (
                "multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW",
                "----WebKitFormBoundary7MA4YWxkTrZu0gW"
            ),
            ("Multipart/Form-Data; charset=utf-8; BOUNDARY=\"a b;c\"", "a b;c"),
            ("multipart/form-data", nil),
            ("multipart/form-data; boundary=", nil),
            ("multipart/form-data; boundary=\(String(repeating: "x", count: 71))", nil),
            ("application/x-www-form-urlencoded; boundary=abc", nil),
            ("multipart/mixed; boundary=abc", nil),
        ] as [(String, String?)]
    )
    func boundary(_ contentType: String, _ expected: String?) {
        #expect(MultipartFormData.boundary(contentType: contentType) == expected)
    }

    @Test("reads fields and a file whose content holds line breaks, dashes and the boundary's text without its dashes")
    func fieldsAndFile() throws {
        let content = "id,channel\r\n1,email\r\n--\r\nXyZ\r\n-XyZ\n\r\n"
        let body = Self.body([
            "preamble to ignore",
            "--XyZ",
            "Content-Disposition: form-data; name=\"csrf_token\"",
            "",
            "t0k3n",
            "--XyZ",
            "Content-Disposition: form-data; name=\"file\"; filename=\"a \\\"quoted\\\"; name.csv\"",
            "Content-Type: text/csv",
            "",
            content,
            "--XyZ",
            "content-disposition: form-data; name=empty",
            "",
            "",
            "--XyZ--",
            "epilogue",
        ])
        let form = try MultipartFormData(body: body, boundary: "XyZ")
        #expect(form.parts.map(\.name) == ["csrf_token", "file", "empty"])
        #expect(form["csrf_token"]?.text == "t0k3n")
        #expect(form["csrf_token"]?.filename == nil)
        let file = try #require(form["file"])
        #expect(file.filename == "a \"quoted\"; name.csv")
        #expect(file.contentType == "text/csv")
        #expect(Array(file.body) == Array(content.utf8))
        #expect(form["empty"]?.text == "")
        #expect(form["missing"] == nil)
    }

    @Test("an empty file part and a filename with a path are kept as sent")
    func emptyFile() throws {
        let body = Self.body([
            "--b",
            "Content-Disposition: form-data; name=\"file\"; filename=\"../../etc/passwd\"",
            "",
            "",
            "--b--",
            "",
        ])
        let form = try MultipartFormData(body: body, boundary: "b")
        #expect(form["file"]?.filename == "../../etc/passwd")
        #expect(form["file"]?.body.isEmpty == true)
    }

    @Test(
        "a body that is not a well-formed form is refused as a bad request",
        arguments: [
            ["no boundary here at all"],
            ["--b", "Content-Disposition: form-data; name=\"a\"", "", "never closed"],
            ["--b", "Content-Disposition: form-data; name=\"a\""],
            ["--b", "Content-Type: text/plain", "", "x", "--b--"],
            ["--b", "Content-Disposition: attachment; name=\"a\"", "", "x", "--b--"],
            ["--bx", "Content-Disposition: form-data; name=\"a\"", "", "x", "--b--"],
        ]
    )
    func malformed(_ lines: [String]) {
        #expect {
            _ = try MultipartFormData(body: Self.body(lines), boundary: "b")
        } throws: { error in
            (error as? ServerError)?.code == .badRequest
        }
    }

    @Test("finds a pattern at the start, in the middle, at the end, and not past the end")
    func find() {
        let bytes = Array("abcabd".utf8)
        #expect(MultipartFormData.find(Array("ab".utf8), in: bytes, from: 0) == 0)
        #expect(MultipartFormData.find(Array("abd".utf8), in: bytes, from: 0) == 3)
        #expect(MultipartFormData.find(Array("ab".utf8), in: bytes, from: 1) == 3)
        #expect(MultipartFormData.find(Array("bd".utf8), in: bytes, from: 4) == 4)
        #expect(MultipartFormData.find(Array("abdx".utf8), in: bytes, from: 0) == nil)
        #expect(MultipartFormData.find(Array("x".utf8), in: bytes, from: 6) == nil)
    }
}

@Suite("Upload bodies")
struct UploadBodyTests {
    static func request(contentLength: String?, body: String) -> Request {
        var fields: HTTPFields = [.contentType: "multipart/form-data; boundary=b"]
        if let contentLength { fields[.contentLength] = contentLength }
        return Request(
            head: HTTPRequest(
                method: .post,
                scheme: "http",
                authority: "localhost",
                path: "/import",
                headerFields: fields
            ),
            body: RequestBody(buffer: ByteBuffer(string: body))
        )
    }

    @Test("a Content-Length over the cap is refused before the body is read")
    func declaredLength() async throws {
        var request = Self.request(contentLength: "1000", body: "small")
        await #expect {
            _ = try await UploadBody.collect(&request, upTo: 100)
        } throws: { error in
            (error as? ServerError)?.code == .contentTooLarge
        }
    }

    @Test("a body that grows past the cap is refused; one within it is read whole and kept for the next reader")
    func actualLength() async throws {
        var large = Self.request(contentLength: nil, body: String(repeating: "x", count: 101))
        await #expect {
            _ = try await UploadBody.collect(&large, upTo: 100)
        } throws: { error in
            (error as? ServerError)?.code == .contentTooLarge
        }
        var small = Self.request(contentLength: "5", body: "hello")
        #expect(try await UploadBody.collect(&small, upTo: 100) == Array("hello".utf8))
        #expect(try await UploadBody.collect(&small, upTo: 100) == Array("hello".utf8))
    }
}
