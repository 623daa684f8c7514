/// Escaping for the text that reports put into markup.
package enum MarkupEscaping {
    /// Text safe in HTML and XML content and in quoted attribute values: `&`, `<`, `>`, `"` and `'` become
    /// references, and control characters that XML forbids even as references become U+FFFD.
    package static func html(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) {
                    result += "\u{FFFD}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// Escaped text in which `` `code` `` spans become `<code>` elements, for the definitions, which are
    /// written with Markdown code spans.
    static func htmlWithCode(_ text: String) -> String {
        let parts = text.split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return html(text) }
        var result = ""
        for (index, part) in parts.enumerated() {
            let escaped = html(String(part))
            // An odd index is inside a code span, unless it follows an unclosed last backtick.
            if index % 2 == 1, index < parts.count - 1 {
                result += "<code>\(escaped)</code>"
            } else {
                result += (index % 2 == 1 ? "`" : "") + escaped
            }
        }
        return result
    }

    /// Text for a GitHub-flavoured Markdown table cell or list item: line breaks become spaces, and the
    /// characters that would end a cell or start markup (`|`, `\`, `<`, `>`, `*`, `` ` ``, `[`, `]`) are
    /// escaped with a backslash.
    static func markdown(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\r\n", "\n", "\r": result.append(" ")
            case "|", "\\", "<", ">", "*", "`", "[", "]":
                result.append("\\")
                result.append(character)
            default: result.append(character)
            }
        }
        return result
    }

    /// Markdown prose written by Northstar itself, such as the definitions: code spans stay, and `<` and `>`
    /// are escaped so nothing reads as an HTML tag.
    static func markdownProse(_ text: String) -> String {
        var result = ""
        for character in text {
            if character == "<" || character == ">" { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// A CSV field, quoted as RFC 4180 asks when it holds a comma, a quote or a line break.
    static func csv(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        var quoted = "\""
        for character in text {
            quoted.append(character)
            if character == "\"" { quoted.append("\"") }
        }
        return quoted + "\""
    }

    /// A count with thousands separated by commas: `1,234,567`.
    package static func grouped(_ count: Int) -> String {
        let digits = String(count.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return count < 0 ? "-" + result : result
    }
}
