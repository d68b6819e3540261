/// Reads back the credential a credconv certificate carries.
public enum HTMLCertificateReader {
    /// Why a page is not a certificate credconv can read.
    public enum Failure: Error, Equatable {
        case noEmbeddedCredential
    }

    /// The JSON text of `<script type="application/ld+json" id="credconv-credential">`, with its line.
    public static func embeddedJSON(_ bytes: [UInt8]) throws(Failure) -> (json: [UInt8], line: Int) {
        let marker = Array("id=\"\(HTMLCertificateWriter.dataElementId)\"".utf8)
        guard let markerAt = find(marker, in: bytes, from: 0) else { throw .noEmbeddedCredential }
        guard let tagEnd = bytes[markerAt...].firstIndex(of: UInt8(ascii: ">")) else { throw .noEmbeddedCredential }
        // The opening tag must be a script element of type application/ld+json.
        guard let tagStart = bytes[..<markerAt].lastIndex(of: UInt8(ascii: "<")) else { throw .noEmbeddedCredential }
        let tag = String(decoding: bytes[tagStart...tagEnd], as: UTF8.self).lowercased()
        guard tag.hasPrefix("<script"), tag.contains("type=\"application/ld+json\"") else { throw .noEmbeddedCredential }
        let contentStart = tagEnd + 1
        guard let end = find(Array("</script".utf8), in: bytes, from: contentStart) else { throw .noEmbeddedCredential }
        let line = bytes[..<contentStart].filter { $0 == 0x0A }.count + 1
        return (Array(bytes[contentStart..<end]), line)
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var i = start
        while i <= haystack.count - needle.count {
            if haystack[i] == needle[0] && haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
