import Foundation

/// The blocks of a PEM text (RFC 7468): label and DER bytes.
public struct PEMBlock: Sendable {
    /// `PUBLIC KEY`, `CERTIFICATE`, `PRIVATE KEY`, …
    public var label: String
    public var der: [UInt8]
    /// The block's text, for libraries that take PEM.
    public var text: String {
        let body = Data(der).base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        return "-----BEGIN \(label)-----\n\(body)\n-----END \(label)-----\n"
    }

    /// Every PEM block of `text`, in order; empty when there is none. A block whose body is not base64
    /// is an error naming its label (never its content).
    public static func blocks(in text: String) throws(JOSEError) -> [PEMBlock] {
        var out: [PEMBlock] = []
        var label: String?
        var body = ""
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if label == nil, line.hasPrefix("-----BEGIN "), line.hasSuffix("-----") {
                label = String(line.dropFirst(11).dropLast(5))
                body = ""
            } else if let current = label, line == "-----END \(current)-----" {
                guard let der = Data(base64Encoded: body), !der.isEmpty else {
                    throw JOSEError(.invalidKey, "the PEM block \(current) is not base64")
                }
                out.append(PEMBlock(label: current, der: Array(der)))
                label = nil
            } else if label != nil {
                body += line
            }
        }
        if let label { throw JOSEError(.invalidKey, "the PEM block \(label) has no END line") }
        return out
    }
}
