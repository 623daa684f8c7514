import Foundation

/// The fields and files of a `multipart/form-data` body (RFC 7578), as a browser sends a form with a file: parts
/// between `--boundary` lines, each with a `Content-Disposition: form-data; name="…"; filename="…"` header. Small
/// on purpose: the Import page's form is all it reads, and nothing new joins the package for it.
struct MultipartFormData {
    /// One field or file of the form.
    struct Part {
        /// The form field's name.
        var name: String
        /// The file's name as the browser sent it, for file fields; only ever shown (escaped), never a path.
        var filename: String?
        /// The part's `Content-Type`, when it has one.
        var contentType: String?
        /// The bytes between the part's headers and the next boundary, line breaks inside included.
        var body: ArraySlice<UInt8>

        /// The body as text.
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// The parts, in the order sent.
    var parts: [Part]

    /// The first part named `name`.
    subscript(name: String) -> Part? { parts.first { $0.name == name } }

    /// The boundary of a `multipart/form-data` content type, `nil` for any other content type or a boundary that
    /// is missing or longer than RFC 2046's 70 characters.
    static func boundary(contentType: String?) -> String? {
        guard let contentType else { return nil }
        let parameters = Self.parameters(contentType)
        guard parameters.first?.value.lowercased() == "multipart/form-data" else { return nil }
        guard let boundary = parameters.dropFirst().first(where: { $0.name == "boundary" })?.value,
            (1...70).contains(boundary.utf8.count)
        else { return nil }
        return boundary
    }

    /// Reads `body`, whose parts are separated by `boundary`; throws ``ServerError/Code/badRequest`` when it does
    /// not hold a well-formed form.
    init(body: [UInt8], boundary: String) throws(ServerError) {
        let delimiter = Array("--\(boundary)".utf8)
        let lineBreak: [UInt8] = [13, 10]
        let nextDelimiter = lineBreak + delimiter
        // The first delimiter opens the body, or ends a preamble line that is ignored.
        let first: Int? =
            body.starts(with: delimiter)
            ? delimiter.count : Self.find(nextDelimiter, in: body, from: 0).map { $0 + nextDelimiter.count }
        guard var position = first else { throw Self.malformed("it holds no part starting with the boundary") }
        var parts: [Part] = []
        while true {
            if body[position...].starts(with: [45, 45]) { break }  // `--`: the closing delimiter
            while position < body.count, body[position] == 32 || body[position] == 9 { position += 1 }
            guard body[position...].starts(with: lineBreak) else {
                throw Self.malformed("a boundary line is not followed by a line break")
            }
            position += 2
            guard let headersEnd = Self.find(lineBreak + lineBreak, in: body, from: position) else {
                throw Self.malformed("a part's headers never end")
            }
            let headers = String(decoding: body[position..<headersEnd], as: UTF8.self)
            let start = headersEnd + 4
            guard let end = Self.find(nextDelimiter, in: body, from: start) else {
                throw Self.malformed("it ends before its closing boundary")
            }
            parts.append(try Self.part(headers: headers, body: body[start..<end]))
            position = end + nextDelimiter.count
        }
        self.parts = parts
    }

    private static func malformed(_ why: String) -> ServerError {
        ServerError(code: .badRequest, message: "The form cannot be read: \(why). Send it again from the page.")
    }

    /// A part from its header lines and its bytes.
    private static func part(headers: String, body: ArraySlice<UInt8>) throws(ServerError) -> Part {
        var disposition: [(name: String, value: String)] = []
        var contentType: String?
        for line in headers.split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            if name == "content-disposition" { disposition = parameters(value) }
            if name == "content-type" { contentType = value }
        }
        guard disposition.first?.value.lowercased() == "form-data",
            let name = disposition.dropFirst().first(where: { $0.name == "name" })?.value
        else { throw malformed("a part has no `Content-Disposition: form-data; name=…` header") }
        let filename = disposition.dropFirst().first { $0.name == "filename" }?.value
        return Part(name: name, filename: filename, contentType: contentType, body: body)
    }

    /// A header value and its `; name=value` parameters: the value first (with an empty name), then each
    /// parameter with its name in lower case and its value unquoted (`\"` and `\\` inside quotes read as the
    /// character escaped). A `;` inside quotes belongs to the value.
    static func parameters(_ header: String) -> [(name: String, value: String)] {
        var items: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for character in header {
            if escaped {
                current.append(character)
                escaped = false
            } else if quoted && character == "\\" {
                current.append(character)
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
                current.append(character)
            } else if character == ";" && !quoted {
                items.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        items.append(current)
        var result = [(name: "", value: items[0].trimmingCharacters(in: .whitespaces))]
        for item in items.dropFirst() {
            guard let equals = item.firstIndex(of: "=") else { continue }
            let name = item[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var value = item[item.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                var unquoted = ""
                var escaping = false
                for character in value.dropFirst().dropLast() {
                    if !escaping && character == "\\" {
                        escaping = true
                        continue
                    }
                    unquoted.append(character)
                    escaping = false
                }
                value = unquoted
            }
            result.append((name: name, value: value))
        }
        return result
    }

    /// Where `pattern` first occurs in `bytes` at or after `start`.
    static func find(_ pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = pattern.first, bytes.count - start >= pattern.count else { return nil }
        return bytes.withUnsafeBufferPointer { haystack in
            pattern.withUnsafeBufferPointer { needle in
                var index = start
                let last = haystack.count - needle.count
                while index <= last {
                    if haystack[index] == first {
                        var matched = 1
                        while matched < needle.count, haystack[index + matched] == needle[matched] { matched += 1 }
                        if matched == needle.count { return index }
                    }
                    index += 1
                }
                return nil
            }
        }
    }
}
