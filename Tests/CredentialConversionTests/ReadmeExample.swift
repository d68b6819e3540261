import CredentialConversion

func convertToEuropass(_ bytes: [UInt8]) throws(Diagnostic) -> [UInt8] {
    let output = try Converter().convert(bytes, options: ConversionOptions(to: .elmXML))
    for finding in output.report.lost where finding.code == .noPlaceInTarget {
        print("not in Europass XML:", finding.location?.description ?? "", finding.message)
    }
    return output.bytes
}
