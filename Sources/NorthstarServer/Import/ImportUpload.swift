import Foundation
import NorthstarCore

/// What the Import page's form sent: the file, its name, and how to read it.
struct ImportUpload {
    /// The file's bytes.
    var file: ArraySlice<UInt8>
    /// The file's name as sent, for reports and pages only; control characters removed, at most 200 characters.
    var filename: String
    /// The format and zone to read it with.
    var run: ImportRun
    /// The mapping YAML given for the `mapped` format, loaded when the import runs so its mistakes show on the
    /// run's page with their lines and columns.
    var mappingYAML: String?

    /// Reads the form's fields; throws ``ServerError/Code/badRequest`` when no file was chosen or the format is
    /// not one of the page's.
    init(form: MultipartFormData) throws(ServerError) {
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
}
