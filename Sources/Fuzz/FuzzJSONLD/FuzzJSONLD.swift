import CredentialConversion
import CredconvJSON
import FuzzSupport

/// libFuzzer target: any JSON through JSON-LD expansion and toRdf (embedded contexts only, with one
/// shared processor so cached contexts are exercised), the dataset canonicalized, and the same JSON as
/// a context of its own. Built only with CREDCONV_FUZZ=1.
let processor = JSONLDProcessor()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    guard let value = try? JSONParser().parse(bytes) else { return 0 }
    _ = try? processor.expandWithFindings(value)
    if let quads = try? processor.toRDF(value) {
        _ = try? RDFCanonicalizer(workBudget: 2_000).canonicalize(quads)
    }
    let asContext = OfflineDocumentLoader(documents: ["https://fuzz.example/ctx": .object(JSONObject(["@context": value]))])
    let document: JSONValue = .object(JSONObject([
        "@context": .string("https://fuzz.example/ctx"), "@id": .string("urn:x"), "@type": .string("T"), "name": .string("n"),
    ]))
    _ = try? JSONLDProcessor(loader: asContext).toRDF(document)
    return 0
}
