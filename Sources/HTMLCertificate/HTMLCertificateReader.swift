import CredconvJSON

/// Reads back the credential a credconv certificate carries.
public enum HTMLCertificateReader {
    /// Why a page is not a certificate credconv can read.
    public enum Failure: Error, Equatable {
        case noEmbeddedCredential
    }

    /// The JSON text of `<script type="application/ld+json" id="credconv-credential">`, with its line.
    public static func embeddedJSON(_ bytes: [UInt8]) throws(Failure) -> (json: [UInt8], line: Int) {
        guard let markerAt = bytes[...].firstIndex(ofASCII: "id=\"\(HTMLCertificateWriter.dataElementId)\"") else { throw .noEmbeddedCredential }
        guard let tagEnd = bytes[markerAt...].firstIndex(of: UInt8(ascii: ">")) else { throw .noEmbeddedCredential }
        // The opening tag must be a script element of type application/ld+json.
        guard let tagStart = bytes[..<markerAt].lastIndex(of: UInt8(ascii: "<")) else { throw .noEmbeddedCredential }
        let tag = bytes[tagStart...tagEnd]
        guard tag.hasASCIIPrefix("<script", ignoringCase: true), tag.containsASCII("type=\"application/ld+json\"", ignoringCase: true) else {
            throw .noEmbeddedCredential
        }
        let contentStart = tagEnd + 1
        guard let end = bytes[contentStart...].firstIndex(ofASCII: "</script") else { throw .noEmbeddedCredential }
        let line = bytes[..<contentStart].filter { $0 == 0x0A }.count + 1
        return (Array(bytes[contentStart..<end]), line)
    }
}
